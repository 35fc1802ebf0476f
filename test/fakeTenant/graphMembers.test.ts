// Documented behaviour of GET /groups/{id}/members and /transitiveMembers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auth, getJson, graphPages, GRAPH, groupByName, mswTenant } from './testkit.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => tenant.reset());
afterAll(() => server.close());

const apf = groupByName(tenant.data, 'Personnel APF');
const cepsj = groupByName(tenant.data, 'Personnel CEP SAINT JEAN');

describe('group members', () => {
  it('pages by 100 by default and follows @odata.nextLink until it is absent', async () => {
    const pages = await graphPages(`${GRAPH}/groups/${apf.id}/transitiveMembers/microsoft.graph.user`);
    expect(pages.map((p) => p.body.value?.length)).toEqual([100, 12]);
    const first = pages[0]?.body['@odata.nextLink'] as string;
    expect(first.startsWith(`${GRAPH}/groups/${apf.id}/transitiveMembers/microsoft.graph.user?`)).toBe(true);
    expect(first).toMatch(/\$skiptoken=/);
    expect(pages[1]?.body).not.toHaveProperty('@odata.nextLink');
    const ids = pages.flatMap((p) => p.body.value ?? []).map((u) => u.id);
    expect(new Set(ids).size).toBe(112);
    expect(tenant.countsByKind().groupMembers).toBe(2);
  });

  it('accepts $top up to 999 and keeps $select/$top in nextLink; rejects $top=1000', async () => {
    const big = await getJson(`${GRAPH}/groups/${cepsj.id}/transitiveMembers/microsoft.graph.user?$top=999&$select=id,mail`);
    expect(big.status).toBe(200);
    expect(big.body.value).toHaveLength(131);
    const small = await getJson(`${GRAPH}/groups/${cepsj.id}/transitiveMembers/microsoft.graph.user?$select=id,mail&$top=50`);
    expect(small.body['@odata.nextLink']).toMatch(/\$select=id,mail&\$top=50&\$skiptoken=/);
    const tooBig = await getJson(`${GRAPH}/groups/${cepsj.id}/members?$top=1000`);
    expect(tooBig.status).toBe(400);
    expect((tooBig.body.error as { code: string }).code).toBe('Request_BadRequest');
  });

  it('returns the default property set, and assignedLicenses only when selected', async () => {
    const plain = await getJson(`${GRAPH}/groups/${apf.id}/members/microsoft.graph.user?$top=1`);
    const user = plain.body.value?.[0] ?? {};
    expect(Object.keys(user)).toEqual(
      expect.arrayContaining(['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'businessPhones']),
    );
    expect(user).not.toHaveProperty('assignedLicenses');
    expect(user).not.toHaveProperty('accountEnabled');
    const selected = await getJson(
      `${GRAPH}/groups/${apf.id}/members/microsoft.graph.user?$top=1&$select=displayName,assignedLicenses,accountEnabled,userType`,
    );
    const picked = selected.body.value?.[0] ?? {};
    expect(Object.keys(picked).sort()).toEqual(['@odata.type', 'accountEnabled', 'assignedLicenses', 'displayName', 'id', 'userType']);
    expect(picked.assignedLicenses).toEqual(expect.any(Array));
    const bad = await getJson(`${GRAPH}/groups/${apf.id}/members?$select=id,nope`);
    expect(bad.status).toBe(400);
  });

  it('members lists direct users and nested groups; transitiveMembers expands them, each user once', async () => {
    const direct = (await graphPages(`${GRAPH}/groups/${cepsj.id}/members?$top=999`)).flatMap((p) => p.body.value ?? []);
    expect(direct.filter((m) => m['@odata.type'] === '#microsoft.graph.group').map((g) => g.displayName)).toEqual(['Personnel CEP SAINT JEAN - Internat']);
    expect(direct.filter((m) => m['@odata.type'] === '#microsoft.graph.user')).toHaveLength(70);
    const all = (await graphPages(`${GRAPH}/groups/${cepsj.id}/transitiveMembers?$top=999`)).flatMap((p) => p.body.value ?? []);
    expect(all.filter((m) => m['@odata.type'] === '#microsoft.graph.group')).toHaveLength(2);
    const users = all.filter((m) => m['@odata.type'] === '#microsoft.graph.user');
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    expect(users).toHaveLength(131);
  });

  it('the /microsoft.graph.user cast filters groups out', async () => {
    const cast = await getJson(`${GRAPH}/groups/${cepsj.id}/members/microsoft.graph.user?$top=999`);
    expect(cast.body.value).toHaveLength(70);
    expect(cast.body.value?.every((m) => m['@odata.type'] === '#microsoft.graph.user')).toBe(true);
  });

  it('$count=true needs ConsistencyLevel: eventual, then adds @odata.count', async () => {
    const url = `${GRAPH}/groups/${apf.id}/transitiveMembers/microsoft.graph.user?$count=true`;
    expect((await getJson(url)).status).toBe(400);
    const ok = await getJson(url, auth({ ConsistencyLevel: 'eventual' }));
    expect(ok.body['@odata.count']).toBe(112);
    expect(ok.body['@odata.nextLink']).toMatch(/\$count=true/);
  });

  it('unknown group -> 404 Request_ResourceNotFound; malformed id -> 400', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const missing = await getJson(`${GRAPH}/groups/${id}/members`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    });
    const malformed = await getJson(`${GRAPH}/groups/not-a-guid/members`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'Request_BadRequest', message: "Invalid object identifier 'not-a-guid'." });
  });

  it('sees data changes made between runs (deleted group, new member)', async () => {
    const saved = tenant.data.groups;
    tenant.data.groups = saved.filter((g) => g.id !== apf.id);
    expect((await getJson(`${GRAPH}/groups/${apf.id}/members`)).status).toBe(404);
    tenant.data.groups = saved;
    expect((await getJson(`${GRAPH}/groups/${apf.id}/members`)).status).toBe(200);
  });
});

describe('groups by id (GET /groups?$filter=id in (...))', () => {
  it('answers the named groups with $select, and refuses more than 15 ids without ConsistencyLevel: eventual', async () => {
    const quoted = (ids: string[]) => ids.map((id) => `'${id}'`).join(',');
    const named = await getJson(
      `${GRAPH}/groups?$filter=${encodeURIComponent(`id in (${quoted([apf.id, cepsj.id, '00000000-0000-4000-8000-00000000dead'])})`)}&$select=id,displayName`,
    );
    expect(named.status).toBe(200);
    // A group that does not exist is simply not in the answer.
    expect(new Map(named.body.value?.map((g) => [g.id, g['displayName']]))).toEqual(
      new Map([
        [apf.id, 'Personnel APF'],
        [cepsj.id, 'Personnel CEP SAINT JEAN'],
      ]),
    );
    const sixteen = tenant.data.groups.slice(0, 16).map((g) => g.id);
    const tooMany = await getJson(`${GRAPH}/groups?$filter=${encodeURIComponent(`id in (${quoted(sixteen)})`)}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: expect.stringContaining('Max allowed: 15.') });
    expect(tenant.countsByKind().groups).toBe(2);
  });
});
