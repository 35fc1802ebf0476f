// Role tokens (fakeAppToken) and what each endpoint requires, with Graph's real 403 bodies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeAppToken, readGrant } from './permissions.js';
import { getJson, GRAPH, groupByName, mswTenant } from './testkit.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => tenant.reset());
afterAll(() => server.close());

const as = (roles: string[], extra: Parameters<typeof fakeAppToken>[0] = {}) => ({ Authorization: `Bearer ${fakeAppToken({ roles, ...extra })}` });
const denied = { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' };
const apf = groupByName(tenant.data, 'Personnel APF');
const members = `${GRAPH}/groups/${apf.id}/transitiveMembers/microsoft.graph.user?$select=id,displayName,mail,accountEnabled,assignedLicenses&$top=5`;

describe('fakeAppToken', () => {
  it('is an unsigned JWT whose roles claim the fake reads; a token without roles has no permission', () => {
    const token = fakeAppToken({ roles: ['User.Read.All'], appidacr: '1' });
    expect(token.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ roles: ['User.Read.All'], appidacr: '1', idtyp: 'app' });
    const grant = readGrant(new Request(GRAPH, { headers: { Authorization: `Bearer ${token}` } }), 'fake-token');
    expect(grant && [...grant.roles]).toEqual(['user.read.all']);
    expect(JSON.parse(Buffer.from(fakeAppToken().split('.')[1] ?? '', 'base64url').toString())).not.toHaveProperty('roles');
  });
});

describe('Graph permissions per endpoint', () => {
  it('members: GroupMember.Read.All lists them; without User.Read.All only @odata.type and id, the rest null', async () => {
    expect((await getJson(members, as([]))).body.error).toMatchObject(denied);
    const limited = await getJson(members, as(['GroupMember.Read.All']));
    expect(limited.status).toBe(200);
    expect(limited.body.value?.[0]).toEqual({
      '@odata.type': '#microsoft.graph.user',
      id: expect.any(String),
      displayName: null,
      mail: null,
      accountEnabled: null,
      assignedLicenses: null,
    });
    const full = await getJson(members, as(['GroupMember.Read.All', 'User.Read.All']));
    expect(full.body.value?.[0]).toMatchObject({ displayName: expect.any(String), assignedLicenses: expect.any(Array) });
  });

  it('subscribedSkus: LicenseAssignment.Read.All or Directory.Read.All; /directory/subscriptions: Organization.Read.All, not LicenseAssignment.Read.All', async () => {
    expect((await getJson(`${GRAPH}/subscribedSkus`, as(['User.Read.All']))).body.error).toMatchObject(denied);
    expect((await getJson(`${GRAPH}/subscribedSkus`, as(['LicenseAssignment.Read.All']))).status).toBe(200);
    expect((await getJson(`${GRAPH}/subscribedSkus`, as(['Directory.Read.All']))).status).toBe(200);
    expect((await getJson(`${GRAPH}/directory/subscriptions`, as(['LicenseAssignment.Read.All']))).status).toBe(403);
    expect((await getJson(`${GRAPH}/directory/subscriptions`, as(['Organization.Read.All']))).status).toBe(200);
  });

  it('users: User.Read.All; signInActivity also needs AuditLog.Read.All (Authentication_MSGraphPermissionMissing)', async () => {
    expect((await getJson(`${GRAPH}/users?$select=id`, as(['GroupMember.Read.All']))).body.error).toMatchObject(denied);
    const sender = encodeURIComponent(tenant.data.mailSender);
    expect((await getJson(`${GRAPH}/users/${sender}?$select=id,mail`, as(['User.Read.All']))).body).toMatchObject({ mail: tenant.data.mailSender });
    const signIns = await getJson(`${GRAPH}/users?$select=id,signInActivity`, as(['User.Read.All']));
    expect(signIns.status).toBe(403);
    expect(signIns.body.error).toMatchObject({
      code: 'Authentication_MSGraphPermissionMissing',
      message: 'Calling principal does not have required MSGraph permissions AuditLog.Read.All',
    });
    expect((await getJson(`${GRAPH}/users?$select=id,signInActivity`, as(['User.Read.All', 'AuditLog.Read.All']))).status).toBe(200);
  });

  it('a token for another audience, or one the fake cannot read, gets 401 InvalidAuthenticationToken', async () => {
    const other = await getJson(`${GRAPH}/subscribedSkus`, as(['Directory.Read.All'], { aud: 'https://contoso.sharepoint.com' }));
    expect(other.status).toBe(401);
    expect(other.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' });
    expect((await getJson(`${GRAPH}/subscribedSkus`, as(['Directory.Read.All'], { aud: 'https://graph.microsoft.com' }))).status).toBe(200);
    expect((await getJson(`${GRAPH}/subscribedSkus`, { Authorization: 'Bearer a.b.c' })).status).toBe(401);
  });
});
