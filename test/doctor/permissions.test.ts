// The doctor against the fake tenant, one permission missing at a time: the token's roles say which,
// and Graph's own 403 answers show in the check that needed it.
import { describe, expect, it } from 'vitest';
import { MissingCredentialsError } from '../../src/adapters/auth/createTokenProvider.js';
import { APP_ROLES } from '../../src/config/permissions.js';
import { createDoctorContext } from '../../src/doctor/doctorContext.js';
import { runDoctor } from '../../src/doctor/runDoctor.js';
import { sampleTenantData } from '../fakeTenant/index.js';
import { useFakeTenant } from '../adapters/http/useFakeTenant.js';
import { ALL_ROLES, check, doctor, doctorEnv, failed, warned } from './doctorHarness.js';

const fake = useFakeTenant();

/** The sample tenant with mail scoped to the sender, as Exchange RBAC for Applications does. */
function scopedTenant() {
  const data = sampleTenantData({ now: new Date('2026-11-01T00:00:00Z') });
  fake.use(data, { mailboxScope: { send: [data.mailSender], read: [data.mailSender] } });
  return data;
}

const without = (role: string) => ALL_ROLES.filter((r) => r !== role);

describe('doctor: application permissions', () => {
  it('passes with every role granted and mail scoped to the sender', async () => {
    const data = scopedTenant();
    const report = await doctor(doctorEnv(data));
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(check(report, 'identity.roles.graph').detail).toContain(
      'GroupMember.Read.All, User.Read.All, LicenseAssignment.Read.All, AuditLog.Read.All, Organization.Read.All',
    );
    expect(check(report, 'identity.roles.sharepoint').detail).toContain('Sites.Selected');
    expect(check(report, 'graph.members').status).toBe('ok');
    expect(check(report, 'graph.skus').detail).toMatch(/^12 SKU\(s\): ENTERPRISEPACK/);
    expect(check(report, 'mail.scope').status).toBe('ok');
  });

  it("names GroupMember.Read.All and what it disables when it is missing; the members read shows Graph's 403", async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { roles: without('GroupMember.Read.All') }));
    expect(report.ok).toBe(false);
    const role = check(report, 'identity.role.GroupMember.Read.All');
    expect(role.status).toBe('fail');
    expect(role.detail).toContain('every site fails at "members"');
    expect(role.fix).toContain('-AppRoleId 98830695-27a2-44f7-8c18-0c3ebc9698f6');
    expect(role.fix).toContain('-ServicePrincipalId 9b8a7c6d-5e4f-4d3c-8b2a-1f0e9d8c7b6a'); // the token's oid
    const members = check(report, 'graph.members');
    expect(members.status).toBe('fail');
    expect(members.detail).toContain(
      'answered 403: Authorization_RequestDenied: Insufficient privileges to complete the operation: GroupMember.Read.All is needed',
    );
    expect(members.detail).toContain('GroupMember.Read.All is needed');
  });

  it('reads "members without licenses visible" as User.Read.All missing', async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { roles: without('User.Read.All') }));
    expect(check(report, 'identity.role.User.Read.All').status).toBe('fail');
    const members = check(report, 'graph.members');
    expect(members.status).toBe('fail');
    expect(members.detail).toContain('members come back without names or licenses visible: User.Read.All is needed');
    expect(members.detail).toContain('no names, no licenses');
  });

  it("fails the licenses read with Graph's 403 when LicenseAssignment.Read.All is missing", async () => {
    // Organization.Read.All also opens /subscribedSkus (subscribedsku-list): take both away.
    const report = await doctor(doctorEnv(scopedTenant(), { roles: without('LicenseAssignment.Read.All').filter((r) => r !== 'Organization.Read.All') }));
    expect(check(report, 'identity.role.LicenseAssignment.Read.All').detail).toContain('licenses cannot be named or priced');
    const skus = check(report, 'graph.skus');
    expect(skus.status).toBe('fail');
    expect(skus.detail).toContain('GET /v1.0/subscribedSkus answered 403: Authorization_RequestDenied');
    expect(skus.fix).toBe('grant LicenseAssignment.Read.All: the command is under "Microsoft Graph permission LicenseAssignment.Read.All" above');
    expect(check(report, 'identity.role.LicenseAssignment.Read.All').fix).toContain('-AppRoleId e2f98668-2877-4f38-a2f4-8202e0717aa1');
  });

  it("fails SharePoint's Sites.Selected when the SharePoint token lacks it", async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { roles: without('Sites.Selected') }));
    const role = check(report, 'identity.role.Sites.Selected');
    expect(role.status).toBe('fail');
    expect(role.title).toBe('SharePoint Online permission Sites.Selected');
    expect(role.fix).toContain("appId eq '00000003-0000-0ff1-ce00-000000000000'");
  });

  it('warns, without failing, when a broader permission covers a missing one (least privilege)', async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { roles: [...without('LicenseAssignment.Read.All'), 'Directory.Read.All'] }));
    expect(report.ok).toBe(true);
    const role = check(report, 'identity.role.LicenseAssignment.Read.All');
    expect(role).toMatchObject({
      status: 'warn',
      detail: 'LicenseAssignment.Read.All is not granted, but Organization.Read.All, Directory.Read.All covers it: more than the run needs',
    });
    expect(check(report, 'graph.skus').status).toBe('ok');
  });

  it.each(APP_ROLES.filter((p) => p.required).map((p) => p.role))('exits "cannot run" without %s', async (role) => {
    const report = await doctor(
      doctorEnv(scopedTenant(), { roles: without(role).filter((r) => !(role === 'LicenseAssignment.Read.All' && r === 'Organization.Read.All')) }),
    );
    expect(report.ok).toBe(false);
    expect(failed(report)).toContain(`identity.role.${role}`);
  });

  it('warns, naming the feature, when an optional permission is missing: the run can still succeed', async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { roles: without('AuditLog.Read.All') }));
    expect(report.ok).toBe(true);
    const role = check(report, 'identity.role.AuditLog.Read.All');
    expect(role.status).toBe('warn');
    expect(role.detail).toBe('AuditLog.Read.All (optional) is missing: inactive accounts: the mails say the check is unavailable');
    const signIns = check(report, 'graph.signIns');
    expect(signIns.status).toBe('warn');
    expect(signIns.detail).toContain('Authentication_MSGraphPermissionMissing');
  });

  it('warns about Organization.Read.All with the subscriptions read refused', async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { roles: without('Organization.Read.All') }));
    expect(report.ok).toBe(true);
    expect(warned(report)).toEqual(expect.arrayContaining(['identity.role.Organization.Read.All', 'graph.subscriptions']));
    expect(check(report, 'graph.subscriptions').detail).toContain('subscriptions that need attention');
  });

  it('says sign-ins need Entra ID P1 when the tenant has none', async () => {
    const data = scopedTenant();
    data.signInActivityForbidden = true;
    const signIns = check(await doctor(doctorEnv(data)), 'graph.signIns');
    expect(signIns.status).toBe('warn');
    expect(signIns.detail).toContain('Microsoft Entra ID P1');
  });

  it('cannot check the roles of a token that is not a JWT, and says so once', async () => {
    const report = await doctor(doctorEnv(scopedTenant(), 'fake-token'));
    expect(report.results.filter((r) => r.id === 'identity.roles')).toEqual([
      expect.objectContaining({ status: 'warn', detail: 'STATIC_ACCESS_TOKEN is not a JWT: its roles cannot be checked; the reads below show what it may do' }),
    ]);
    expect(check(report, 'graph.members').status).toBe('ok');
  });

  it("says a user's delegated token is not the app's", async () => {
    const report = await doctor(doctorEnv(scopedTenant(), { claims: { scp: 'User.Read Sites.Read.All', idtyp: 'user' } }));
    expect(check(report, 'identity.roles.graph')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('a user\'s delegated token (scp "User.Read Sites.Read.All")'),
    });
  });

  it('never prints the token', async () => {
    const env = doctorEnv(scopedTenant(), { roles: without('User.Read.All') });
    const report = await doctor(env);
    expect(JSON.stringify(report)).not.toContain(env['STATIC_ACCESS_TOKEN']?.split('.')[1]);
  });
});

describe('doctor: no credentials', () => {
  it('fails the token with the settings to set, skips what needs it, and still checks the rest', async () => {
    const env = doctorEnv(scopedTenant());
    delete env['STATIC_ACCESS_TOKEN'];
    const tokens = {
      credential: { kind: 'managed-identity' as const, description: 'managed identity, system-assigned' },
      getToken: () => Promise.reject(new MissingCredentialsError('No credentials for Microsoft Graph and SharePoint: no managed identity answered')),
    };
    const report = await doctor(env, { tokens });
    expect(report.ok).toBe(false);
    expect(check(report, 'identity.token.graph')).toMatchObject({ status: 'fail', fix: expect.stringContaining('GET /api/report/doctor?code=<function key>') });
    for (const id of ['graph', 'sharepoint', 'mail']) expect(check(report, id).status).toBe('skip');
    expect(check(report, 'schedule').status).toBe('ok');
    expect(fake.tenant.requests).toEqual([]);
  });

  it('reports a check that throws as failed instead of crashing', async () => {
    const ctx = createDoctorContext(doctorEnv(scopedTenant()));
    const report = await runDoctor(ctx, [
      function brokenCheck() {
        throw new Error('unexpected answer');
      },
    ]);
    expect(report.results.at(-1)).toEqual({ id: 'doctor.check1', status: 'fail', title: 'brokenCheck', detail: 'the check itself failed: unexpected answer' });
  });
});
