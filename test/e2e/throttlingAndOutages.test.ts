// Issue 4 over real sockets: whatever Graph and SharePoint do (throttling, outages, hangs, deleted
// groups), every deliverable site is delivered once and every other one is named with its reason.
import { afterEach, describe, expect, it } from 'vitest';
import { throttle, type RequestRecord, type TenantData } from '../fakeTenant/index.js';
import { DELIVERABLE, HANG_TIMEOUT, htmlOf, sentSiteCodes, startE2e, summaryMails, type E2e } from './e2eHarness.js';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

function siteRow(data: TenantData, code: string): Record<string, unknown> {
  const row = data.sharePoint.lists.find((list) => list.title === 'Sites')?.items.find((item) => item['SiteCode'] === code);
  if (!row) throw new Error(`no site ${code} in the sample`);
  return row;
}

const groupOf = (e: E2e, code: string, column: 'MembersGroupId' | 'CorrespondentsGroupId'): string => String(siteRow(e.tenant.data, code)[column]);

/** A fake clock for the send step: waits are recorded and pass at once. */
function fakeWaits() {
  let now = Date.now();
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

/** Gaps between one request kind's consecutive attempts: end of one answer to the start of the next request. */
function gapsMs(records: RequestRecord[]): number[] {
  const sorted = [...records].sort((a, b) => a.startedAt - b.startedAt);
  return sorted.slice(1).map((record, i) => record.startedAt - (sorted[i] as RequestRecord).endedAt);
}

describe('a month where Graph and SharePoint misbehave', () => {
  it('delivers every deliverable site once through a 429 storm, waiting what Retry-After says (fractional seconds)', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    tenant.addFault(throttle({ kind: 'groupMembers', times: 30, retryAfterSeconds: 0.05 }));
    tenant.addFault(throttle({ kind: 'listItems', times: 2, retryAfterSeconds: 0.1 }));
    tenant.addFault(throttle({ kind: 'subscribedSkus', times: 2, retryAfterSeconds: 0.15 }));
    tenant.addFault(throttle({ kind: 'sendMail', times: 4, retryAfterSeconds: 0.05 }));

    const run = await e2e.run();

    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(1);
    // Every throttled request was tried again: 12 sites x 2 groups, 11 reports + 1 summary.
    expect(tenant.countsByKind()).toMatchObject({ groupMembers: 24 + 30, sendMail: 12 + 4, subscribedSkus: 3, listItems: 2 + 2 });
    const skuAttempts = tenant.requests.filter((r) => r.kind === 'subscribedSkus');
    expect(skuAttempts.map((r) => r.status)).toEqual([429, 429, 200]);
    for (const gap of gapsMs(skuAttempts)) expect(gap).toBeGreaterThanOrEqual(140);
    // Only FLP fails, for its deleted group, not for throttling.
    expect(run.code).toBe(1);
    expect(run.result?.sites.filter((s) => s.status !== 'ok').map((s) => s.code)).toEqual(['FLP']);
  });

  it('rides out a burst of 503s and 504s, with backoff when no Retry-After is given', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    const unavailable = { error: { code: 'serviceNotAvailable', message: 'Service unavailable' } };
    tenant.addFault({ match: { kind: 'groupMembers' }, times: 10, respond: { status: 503, headers: { 'Retry-After': '0.05' }, body: unavailable } });
    tenant.addFault({ match: { kind: 'listItems' }, times: 2, respond: { status: 503, headers: { 'Retry-After': '0.1' }, body: 'Service Unavailable' } });
    tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 1, respond: { status: 504, body: { error: { code: 'UnknownError', message: '' } } } });

    const run = await e2e.run();

    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(1);
    expect(run.result?.sites.filter((s) => s.status !== 'ok').map((s) => s.code)).toEqual(['FLP']);
    // No Retry-After on the 504: the first backoff step waits at least half its 1 s base.
    const skuAttempts = tenant.requests.filter((r) => r.kind === 'subscribedSkus');
    expect(skuAttempts.map((r) => r.status)).toEqual([504, 200]);
    expect(gapsMs(skuAttempts)[0]).toBeGreaterThanOrEqual(490);
  });

  it('waits out 120 s throttling on the sites list (fake clock), and the month is delivered', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    // SharePoint Online's usual answer to a throttled request: whole seconds, often 120 (PnP-Guidance#193).
    tenant.addFault({
      ...throttle({ kind: 'listItems', times: 1, retryAfterSeconds: 120 }),
      match: { kind: 'listItems', pathIncludes: "getByTitle('Sites')" },
    });
    const clock = fakeWaits();

    const run = await e2e.run([], {}, { http: clock });

    expect(clock.waits).toEqual([120_000]);
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(run.result?.fatalError).toBeUndefined();
    expect(run.result?.sites.filter((s) => s.status !== 'ok').map((s) => s.code)).toEqual(['FLP']);
  });

  it('fails only a group throttled without end, once waiting would pass RUN_DEADLINE_MINUTES, and says so', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    const pdmMembers = groupOf(e2e, 'PDM', 'MembersGroupId');
    tenant.addFault({ match: { kind: 'groupMembers', pathIncludes: pdmMembers }, respond: { status: 429, headers: { 'Retry-After': '120' } } });
    const clock = fakeWaits();

    const run = await e2e.run([], { RUN_DEADLINE_MINUTES: '9' }, { http: clock });

    const pdm = run.result?.sites.find((s) => s.code === 'PDM');
    expect(pdm).toMatchObject({ status: 'failed', step: 'members', delivery: 'not-sent' });
    expect(pdm?.error).toMatch(/429/);
    expect(pdm?.error).toContain('would pass the run deadline (RUN_DEADLINE_MINUTES=9, 60 s left)');
    // Attempts at 0, 2, 4, 6 and 8 min: waiting for a sixth at 10 min would pass the 9 min deadline.
    expect(tenant.requests.filter((r) => r.url.includes(pdmMembers))).toHaveLength(5);
    expect(clock.waits).toEqual(Array(4).fill(120_000));
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE.filter((code) => code !== 'PDM'));
    expect(htmlOf(summaryMails(tenant)[0]!)).toContain('PROTECTION DES MAJEURS');
    expect(run.code).toBe(1);
  });

  it('fails only the site whose group read hangs, after REQUEST_TIMEOUT_MS', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    const apfMembers = groupOf(e2e, 'APF', 'MembersGroupId');
    tenant.addFault({ match: { kind: 'groupMembers', pathIncludes: apfMembers }, times: 1, respond: 'hang' });

    const run = await e2e.run([], HANG_TIMEOUT);

    const apf = run.result?.sites.find((s) => s.code === 'APF');
    expect(apf).toMatchObject({ status: 'failed', step: 'members', delivery: 'not-sent' });
    expect(apf?.error).toMatch(/did not answer within 500 ms/);
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE.filter((code) => code !== 'APF'));
    expect(summaryMails(tenant)).toHaveLength(1);
    expect(run.code).toBe(1);
  });

  it('names a hung sites list as the reason the run could not start, in the summary that is still sent', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    tenant.addFault({ match: { kind: 'listItems', pathIncludes: "getByTitle('Sites')" }, times: 1, respond: 'hang' });

    const run = await e2e.run([], HANG_TIMEOUT);

    expect(run.code).toBe(1);
    expect(run.result?.fatalError).toMatch(/sites list "Sites" could not be read: .*did not answer within 500 ms/);
    expect(run.result?.sites).toEqual([]);
    expect(sentSiteCodes(tenant)).toEqual([]);
    expect(summaryMails(tenant)).toHaveLength(1);
    expect(htmlOf(summaryMails(tenant)[0]!)).toContain('did not answer within 500 ms');
  });

  it('names each site whose staff or correspondents group was deleted, and delivers the others', async () => {
    let ceflpCorrespondents = '';
    e2e = await startE2e({
      mutate: (data) => {
        ceflpCorrespondents = String(siteRow(data, 'CEFLP')['CorrespondentsGroupId']);
        data.groups = data.groups.filter((group) => group.id !== ceflpCorrespondents);
      },
    });
    const { tenant } = e2e;
    const flpMembers = groupOf(e2e, 'FLP', 'MembersGroupId');

    const run = await e2e.run();

    const failed = run.result?.sites.filter((s) => s.status === 'failed');
    expect(failed?.map((s) => [s.code, s.step, s.delivery])).toEqual([
      ['CEFLP', 'correspondents', 'not-sent'],
      ['FLP', 'members', 'not-sent'],
    ]);
    expect(failed?.[0]?.error).toContain(`group ${ceflpCorrespondents} not found (deleted?)`);
    expect(failed?.[1]?.error).toContain(`group ${flpMembers} not found (deleted?)`);
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE.filter((code) => code !== 'CEFLP'));
    const summary = htmlOf(summaryMails(tenant)[0]!);
    expect(summary).toContain('FOYER LES PINS');
    expect(summary).toContain('CEF LA POUJADE');
    expect(run.code).toBe(1);
  });
});
