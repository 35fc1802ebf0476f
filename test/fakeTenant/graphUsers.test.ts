// GET /users (paging, $select, signInActivity licensing) and GET /subscribedSkus.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_SKUS } from './index.js';
import { auth, getJson, graphPages, GRAPH, mswTenant } from './testkit.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tenant.reset();
  tenant.data.signInActivityForbidden = false;
});
afterAll(() => server.close());

describe('/users', () => {
  it('pages every user with the $select kept in nextLink', async () => {
    const pages = await graphPages(`${GRAPH}/users?$select=id,assignedLicenses&$top=250`);
    expect(pages.map((p) => p.body.value?.length)).toEqual([250, 250, tenant.data.users.length - 500]);
    expect(Object.keys(pages[2]?.body.value?.[0] ?? {}).sort()).toEqual(['assignedLicenses', 'id']);
    expect(pages.every((p) => p.body.value?.every((u) => !('@odata.type' in u)))).toBe(true);
  });

  it('rejects $top above 999', async () => {
    expect((await getJson(`${GRAPH}/users?$top=1000`)).status).toBe(400);
  });

  it('pages users with signInActivity by 120 at most, whatever $top asks, as Graph documents', async () => {
    const pages = await graphPages(`${GRAPH}/users?$select=id,signInActivity&$top=999`);
    const sizes = pages.map((p) => p.body.value?.length ?? 0);
    expect(sizes.slice(0, -1).every((size) => size === 120)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(tenant.data.users.length);
    expect((await getJson(`${GRAPH}/users?$select=id,signInActivity&$top=50`)).body.value).toHaveLength(50);
  });

  it('returns signInActivity only when selected, and 403 on a tenant without premium', async () => {
    const pages = await graphPages(`${GRAPH}/users?$select=id,signInActivity&$top=999`);
    const withActivity = pages.flatMap((p) => p.body.value ?? []).filter((u) => u.signInActivity !== null);
    expect(withActivity.length).toBeGreaterThan(500);
    expect(Object.keys(withActivity[0]?.signInActivity as object).sort()).toEqual([
      'lastNonInteractiveSignInDateTime',
      'lastSignInDateTime',
      'lastSuccessfulSignInDateTime',
    ]);
    tenant.data.signInActivityForbidden = true;
    const denied = await getJson(`${GRAPH}/users?$select=id,signInActivity`);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' });
    expect((await getJson(`${GRAPH}/users?$select=id`)).status).toBe(200);
  });

  it('gets one user by id or UPN', async () => {
    const user = tenant.data.users[3];
    const byUpn = await getJson(`${GRAPH}/users/${encodeURIComponent(user?.userPrincipalName ?? '')}?$select=id,accountEnabled`);
    expect(byUpn.body).toMatchObject({ id: user?.id, accountEnabled: user?.accountEnabled });
    expect((await getJson(`${GRAPH}/users/00000000-0000-4000-8000-000000000001`)).status).toBe(404);
  });
});

describe('/subscribedSkus', () => {
  it('computes consumedUnits from the users and keeps the Graph shape', async () => {
    const reply = await getJson(`${GRAPH}/subscribedSkus`);
    const e3 = reply.body.value?.find((s) => s.skuPartNumber === 'ENTERPRISEPACK');
    const holders = tenant.data.users.filter((u) => u.assignedLicenses.some((l) => l.skuId === KNOWN_SKUS.ENTERPRISEPACK.skuId)).length;
    expect(e3).toMatchObject({
      appliesTo: 'User',
      capabilityStatus: 'Enabled',
      consumedUnits: holders,
      skuId: KNOWN_SKUS.ENTERPRISEPACK.skuId,
      prepaidUnits: { enabled: holders + 5, suspended: 0, warning: 0, lockedOut: 0 },
    });
    expect(e3?.id).toBe(`${tenant.data.tenantId}_${KNOWN_SKUS.ENTERPRISEPACK.skuId}`);
    tenant.data.users[0]?.assignedLicenses.push({ skuId: KNOWN_SKUS.ENTERPRISEPACK.skuId, disabledPlans: [] });
    const after = await getJson(`${GRAPH}/subscribedSkus`);
    expect(after.body.value?.find((s) => s.skuPartNumber === 'ENTERPRISEPACK')?.consumedUnits).toBe(holders + 1);
    tenant.data.users[0]?.assignedLicenses.pop();
  });

  it('401 with a Graph error without the bearer token', async () => {
    const reply = await getJson(`${GRAPH}/subscribedSkus`, {});
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatchObject({ code: 'InvalidAuthenticationToken' });
    expect((await getJson(`${GRAPH}/subscribedSkus`, { Authorization: 'Bearer other' })).status).toBe(401);
  });
});

describe('/users $filter=id in (…), as a client reads a known set of users', () => {
  const ids = (n: number) =>
    tenant.data.users
      .slice(0, n)
      .map((u) => `'${u.id}'`)
      .join(',');
  const url = (n: number, extra = '') => `${GRAPH}/users?$filter=${encodeURIComponent(`id in (${ids(n)})`)}&$select=id,signInActivity${extra}`;

  it('returns exactly those users, with their sign-ins', async () => {
    const reply = await getJson(url(3));
    expect(reply.body.value?.map((u) => u.id)).toEqual(tenant.data.users.slice(0, 3).map((u) => u.id));
    expect(reply.body.value?.[0]).toHaveProperty('signInActivity');
  });

  it('refuses more than 15 values unless the query is advanced (ConsistencyLevel: eventual), and other filters', async () => {
    const tooMany = await getJson(url(16));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: "Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.",
    });
    expect((await getJson(url(15))).body.value).toHaveLength(15);
    const advanced = await getJson(url(40, '&$count=true'), auth({ ConsistencyLevel: 'eventual' }));
    expect(advanced.body.value).toHaveLength(40);
    expect(advanced.body['@odata.count']).toBe(40);
    expect((await getJson(`${GRAPH}/users?$filter=${encodeURIComponent("startswith(displayName,'a')")}`)).status).toBe(400);
  });
});

describe('signInActivity page cap (options.signInPaging)', () => {
  const sizes = async () => (await graphPages(`${GRAPH}/users?$select=id,signInActivity&$top=999`)).map((p) => p.body.value?.length ?? 0);

  it("'reject-above-120': 2023's 400 from the reporting service above $top=120 (msgraph-sdk-powershell#1898)", async () => {
    tenant.options.signInPaging = 'reject-above-120';
    const reply = await getJson(`${GRAPH}/users?$select=id,signInActivity&$top=999`);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      '@odata.context': 'http://reportingservice.activedirectory.windowsazure.com/auditLogs/$metadata#Edm.String',
      value: 'Cannot query data for more than 120 users at a time.',
    });
    expect((await getJson(`${GRAPH}/users?$select=id,signInActivity&$top=120`)).body.value).toHaveLength(120);
    expect((await getJson(`${GRAPH}/users?$select=id&$top=999`)).status).toBe(200);
    delete tenant.options.signInPaging;
  });

  it("'cap500': pages of at most 500 (the 2025 doc); the default stays 120", async () => {
    tenant.options.signInPaging = 'cap500';
    expect((await sizes())[0]).toBe(500);
    delete tenant.options.signInPaging;
    expect((await sizes())[0]).toBe(120);
  });
});

describe('sample sign-ins and accounts as Graph serves them', () => {
  it('differing dates, empty values as null, "" or 0001-01-01, the last success the latest date; createdDateTime before them', async () => {
    const users = (await graphPages(`${GRAPH}/users?$select=id,createdDateTime,signInActivity&$top=999`)).flatMap((p) => p.body.value ?? []);
    const activities = users.map((u) => u.signInActivity as Record<string, string | null> | null).filter((a): a is Record<string, string | null> => a !== null);
    const nonInteractive = new Set(activities.map((a) => a['lastNonInteractiveSignInDateTime']));
    expect(nonInteractive.has(null) && nonInteractive.has('') && nonInteractive.has('0001-01-01T00:00:00Z')).toBe(true);
    expect(activities.some((a) => a['lastSignInDateTime'] !== a['lastSuccessfulSignInDateTime'])).toBe(true);
    for (const [u, a] of users.map((u) => [u, u.signInActivity as Record<string, string | null> | null] as const)) {
      expect(Date.parse(String(u.createdDateTime))).toBeLessThan(a ? Date.parse(String(a['lastSignInDateTime'])) : Infinity);
      if (!a?.['lastSuccessfulSignInDateTime']) continue;
      const dates = Object.values(a).map((d) => Date.parse(d ?? '') || 0);
      expect(Date.parse(a['lastSuccessfulSignInDateTime'])).toBe(Math.max(...dates));
    }
  });

  it('licenseAssignmentStates: inherited from the licensing group, direct otherwise, and both for one account', async () => {
    const group = tenant.data.groups.find((g) => g.assignedLicenses?.length);
    const e3 = KNOWN_SKUS.ENTERPRISEPACK.skuId;
    const states = async (id: string) =>
      (await getJson(`${GRAPH}/users/${id}?$select=licenseAssignmentStates`)).body['licenseAssignmentStates'] as Array<Record<string, unknown>>;
    const [both, viaGroup] = group?.memberIds ?? [];
    expect((await states(both ?? '')).filter((s) => s['skuId'] === e3).map((s) => s['assignedByGroup'])).toEqual([null, group?.id]);
    expect((await states(viaGroup ?? '')).find((s) => s['skuId'] === e3)).toMatchObject({ assignedByGroup: group?.id, state: 'Active', error: null });
    const direct = tenant.data.users.find((u) => u.assignedLicenses.length > 0 && !group?.memberIds.includes(u.id));
    expect((await states(direct?.id ?? '')).every((s) => s['assignedByGroup'] === null && s['state'] === 'Active')).toBe(true);
  });
});

describe('/subscribedSkus seats and plans, /directory/subscriptions', () => {
  it('prepaidUnits per state, consumed beyond enabled, tenant-level plans applying to Company', async () => {
    const sku = tenant.data.skus.find((s) => s.skuPartNumber === 'VISIOCLIENT');
    const saved = { ...sku };
    Object.assign(sku ?? {}, { prepaidUnits: 1, warningUnits: 3, suspendedUnits: 2, lockedOutUnits: 1, capabilityStatus: 'Warning' });
    const visio = (await getJson(`${GRAPH}/subscribedSkus`)).body.value?.find((s) => s['skuPartNumber'] === 'VISIOCLIENT');
    if (sku) Object.keys(sku).forEach((k) => delete (sku as unknown as Record<string, unknown>)[k]);
    Object.assign(sku ?? {}, saved);
    expect(visio).toMatchObject({ capabilityStatus: 'Warning', consumedUnits: 3, prepaidUnits: { enabled: 1, warning: 3, suspended: 2, lockedOut: 1 } });
    const e3 = (await getJson(`${GRAPH}/subscribedSkus`)).body.value?.find((s) => s['skuPartNumber'] === 'ENTERPRISEPACK');
    expect((e3?.['servicePlans'] as Array<Record<string, unknown>>).find((p) => p['servicePlanName'] === 'INTUNE_O365')).toMatchObject({
      appliesTo: 'Company',
      provisioningStatus: 'Success',
    });
  });

  it('lists the companySubscriptions (documented shape), gets one by id; one per SKU when the data names none', async () => {
    const list = await getJson(`${GRAPH}/directory/subscriptions`);
    expect(list.body.value).toHaveLength(tenant.data.subscriptions?.length ?? NaN);
    const first = list.body.value?.[0] ?? {};
    expect(Object.keys(first).sort()).toEqual([
      'commerceSubscriptionId',
      'createdDateTime',
      'id',
      'isTrial',
      'nextLifecycleDateTime',
      'ownerId',
      'ownerTenantId',
      'ownerType',
      'serviceStatus',
      'skuId',
      'skuPartNumber',
      'status',
      'totalLicenses',
    ]);
    expect((await getJson(`${GRAPH}/directory/subscriptions/${String(first['id'])}`)).body).toMatchObject({ id: first['id'], status: 'Enabled' });
    const saved = tenant.data.subscriptions;
    delete tenant.data.subscriptions;
    const derived = await getJson(`${GRAPH}/directory/subscriptions`);
    if (saved) tenant.data.subscriptions = saved;
    expect(derived.body.value?.map((s) => s['skuPartNumber'])).toEqual(tenant.data.skus.map((s) => s.skuPartNumber));
  });
});
