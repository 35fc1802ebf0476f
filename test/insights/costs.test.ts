import { describe, expect, it } from 'vitest';
import { compareCosts } from '../../src/insights/compareCosts.js';
import { summarizeCosts } from '../../src/insights/summarizeCosts.js';
import type { RunCosts, UncoveredAccount } from '../../src/insights/types.js';
import { BI_PRO, E3, FLOW_FREE, PROJECT, report, row } from './fixtures.js';

const NOW = new Date('2026-02-01T06:00:00Z');

describe('summarizeCosts', () => {
  const siege = report('SIEGE', [row('u1', 'Ana', 'A', [E3, BI_PRO]), row('u2', 'Ben', 'B', [E3, PROJECT, FLOW_FREE])]);
  const apf = report('APF', [row('u2', 'Ben', 'B', [E3, PROJECT, FLOW_FREE])]);
  const orphan: UncoveredAccount = {
    userId: 'u9',
    name: 'Orphan',
    email: 'o@contoso.test',
    disabled: false,
    guest: false,
    licenses: [{ skuId: E3, label: 'Office 365 E3', monthlyPriceCents: 630 }],
    monthlyCostCents: 630,
  };
  const costs = summarizeCosts([siege, apf], [orphan], '2026-02', NOW);

  it('keeps each site’s total as its mail shows it', () => {
    expect(costs.bySite).toEqual([
      { code: 'SIEGE', name: 'Site SIEGE', cents: 630 + 340 + 630 },
      { code: 'APF', name: 'Site APF', cents: 630 },
    ]);
  });

  it('sums each priced license over every licensed account once, including accounts in no site', () => {
    expect(costs.byLicense).toEqual([
      { skuId: E3, label: 'Office 365 E3', cents: 3 * 630 },
      { skuId: BI_PRO, label: 'Power BI Pro', cents: 340 },
      { skuId: FLOW_FREE, label: 'Microsoft Power Automate Free', cents: 0 },
    ]);
  });
});

describe('compareCosts', () => {
  const costs = (period: string, bySite: RunCosts['bySite'], byLicense: RunCosts['byLicense']): RunCosts => ({
    schema: 1,
    period,
    takenAt: `${period}-01T06:00:00.000Z`,
    bySite,
    byLicense,
  });
  const january = costs(
    '2026-01',
    [
      { code: 'SIEGE', name: 'Siège', cents: 1600 },
      { code: 'OLD', name: 'Closed', cents: 500 },
    ],
    [
      { skuId: E3, label: 'Office 365 E3', cents: 1260 },
      { skuId: BI_PRO, label: 'Power BI Pro', cents: 340 },
    ],
  );
  const february = costs(
    '2026-02',
    [
      { code: 'siege', name: 'Siège', cents: 1890 },
      { code: 'NEW', name: 'New site', cents: 630 },
    ],
    [{ skuId: E3.toUpperCase(), label: 'Office 365 E3', cents: 2520 }],
  );

  it('puts last month’s cost next to this month’s, by site and by license', () => {
    const comparison = compareCosts(february, january);
    expect(comparison.previousPeriod).toBe('2026-01');
    expect(comparison.costBySite).toEqual([
      { code: 'siege', name: 'Siège', nowCents: 1890, thenCents: 1600 },
      { code: 'NEW', name: 'New site', nowCents: 630, thenCents: null },
    ]);
    expect(comparison.costByLicense).toEqual([
      { skuId: E3.toUpperCase(), label: 'Office 365 E3', nowCents: 2520, thenCents: 1260 },
      { skuId: BI_PRO, label: 'Power BI Pro', nowCents: 0, thenCents: 340 },
    ]);
  });

  it('has no "then" at all on the first run', () => {
    const comparison = compareCosts(february, undefined);
    expect(comparison.previousPeriod).toBeNull();
    expect(comparison.costBySite.every((site) => site.thenCents === null)).toBe(true);
    expect(comparison.costByLicense.every((license) => license.thenCents === null)).toBe(true);
  });
});
