import { describe, expect, it } from 'vitest';
import { formatBenchTable, type BenchMeasure } from '../../scripts/formatBenchTable.js';

const measure = (overrides: Partial<BenchMeasure> = {}): BenchMeasure => ({
  name: 'sample organisation',
  description: '592 accounts, 14 site rows',
  requests: { subscribedSkus: 1, listItems: 2, groupMembers: 24, users: 1 },
  expected: { subscribedSkus: 1, listItems: 2, groupMembers: 24 },
  wallMs: 430,
  maxRssBytes: 171 * 1024 * 1024,
  renderMs: 12,
  renders: 12,
  compileMs: 40,
  sitesOk: 11,
  sites: 12,
  targets: { maxRequests: 60, maxWallMs: 2000 },
  ...overrides,
});

const lineOf = (table: string, start: string) => table.split('\n').find((line) => line.trimStart().startsWith(start)) ?? '';

describe('formatBenchTable', () => {
  it('prints each figure with its target and a check mark when met', () => {
    const table = formatBenchTable([measure()]);
    expect(table.split('\n')[0]).toBe('sample organisation: 592 accounts, 14 site rows');
    expect(lineOf(table, 'requests')).toMatch(/requests\s+28\s+target ≤ 60\s+✓$/);
    expect(lineOf(table, 'wall time')).toMatch(/0\.43 s\s+target < 2 s\s+✓$/);
    expect(lineOf(table, 'peak RSS')).toMatch(/171 MB$/);
    expect(lineOf(table, 'render time')).toContain('12 mails rendered; templates compiled in 0.04 s');
    expect(lineOf(table, 'sites ok')).toMatch(/11\/12$/);
  });

  it('marks a missed target and a request count that differs from what the issue promises', () => {
    const table = formatBenchTable([
      measure({
        requests: { subscribedSkus: 1, listItems: 2, groupMembers: 70 },
        wallMs: 2500,
        maxRssBytes: 600 * 1024 * 1024,
        targets: { maxRequests: 60, maxWallMs: 2000, maxRssBytes: 512 * 1024 * 1024 },
      }),
    ]);
    expect(lineOf(table, 'requests')).toMatch(/73\s+target ≤ 60\s+✗$/);
    expect(lineOf(table, 'groupMembers')).toMatch(/70\s+expected 24\s+✗$/);
    expect(lineOf(table, 'subscribedSkus')).toMatch(/expected 1\s+✓$/);
    expect(lineOf(table, 'wall time')).toMatch(/2\.50 s\s+target < 2 s\s+✗$/);
    expect(lineOf(table, 'peak RSS')).toMatch(/600 MB\s+target < 512 MB\s+✗$/);
  });

  it('lists kinds with no expectation (users pages, product names) without a mark, and one section per tenant', () => {
    const table = formatBenchTable([
      measure(),
      measure({ name: 'generated tenant', requests: { groupMembers: 600, productNames: 1 }, expected: {}, targets: {} }),
    ]);
    expect(lineOf(table, 'users')).toMatch(/users\s+1$/);
    expect(table).toContain('\n\ngenerated tenant: ');
    expect(table.split('\n').filter((line) => line.trimStart().startsWith('productNames'))).toHaveLength(1);
  });
});
