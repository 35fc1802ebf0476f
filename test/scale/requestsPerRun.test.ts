// Issue 5: requests per run grow with sites and pages, never with accounts.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenantData, PRICES_LIST_TITLE, sampleTenantData, SITES_LIST_TITLE, type RequestRecord, type TenantData } from '../fakeTenant/index.js';
import { attachmentsOf, runJob, RUN_AT, transitiveUserCount, type JobRun } from './scaleHarness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const PAGE = 999;
const pagesFor = (items: number, page = PAGE) => Math.max(1, Math.ceil(items / page));
/** Graph pages users by 120 at most when signInActivity is selected, whatever $top asks. */
const SIGN_IN_PAGE = 120;
const directoryPages = (run: JobRun, select: string) => pagesFor(run.tenant.data.users.length, select.includes('signInActivity') ? SIGN_IN_PAGE : PAGE);
const urlOf = (request: RequestRecord) => new URL(request.url);
const ofKind = (run: JobRun, kind: string) => run.tenant.requests.filter((r) => r.kind === kind);
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** Group id -> requests made for it. */
function groupRequests(run: JobRun): Map<string, RequestRecord[]> {
  const byGroup = new Map<string, RequestRecord[]>();
  for (const request of ofKind(run, 'groupMembers')) {
    const id = /\/groups\/([^/]+)\//.exec(urlOf(request).pathname)?.[1] ?? '?';
    byGroup.set(id, [...(byGroup.get(id) ?? []), request]);
  }
  return byGroup;
}

/** Pages of 999 each group read needs: one for an empty or deleted group (its 404). */
function expectedGroupPages(data: TenantData, run: JobRun): Map<string, number> {
  return new Map([...groupRequests(run).keys()].map((id) => [id, pagesFor(transitiveUserCount(data, id) ?? 0)]));
}

/** GET /users?$filter=id in (...): the sign-ins a larger tenant reads by id, 40 ids a request. */
const byIdReads = (run: JobRun) => ofKind(run, 'users').filter((r) => urlOf(r).searchParams.has('$filter'));
const idsOf = (request: RequestRecord) => [...(urlOf(request).searchParams.get('$filter') ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);

/** Whole-tenant GET /users requests (insights: sign-ins, licensed accounts) by $select, i.e. per read of the directory. */
function userReads(run: JobRun): Map<string, number> {
  const reads = new Map<string, number>();
  for (const request of ofKind(run, 'users').filter((r) => !urlOf(r).searchParams.has('$filter'))) {
    const select = urlOf(request).searchParams.get('$select') ?? '';
    reads.set(select, (reads.get(select) ?? 0) + 1);
  }
  return reads;
}

/** Pages of 999 the group and licensed-users reads of a run need, from the tenant's data alone. */
const pagesNeeded = (run: JobRun) =>
  sum(expectedGroupPages(run.tenant.data, run).values()) +
  sum([...userReads(run).keys()].filter((select) => !select.includes('signInActivity')).map((select) => directoryPages(run, select)));

function expectPagedBy999(run: JobRun): void {
  for (const request of [...ofKind(run, 'groupMembers'), ...ofKind(run, 'users')]) {
    // With signInActivity, no more than Graph serves with it (500; the server may grant fewer);
    // a read by id is one answer of at most 40 users.
    const signIns = urlOf(request).searchParams.get('$select')?.includes('signInActivity');
    if (urlOf(request).searchParams.has('$filter')) expect(idsOf(request).length, request.url).toBeLessThanOrEqual(40);
    else expect(urlOf(request).searchParams.get('$top'), request.url).toBe(signIns ? '500' : '999');
  }
  // Nothing per account: /users is only ever read as a collection (sendMail is per message).
  const perUser = run.tenant.requests.filter((r) => r.kind === 'users' && !/\/v1\.0\/users\/?$/.test(urlOf(r).pathname));
  expect(perUser.map((r) => r.url)).toEqual([]);
}

describe('requests per run on the sample tenant (12 sites, ~590 accounts)', () => {
  let run: JobRun;
  beforeAll(async () => {
    run = await runJob(server, sampleTenantData({ now: RUN_AT }));
  });

  it('delivers the 11 deliverable sites and the summary', () => {
    expect(run.result.sites.filter((s) => s.delivery === 'sent')).toHaveLength(11);
    expect(run.result.summaryError).toBeUndefined();
  });

  it('reads subscribedSkus once, the company subscriptions once, and each SharePoint list once, in a single page', () => {
    expect(run.tenant.countsByKind()['subscribedSkus']).toBe(1);
    expect(run.tenant.countsByKind()['directorySubscriptions']).toBe(1);
    const lists = ofKind(run, 'listItems').map((r) => /getByTitle\('([^']*)'\)/.exec(decodeURIComponent(urlOf(r).pathname))?.[1]);
    expect(lists.sort()).toEqual([PRICES_LIST_TITLE, SITES_LIST_TITLE].sort());
  });

  it("reads each group's members in pages of 999, once per page", () => {
    expectPagedBy999(run);
    const actual = new Map([...groupRequests(run)].map(([id, requests]) => [id, requests.length]));
    expect(actual).toEqual(expectedGroupPages(run.tenant.data, run));
    // Only the groups the sites list names: nested groups come inside transitiveMembers.
    const named = new Set(run.tenant.data.sharePoint.lists.flatMap((l) => l.items.flatMap((i) => [i['MembersGroupId'], i['CorrespondentsGroupId']])));
    expect([...actual.keys()].filter((id) => !named.has(id))).toEqual([]);
  });

  it('sends one sendMail per message: 11 site reports and 1 summary', () => {
    expect(run.tenant.countsByKind()['sendMail']).toBe(12);
    expect(run.tenant.sentMail).toHaveLength(12);
    const attachmentNames = run.tenant.sentMail.flatMap((mail) => attachmentsOf(mail).map((a) => a.name));
    expect(new Set(attachmentNames).size).toBe(11);
  });

  it('reads the directory (insights) by pages (999, or the 120 Graph allows with sign-ins) and the product names at most once', () => {
    expect([...userReads(run).keys()].sort()).toEqual([
      'id,createdDateTime,signInActivity',
      'id,displayName,givenName,surname,mail,userPrincipalName,accountEnabled,userType,assignedLicenses,licenseAssignmentStates',
    ]);
    for (const [select, count] of userReads(run)) expect(count, `GET /users?$select=${select}`).toBe(directoryPages(run, select));
    expect(run.tenant.countsByKind()['productNames'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('sends at most 60 requests in all, and no other kind of request', () => {
    const kinds = Object.keys(run.tenant.countsByKind());
    expect(
      kinds.filter((k) => !['subscribedSkus', 'directorySubscriptions', 'listItems', 'groupMembers', 'users', 'productNames', 'sendMail'].includes(k)),
    ).toEqual([]);
    expect(run.tenant.requests.length).toBeLessThanOrEqual(60);
  });
});

describe('requests do not grow with accounts (5 generated sites)', () => {
  const runs = new Map<number, JobRun>();
  beforeAll(async () => {
    for (const accounts of [2_000, 4_000]) runs.set(accounts, await runJob(server, generateTenantData({ sites: 5, accounts, skus: 10, seed: 5 })));
  });
  const runWith = (accounts: number): JobRun => {
    const run = runs.get(accounts);
    if (!run) throw new Error(`no run with ${accounts} accounts`);
    return run;
  };

  it.each([2_000, 4_000])('%i accounts: group members cost the sum of their pages of 999, the directory its pages per read', (accounts) => {
    const run = runWith(accounts);
    expect(run.result.totals.sitesOk).toBe(5);
    expect(run.result.totals.accounts).toBe(accounts);
    expectPagedBy999(run);
    expect(run.tenant.countsByKind()['groupMembers']).toBe(sum(expectedGroupPages(run.tenant.data, run).values()));
    const licensedSelect = [...userReads(run).keys()].find((select) => !select.includes('signInActivity')) ?? '';
    expect(userReads(run).get(licensedSelect)).toBe(directoryPages(run, licensedSelect));
  });

  it.each([2_000, 4_000])('%i accounts: the sign-ins stop paging the tenant and read each reported account once, 40 ids a request', (accounts) => {
    const run = runWith(accounts);
    // More than a page of 999 licensed users: at most the page or two in flight when that was known.
    expect(userReads(run).get('id,createdDateTime,signInActivity') ?? 0).toBeLessThanOrEqual(2);
    const asked = byIdReads(run).flatMap(idsOf);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.length).toBeGreaterThan(0);
    // Batches are full but for the last of each wave (at most one per site).
    expect(byIdReads(run).length).toBeLessThanOrEqual(Math.ceil(asked.length / 40) + 5);
  });

  it('twice the accounts cost only the extra pages and id batches: the same list, SKU and mail requests', () => {
    const [small, large] = [runWith(2_000), runWith(4_000)];
    for (const kind of ['subscribedSkus', 'directorySubscriptions', 'listItems', 'sendMail', 'productNames']) {
      expect(large.tenant.countsByKind()[kind], kind).toBe(small.tenant.countsByKind()[kind]);
    }
    expect(small.tenant.countsByKind()['sendMail']).toBe(6); // 5 sites + the summary
    // Some staff groups pass 999 members and the directory takes a page more; the sign-ins of the
    // 2,000 more accounts cost about 2,000/40 requests: nowhere near one request per added account.
    const signInRequests = (run: JobRun) => ofKind(run, 'users').filter((r) => urlOf(r).searchParams.get('$select')?.includes('signInActivity')).length;
    const extra = large.tenant.requests.length - small.tenant.requests.length;
    expect(extra - (signInRequests(large) - signInRequests(small))).toBe(pagesNeeded(large) - pagesNeeded(small));
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThan(2_000 / 20);
  });
});
