// The doctor's mail checks against the fake tenant (nothing is sent): the sender and its mailbox,
// Sent Items readable for reconciliation, and whether another mailbox is readable too.
import { describe, expect, it } from 'vitest';
import { sampleTenantData, type FakeTenantOptions, type TenantData } from '../fakeTenant/index.js';
import { useFakeTenant } from '../adapters/http/useFakeTenant.js';
import { ALL_ROLES, check, doctor, doctorEnv } from './doctorHarness.js';

const fake = useFakeTenant();

function tenant(scope: FakeTenantOptions['mailboxScope'] | 'default' = 'default', change: (data: TenantData) => void = () => undefined): TenantData {
  const data = sampleTenantData({ now: new Date('2026-11-01T00:00:00Z') });
  change(data);
  fake.use(data, { mailboxScope: scope === 'default' ? { send: [data.mailSender], read: [data.mailSender] } : scope });
  return data;
}

const senderOf = (data: TenantData) => {
  const user = data.users.find((u) => u.mail === data.mailSender);
  if (!user) throw new Error('no sender');
  return user;
};

describe('doctor: mail', () => {
  it("finds the sender, reads its Sent Items with the reconciliation's query, and is refused another mailbox", async () => {
    const data = tenant();
    const report = await doctor(doctorEnv(data));
    expect(check(report, 'mail.sender')).toMatchObject({ status: 'ok', detail: 'exists and has a mailbox' });
    expect(check(report, 'mail.sentItems').status).toBe('ok');
    expect(check(report, 'mail.scope')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/mailbox is refused \(403 ErrorAccessDenied\): mail access is scoped/),
    });
    // Read-only: nothing sent, and the Sent Items query is the extended-property $filter.
    expect(fake.tenant.sentMail).toEqual([]);
    const probe = fake.tenant.requests.find((r) => r.url.includes(`/users/${encodeURIComponent(data.mailSender)}/mailFolders/sentitems/messages`));
    expect(new URL(probe?.url ?? 'https://x').searchParams.get('$filter')).toMatch(
      /^singleValueExtendedProperties\/Any\(ep: ep\/id eq 'String \{[0-9a-f-]{36}\} Name m365-license-report-doctor' and ep\/value eq 'probe'\)$/,
    );
  });

  it('fails a sender without a mailbox (MailboxNotEnabledForRESTAPI)', async () => {
    const data = tenant('default', (d) => (senderOf(d).hasMailbox = false));
    const report = await doctor(doctorEnv(data));
    expect(report.ok).toBe(false);
    const sender = check(report, 'mail.sender');
    expect(sender.status).toBe('fail');
    expect(sender.detail).toContain('MailboxNotEnabledForRESTAPI');
    expect(sender.fix).toBe('give the account an Exchange Online license, or set MAIL_SENDER to a shared mailbox');
  });

  it('fails a sender that is no user of the tenant', async () => {
    const report = await doctor(doctorEnv(tenant(), { roles: ALL_ROLES }, { MAIL_SENDER: 'nobody@horizon-asso.fr' }));
    expect(check(report, 'mail.sender')).toMatchObject({ status: 'fail', detail: 'no such user in the tenant' });
  });

  it('warns when Sent Items cannot be read, naming Mail.Read and the Exchange command that grants it', async () => {
    const data = tenant({ send: [sampleTenantData().mailSender] });
    const report = await doctor(doctorEnv(data));
    expect(report.ok).toBe(true);
    const read = check(report, 'mail.sentItems');
    expect(read.status).toBe('warn');
    expect(read.detail).toContain('answered 403: ErrorAccessDenied');
    expect(read.detail).toContain('"delivery unknown"');
    expect(read.fix).toContain('-Role "Application Mail.Read" -CustomResourceScope "m365-license-report sender"');
    expect(read.fix).toContain(`PrimarySmtpAddress -eq '${data.mailSender}'`);
    expect(read.fix).not.toContain('Application Mail.Send');
    expect(check(report, 'mail.scope').detail).toMatch(/refused \(403 ErrorAccessDenied\): no mailbox is readable, the sender's included/);
    // Without Sent Items the mailbox is known from the user's mail address only.
    expect(check(report, 'mail.sender').detail).toBe(`exists (${data.mailSender}); its mailbox is not confirmed until Sent Items can be read`);
  });

  it('warns when Mail.ReadBasic is all there is: it excludes extended properties', async () => {
    const data = tenant({ send: [sampleTenantData().mailSender] });
    const report = await doctor(doctorEnv(data, { roles: [...ALL_ROLES, 'Mail.ReadBasic.All'] }));
    expect(check(report, 'mail.sentItems')).toMatchObject({ status: 'warn', detail: expect.stringContaining('Mail.ReadBasic excludes them') });
  });

  it('warns that the scoping is missing when the app can read another mailbox (Mail.Read granted in Entra ID)', async () => {
    const data = tenant(undefined);
    const report = await doctor(doctorEnv(data, { roles: [...ALL_ROLES, 'Mail.Read', 'Mail.Send'] }));
    expect(report.ok).toBe(true);
    const scope = check(report, 'mail.scope');
    expect(scope.status).toBe('warn');
    expect(scope.detail).toMatch(
      new RegExp(`^the app can also read \\S+@horizon-asso\\.fr's mail: its mail access is tenant-wide, the scoping to ${data.mailSender} is missing$`),
    );
    expect(scope.detail).not.toContain(`read ${data.mailSender}'s`);
    expect(scope.fix).toContain('Get-ManagementRoleAssignment -RoleAssignee 9b8a7c6d-5e4f-4d3c-8b2a-1f0e9d8c7b6a');
    for (const role of ['Mail.Read', 'Mail.Send'])
      expect(check(report, `identity.role.${role}`)).toMatchObject({ status: 'warn', detail: expect.stringContaining('covers every mailbox of the tenant') });
  });

  it('checks no mailbox when nothing is sent (MAIL_TRANSPORT=outbox)', async () => {
    const report = await doctor(doctorEnv(tenant(), { roles: ALL_ROLES }, { MAIL_TRANSPORT: 'outbox' }));
    expect(check(report, 'mail')).toMatchObject({ status: 'skip' });
    expect(check(report, 'settings.MAIL_TRANSPORT').status).toBe('warn');
  });
});
