import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/run/runReport.js';
import { createTestRun } from '../support/testRun.js';

describe('runReport concurrency', () => {
  it.each([1, 2, 3])('processes at most SITE_CONCURRENCY=%i sites at a time', async (concurrency) => {
    const t = createTestRun({ SITE_CONCURRENCY: String(concurrency) });
    for (let id = 1; id <= 7; id += 1) t.addSite(id, `S${id}`);
    const result = await runReport(t.deps);
    expect(result.totals.sitesOk).toBe(7);
    // Reached, never exceeded: the limit is what bounds the sites in flight.
    expect(t.directory.maxMemberReadsInFlight).toBe(concurrency);
    // Each site reads its two groups in parallel.
    expect(t.directory.maxInFlight).toBeLessThanOrEqual(2 * concurrency);
  });

  it('keeps the summary in the sites list order whatever order the sites finish in', async () => {
    const t = createTestRun({ SITE_CONCURRENCY: '4' });
    t.addSite(1, 'SLOW', 50);
    t.addSite(2, 'FAST', 1);
    const read = t.directory.listGroupUsers.bind(t.directory);
    t.directory.listGroupUsers = async (groupId, select) => {
      if (t.directory.groups.get(groupId)?.length === 50) for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
      return read(groupId, select);
    };
    const result = await runReport(t.deps);
    expect(result.sites.map((s) => s.code)).toEqual(['SLOW', 'FAST']);
  });
});
