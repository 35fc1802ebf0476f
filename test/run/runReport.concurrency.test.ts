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

  it('lets the other sites read their groups while the sign-ins load: a site waiting for them frees its slot', async () => {
    const t = createTestRun({ SITE_CONCURRENCY: '1' });
    for (let id = 1; id <= 3; id += 1) t.addSite(id, `S${id}`);
    const memberReads = () => t.directory.calls.filter((call) => call.select.includes('assignedLicenses')).length;
    const pageUsers = t.directory.pageUsers.bind(t.directory);
    let memberReadsBeforeSignIns: number | undefined;
    t.directory.pageUsers = async function* (select) {
      if (select.includes('signInActivity')) {
        // The sign-ins are slow (120 users a page): hold them until every site has read its members, or give up.
        for (let i = 0; i < 200 && memberReads() < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
        memberReadsBeforeSignIns = memberReads();
      }
      yield* pageUsers(select);
    };
    const result = await runReport(t.deps);
    expect(memberReadsBeforeSignIns).toBe(3);
    expect(result.totals.sitesOk).toBe(3);
    expect(t.directory.maxMemberReadsInFlight).toBe(1);
  });

  it('times each site from the moment it gets a slot, not while it waits for its first one', async () => {
    const t = createTestRun({ SITE_CONCURRENCY: '1' });
    t.addSite(1, 'A');
    t.addSite(2, 'B');
    const read = t.directory.listGroupUsers.bind(t.directory);
    t.directory.listGroupUsers = async (groupId, select) => {
      const users = await read(groupId, select);
      if (select.includes('assignedLicenses')) t.clock.advance(10_000);
      return users;
    };
    const result = await runReport(t.deps);
    // B waits 10 s behind A's read before it starts: not counted. A, once started, waits for its second
    // slot (to render and send) behind B's read: counted, as it was time spent on A.
    expect(result.sites.map((s) => [s.code, s.durationMs])).toEqual([
      ['A', 20_000],
      ['B', 10_000],
    ]);
  });
});
