// `npm run doctor`: one line per check, exit 0 when a real run can succeed, 1 otherwise, --json.
import { describe, expect, it } from 'vitest';
import { runDoctorCli } from '../../src/cli/runDoctorCli.js';
import type { DoctorReport } from '../../src/doctor/runDoctor.js';
import { sampleTenantData } from '../fakeTenant/index.js';
import { useFakeTenant } from '../adapters/http/useFakeTenant.js';
import { ALL_ROLES, doctorEnv, NOW } from '../doctor/doctorHarness.js';

const fake = useFakeTenant();

async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctorCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) }, { clock: { now: () => NOW } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function scopedTenant() {
  const data = sampleTenantData({ now: new Date('2026-11-01T00:00:00Z') });
  fake.use(data, { mailboxScope: { send: [data.mailSender], read: [data.mailSender] } });
  return data;
}

describe('npm run doctor', () => {
  it('prints one line per check with its mark, the fix under the others, and exits 0 when a run can succeed', async () => {
    const { code, out } = await cli([], doctorEnv(scopedTenant()));
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Doctor: what a real run needs, checked 2026-11-24T09:00:00.000Z (read-only: nothing is sent or recorded)');
    expect(lines).toContain('✓ Members of a site group: site SIEGE (row 1): 10 member(s) of the first page read, with names and licenses');
    expect(lines.filter((l) => /^[✓⚠✗–] /.test(l)).length).toBeGreaterThan(20);
    const warning = lines.findIndex((l) => l.startsWith('⚠ Setting STATIC_ACCESS_TOKEN'));
    expect(lines[warning + 1]).toMatch(/^ {4}fix: unset STATIC_ACCESS_TOKEN/);
    expect(lines.at(-1)).toBe('A real run can succeed; the ⚠ lines say what it will leave out or risk.');
  });

  it('exits 1 and says what to do when a check fails', async () => {
    const { code, out } = await cli([], doctorEnv(scopedTenant(), { roles: ALL_ROLES.filter((r) => r !== 'GroupMember.Read.All') }));
    expect(code).toBe(1);
    expect(out).toContain(
      '✗ Microsoft Graph permission GroupMember.Read.All: GroupMember.Read.All is missing: every site fails at "members": Graph answers 403',
    );
    expect(out.split('\n').at(-1)).toMatch(/^A real run cannot succeed yet: fix the ✗ lines, then run npm run doctor again/);
  });

  it('--json prints the report for scripts, with the same exit code', async () => {
    const { code, out } = await cli(['--json'], doctorEnv(scopedTenant(), { roles: ALL_ROLES }, { MAIL_SENDER: 'nobody@horizon-asso.fr' }));
    expect(code).toBe(1);
    const report = JSON.parse(out) as DoctorReport;
    expect(report.ok).toBe(false);
    expect(report.checkedAt).toBe(NOW.toISOString());
    expect(report.results.find((r) => r.id === 'mail.sender')).toEqual({
      id: 'mail.sender',
      status: 'fail',
      title: 'Sender nobody@horizon-asso.fr',
      detail: 'no such user in the tenant',
      fix: 'MAIL_SENDER: the address of the mailbox the reports are sent from (a shared mailbox works)',
    });
  });

  it('reports every bad setting at once, by name, and runs nothing else', async () => {
    const env = doctorEnv(scopedTenant(), { roles: ALL_ROLES }, { SHAREPOINT_SITE_URL: 'http://contoso.sharepoint.com/sites/it', CURRENCY: 'euros' });
    delete env['IT_SUMMARY_TO'];
    const { code, out } = await cli([], env);
    expect(code).toBe(1);
    expect(out).toContain('✗ Setting SHAREPOINT_SITE_URL: SHAREPOINT_SITE_URL must be an https URL, got "http://contoso.sharepoint.com/sites/it"');
    expect(out).toContain('✗ Setting CURRENCY: CURRENCY must be an ISO 4217 code such as EUR, got "EUROS"');
    expect(out).toContain('✗ Setting IT_SUMMARY_TO: IT_SUMMARY_TO is required with MAIL_TRANSPORT=graph');
    expect(out).toContain('– Other checks: not run until the settings are valid');
    expect(fake.tenant.requests).toEqual([]);
  });

  it('refuses an unknown argument with exit 2 and the usage', async () => {
    const { code, err } = await cli(['--fix'], doctorEnv(scopedTenant()));
    expect(code).toBe(2);
    expect(err).toContain("Unknown option '--fix'");
    expect(err).toContain('Usage: npm run doctor -- [--json]');
  });
});
