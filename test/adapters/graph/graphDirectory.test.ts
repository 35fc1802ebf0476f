import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/errors.js';
import { sampleTenantData, type FakeGroup, type FakeTenant, type FakeUser, type TenantData } from '../../fakeTenant/index.js';
import { useFakeTenant } from '../http/useFakeTenant.js';
import { testGraph } from './testGraph.js';

const SELECT = ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'accountEnabled', 'userType', 'assignedLicenses'];
const fake = useFakeTenant();

function staffGroupId(tenant: FakeTenant, siteCode: string): string {
  const sites = tenant.data.sharePoint.lists.find((l) => l.title === 'Sites');
  const row = sites?.items.find((item) => item['SiteCode'] === siteCode);
  if (typeof row?.['MembersGroupId'] !== 'string') throw new Error(`no staff group for ${siteCode}`);
  return row['MembersGroupId'];
}

function groupNamed(tenant: FakeTenant, displayName: string): FakeGroup {
  const group = tenant.data.groups.find((g) => g.displayName === displayName);
  if (!group) throw new Error(`no group ${displayName}`);
  return group;
}

/** Records the ConsistencyLevel header of every members request, without changing the answers. */
function recordConsistencyLevel(tenant: FakeTenant): Array<string | null> {
  const seen: Array<string | null> = [];
  tenant.addFault({
    match: { kind: 'groupMembers', predicate: (request) => (seen.push(request.headers.get('consistencylevel')), false) },
    respond: { status: 500 },
  });
  return seen;
}

/** The sample tenant plus one group of `size` users (more than a 999-item page). */
function withBigGroup(size: number): { data: TenantData; groupId: string } {
  const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
  const template = data.users[0] as FakeUser;
  const users: FakeUser[] = Array.from({ length: size }, (_, i) => ({
    ...template,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    userPrincipalName: `user${i}@${data.domain}`,
    mail: `user${i}@${data.domain}`,
  }));
  const groupId = '11111111-2222-4333-8444-555555555555';
  data.users.push(...users);
  data.groups.push({ id: groupId, displayName: 'Tous les salariés', memberIds: users.map((u) => u.id) });
  return { data, groupId };
}

describe('graphDirectory.listGroupUsers', () => {
  it.each([
    ['APF', 112],
    ['CEPSJ', 131],
    ['DDA31', 105],
  ])('reads the whole %s staff group (%i users, more than a default page of 100)', async (code, size) => {
    const users = await testGraph().directory.listGroupUsers(staffGroupId(fake.tenant, code), SELECT);
    expect(users).toHaveLength(size);
    expect(new Set(users.map((u) => u['id'])).size).toBe(size);
  });

  it('follows @odata.nextLink with ConsistencyLevel: eventual on every page of a 2,100-user group', async () => {
    const { data, groupId } = withBigGroup(2_100);
    const tenant = fake.use(data);
    const headers = recordConsistencyLevel(tenant);

    const users = await testGraph().directory.listGroupUsers(groupId, SELECT);

    expect(users).toHaveLength(2_100);
    expect(new Set(users.map((u) => u['id'])).size).toBe(2_100);
    expect(tenant.countsByKind()['groupMembers']).toBe(3);
    expect(headers).toEqual(['eventual', 'eventual', 'eventual']);
    const urls = tenant.requests.filter((r) => r.kind === 'groupMembers').map((r) => new URL(r.url));
    for (const url of urls) {
      expect(url.pathname).toBe(`/v1.0/groups/${groupId}/transitiveMembers/microsoft.graph.user`);
      expect(url.searchParams.get('$count')).toBe('true');
    }
    expect(urls[0]?.searchParams.get('$top')).toBe('999');
  });

  it('includes users reached only through nested groups, two levels deep', async () => {
    const users = await testGraph().directory.listGroupUsers(staffGroupId(fake.tenant, 'CEPSJ'), SELECT);
    const ids = new Set(users.map((u) => u['id']));
    const nightWatch = groupNamed(fake.tenant, 'Personnel CEP SAINT JEAN - Veilleurs de nuit');
    expect(nightWatch.memberIds.length).toBeGreaterThan(0);
    for (const id of nightWatch.memberIds) expect(ids.has(id)).toBe(true);
  });

  it('returns users only, never the nested groups themselves', async () => {
    const users = await testGraph().directory.listGroupUsers(staffGroupId(fake.tenant, 'APF'), SELECT);
    const groupIds = new Set(fake.tenant.data.groups.map((g) => g.id));
    expect(users.some((u) => groupIds.has(u['id'] as string))).toBe(false);
    expect(groupIds.has(groupNamed(fake.tenant, "Personnel APF - Foyer d'hébergement").id)).toBe(true);
  });

  it('asks for the selected properties, assignedLicenses included', async () => {
    const users = await testGraph().directory.listGroupUsers(staffGroupId(fake.tenant, 'SIEGE'), SELECT);
    const url = new URL(fake.tenant.requests[0]?.url ?? '');
    expect(url.searchParams.get('$select')?.split(',')).toEqual(SELECT);
    expect(users.every((u) => Array.isArray(u['assignedLicenses']))).toBe(true);
    expect(users.some((u) => (u['assignedLicenses'] as unknown[]).length > 0)).toBe(true);
  });

  it("reports a deleted group as a 404 with Graph's code, while other groups still read", async () => {
    const directory = testGraph().directory;
    const deleted = staffGroupId(fake.tenant, 'FLP');

    const error = await directory.listGroupUsers(deleted, SELECT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
    expect((error as HttpError).message).toContain(`GET /v1.0/groups/${deleted}/transitiveMembers/microsoft.graph.user answered 404`);
    expect((error as HttpError).message).toContain('Request_ResourceNotFound');
    expect((error as HttpError).path).not.toContain('?');
    await expect(directory.listGroupUsers(staffGroupId(fake.tenant, 'HUMA'), SELECT)).resolves.toHaveLength(12);
  });

  it('encodes the group id as one path segment', async () => {
    const error = await testGraph()
      .directory.listGroupUsers('a/b?c', SELECT)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(fake.tenant.requests[0]?.url).toContain('/groups/a%2Fb%3Fc/transitiveMembers');
  });
});

describe('graphDirectory.listSubscribedSkus', () => {
  it("returns the tenant's subscribed SKUs as Graph sends them", async () => {
    const skus = await testGraph().directory.listSubscribedSkus();
    expect(skus.map((s) => s['skuPartNumber']).sort()).toEqual(fake.tenant.data.skus.map((s) => s.skuPartNumber).sort());
    expect(skus.every((s) => typeof s['skuId'] === 'string' && typeof s['consumedUnits'] === 'number')).toBe(true);
  });
});

describe('graphDirectory.listCompanySubscriptions', () => {
  it('returns the company subscriptions as Graph sends them, status and next lifecycle date included', async () => {
    const subscriptions = await testGraph().directory.listCompanySubscriptions();
    expect(subscriptions.length).toBe(fake.tenant.data.skus.length);
    expect(subscriptions[0]).toMatchObject({ skuId: expect.any(String), status: 'Enabled', isTrial: false, totalLicenses: expect.any(Number) });
    expect(fake.tenant.countsByKind()['directorySubscriptions']).toBe(1);
  });
});

describe('graphDirectory.listGroupsById', () => {
  it('reads the named groups 15 ids a request, and leaves out a group that no longer exists', async () => {
    const groups = fake.tenant.data.groups.slice(0, 20);
    const ids = [...groups.map((g) => g.id), '00000000-0000-4000-8000-00000000dead'];
    const found = await testGraph().directory.listGroupsById(ids, ['id', 'displayName']);
    expect(found.map((g) => g['displayName']).sort()).toEqual(groups.map((g) => g.displayName).sort());
    const requests = fake.tenant.requests.filter((r) => r.kind === 'groups').map((r) => new URL(r.url).searchParams);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.get('$filter')).toMatch(/^id in \('[0-9a-f-]{36}'(,'[0-9a-f-]{36}'){14}\)$/);
    expect(requests[0]?.get('$select')).toBe('id,displayName');
  });
});

describe('graphDirectory.listUsers', () => {
  const SIGN_INS = ['id', 'createdDateTime', 'signInActivity'];
  const userPages = (tenant: FakeTenant) => tenant.requests.filter((r) => r.kind === 'users').map((r) => new URL(r.url));

  it('returns every user of the tenant with the selected properties, in pages of 999', async () => {
    const users = await testGraph().directory.listUsers(['id', 'userPrincipalName', 'assignedLicenses']);
    expect(users).toHaveLength(fake.tenant.data.users.length);
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(['assignedLicenses', 'id', 'userPrincipalName']);
    expect(userPages(fake.tenant)[0]?.searchParams.get('$top')).toBe('999');
  });

  it('asks no more than Graph serves with signInActivity (500), and follows every next page', async () => {
    const users = await testGraph().directory.listUsers(SIGN_INS);
    expect(users).toHaveLength(fake.tenant.data.users.length);
    expect(new Set(users.map((u) => u['id'])).size).toBe(fake.tenant.data.users.length);
    const pages = userPages(fake.tenant);
    expect(pages[0]?.searchParams.get('$top')).toBe('500');
    // The sample's 592 users come in more than one page whatever the page size Graph grants.
    expect(pages.length).toBeGreaterThan(1);
  });

  it('reads the sign-ins again in pages of 120 when Graph answers "more than 120 users at a time"', async () => {
    // The reporting service's own body (msgraph-sdk-powershell#1898, March 2023), not Graph's error shape.
    fake.tenant.addFault({
      match: { kind: 'users', predicate: (r) => Number(new URL(r.url).searchParams.get('$top')) > 120 },
      respond: {
        status: 400,
        body: {
          '@odata.context': 'http://reportingservice.activedirectory.windowsazure.com/auditLogs/$metadata#Edm.String',
          value: 'Cannot query data for more than 120 users at a time.',
        },
      },
    });

    const users = await testGraph().directory.listUsers(SIGN_INS);

    expect(users).toHaveLength(fake.tenant.data.users.length);
    const pages = userPages(fake.tenant);
    expect(pages.map((u) => u.searchParams.get('$top'))).toEqual(['500', ...Array(pages.length - 1).fill('120')]);
    expect(fake.tenant.requests.filter((r) => r.kind === 'users').map((r) => r.status)).toEqual([400, ...Array(pages.length - 1).fill(200)]);
  });

  it('keeps any other 400 an error, naming its reason', async () => {
    fake.tenant.addFault({ match: { kind: 'users' }, respond: { status: 400, body: { error: { code: 'Request_BadRequest', message: 'Invalid $select' } } } });
    const error = await testGraph()
      .directory.listUsers(SIGN_INS)
      .catch((e: unknown) => e);
    expect((error as HttpError).message).toBe('GET /v1.0/users answered 400: Request_BadRequest: Invalid $select');
    expect(fake.tenant.countsByKind()['users']).toBe(1);
  });
});

describe('graphDirectory.pageUsers', () => {
  it('asks for the next page only when the caller wants it', async () => {
    for await (const page of testGraph().directory.pageUsers(['id', 'createdDateTime', 'signInActivity'])) {
      expect(page.length).toBeGreaterThan(0);
      break;
    }
    expect(fake.tenant.countsByKind()['users']).toBe(1);
  });
});

describe('graphDirectory.listUsersByIds', () => {
  const SIGN_INS = ['id', 'createdDateTime', 'signInActivity'];
  const reads = (tenant: FakeTenant) => tenant.requests.filter((r) => r.kind === 'users');
  /** What each users request carried: its ids, ConsistencyLevel, $count and the full URL's length. */
  function recordUserRequests(tenant: FakeTenant): Array<{ ids: number; eventual: boolean; count: string | null; urlLength: number }> {
    const seen: Array<{ ids: number; eventual: boolean; count: string | null; urlLength: number }> = [];
    tenant.addFault({
      match: {
        kind: 'users',
        predicate: (request) => {
          const url = new URL(request.url);
          const ids = (url.searchParams.get('$filter') ?? '').match(/'[^']*'/g)?.length ?? 0;
          seen.push({
            ids,
            eventual: request.headers.get('consistencylevel') === 'eventual',
            count: url.searchParams.get('$count'),
            urlLength: request.url.length,
          });
          return false;
        },
      },
      respond: { status: 500 },
    });
    return seen;
  }

  it('reads up to 15 users with a plain filter, in one request', async () => {
    const wanted = fake.tenant.data.users.slice(0, 15).map((u) => u.id);
    const seen = recordUserRequests(fake.tenant);
    const users = await testGraph().directory.listUsersByIds(wanted, SIGN_INS);
    expect(users.map((u) => u['id']).sort()).toEqual([...wanted].sort());
    expect(seen).toEqual([{ ids: 15, eventual: false, count: null, urlLength: expect.any(Number) as number }]);
  });

  it('reads 40 users a request with the advanced query Graph needs past 15, within its 2,048-character URL', async () => {
    const wanted = fake.tenant.data.users.slice(0, 100).map((u) => u.id);
    const seen = recordUserRequests(fake.tenant);
    const users = await testGraph().directory.listUsersByIds(wanted, SIGN_INS);
    expect(users).toHaveLength(100);
    expect(seen.map((s) => s.ids)).toEqual([40, 40, 20]);
    expect(seen.every((s) => s.eventual && s.count === 'true' && s.urlLength <= 2_048)).toBe(true);
  });

  it('leaves out the ids Graph does not know', async () => {
    const known = fake.tenant.data.users[0]?.id ?? '';
    const users = await testGraph().directory.listUsersByIds([known, '00000000-0000-4000-8000-00000000dead'], SIGN_INS);
    expect(users.map((u) => u['id'])).toEqual([known]);
  });

  it('falls back to 15 ids a request, for the rest of the run, when Graph refuses the advanced query', async () => {
    fake.tenant.addFault({
      match: { kind: 'users', predicate: (r) => r.headers.get('consistencylevel') === 'eventual' },
      respond: { status: 400, body: { error: { code: 'Request_UnsupportedQuery', message: 'Unsupported query.' } } },
    });
    const directory = testGraph().directory;
    const wanted = fake.tenant.data.users.slice(0, 40).map((u) => u.id);
    expect(await directory.listUsersByIds(wanted, SIGN_INS)).toHaveLength(40);
    expect(
      await directory.listUsersByIds(
        fake.tenant.data.users.slice(40, 70).map((u) => u.id),
        SIGN_INS,
      ),
    ).toHaveLength(30);
    expect(reads(fake.tenant).map((r) => r.status)).toEqual([400, 200, 200, 200, 200, 200]);
  });
});
