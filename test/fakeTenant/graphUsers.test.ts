// GET /users (paging, $select, signInActivity licensing) and GET /subscribedSkus.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_SKUS } from './index.js';
import { getJson, graphPages, GRAPH, mswTenant } from './testkit.js';

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
    expect(Object.keys(withActivity[0]?.signInActivity as object).sort()).toEqual(['lastNonInteractiveSignInDateTime', 'lastSignInDateTime', 'lastSuccessfulSignInDateTime']);
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
