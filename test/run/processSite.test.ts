import { describe, expect, it } from 'vitest';
import { DeliveryUnknownError } from '../../src/errors.js';
import { runReport } from '../../src/run/runReport.js';
import { guid } from '../support/guid.js';
import { correspondentJson, userJson } from '../support/testData.js';
import { createTestRun, type TestRun } from '../support/testRun.js';

/** Three sites; the middle one (B, row 2) breaks at the given step. */
function threeSitesWithBrokenB(breakB: (t: TestRun) => void): TestRun {
  const t = createTestRun();
  t.addSite(1, 'A');
  t.addSite(2, 'B');
  t.addSite(3, 'C');
  breakB(t);
  return t;
}

describe('a site failing in the middle of a run', () => {
  it.each([
    {
      step: 'members',
      breakB: (t: TestRun) => t.directory.groups.delete(guid(1002)),
      error: `members: group ${guid(1002)} not found (deleted?)`,
    },
    {
      step: 'correspondents',
      breakB: (t: TestRun) => t.directory.failures.set(guid(2002), new Error('socket hang up')),
      error: `correspondents: group ${guid(2002)} could not be read: socket hang up`,
    },
    {
      step: 'correspondents',
      breakB: (t: TestRun) => t.directory.groups.set(guid(2002), [correspondentJson(7, null)]),
      error: `correspondents: no correspondent with a mail address in group ${guid(2002)}`,
    },
    {
      step: 'render',
      breakB: (t: TestRun) => t.renderer.failSites.add('B'),
      error: 'render: template error for B',
    },
    {
      step: 'send',
      breakB: (t: TestRun) => t.mailer.failures.push({ when: (m) => m.siteCode === 'B', error: new Error('POST /users/x/sendMail answered 400') }),
      error: 'send: POST /users/x/sendMail answered 400',
    },
  ])('fails site B at step $step, names it, and still sends A and C', async ({ step, breakB, error }) => {
    const t = threeSitesWithBrokenB(breakB);
    const result = await runReport(t.deps);

    expect(result.sites.map((s) => [s.code, s.status])).toEqual([
      ['A', 'ok'],
      ['B', 'failed'],
      ['C', 'ok'],
    ]);
    const b = result.sites[1];
    expect(b).toMatchObject({ step, error, delivery: 'not-sent' });
    expect(t.mailer.sent.filter((m) => m.kind === 'site').map((m) => m.siteCode).sort()).toEqual(['A', 'C']);
    expect(result.totals).toMatchObject({ sites: 3, sitesOk: 2, sitesFailed: 1, accounts: 6 });
    const summary = t.mailer.sent.find((m) => m.kind === 'summary');
    expect(summary?.html).toContain('B failed');
    expect([...(t.ledger.store.get(result.period)?.keys() ?? [])].sort()).toEqual(['A', 'C']);
  });

  it('fails at step ledger when the mail went out but could not be recorded, and says a rerun would resend', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.ledger.failRecord = new Error('blob storage unavailable');
    const result = await runReport(t.deps);
    expect(result.sites[0]).toMatchObject({ status: 'failed', step: 'ledger', delivery: 'sent' });
    expect(result.sites[0]?.error).toContain('a rerun would send it again');
  });

  it('reports an account that cannot become a row as n/m and names it in the warnings', async () => {
    const t = createTestRun();
    t.addSite(1, 'A', [userJson(), { id: 'u-only-id' }, userJson()]);
    const result = await runReport(t.deps);
    expect(result.sites[0]).toMatchObject({ status: 'ok', exported: 2, total: 3 });
    expect(result.sites[0]?.skippedAccounts).toEqual([{ userId: 'u-only-id', name: 'u-only-id', reason: expect.stringContaining('User.Read.All') }]);
    const skipped = result.warnings.filter((w) => w.code === 'account-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.message).toContain('Site A');
    expect(skipped[0]?.message).toContain('u-only-id');
  });

  it('gives each site the time it took, from the clock', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    const read = t.directory.listGroupUsers.bind(t.directory);
    t.directory.listGroupUsers = async (groupId, select) => {
      const users = await read(groupId, select);
      if (select.includes('assignedLicenses')) t.clock.advance(132_000);
      return users;
    };
    const result = await runReport(t.deps);
    expect(result.sites[0]?.durationMs).toBe(132_000);
  });

  it('mails each site report to its correspondents with the renderer’s subject and html', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    await runReport(t.deps);
    const mail = t.mailer.sent.find((m) => m.kind === 'site');
    expect(mail).toMatchObject({
      siteCode: 'A',
      to: [{ name: 'IT correspondent 1', address: 'it1@contoso.test' }],
      subject: 'Report A 2026-02',
      html: '<p>A: 3/3</p>',
    });
  });

  it('records a delivery that may or may not have gone out as unknown, without retrying it', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site', error: new DeliveryUnknownError('sendMail answered 503') });
    const result = await runReport(t.deps);
    expect(result.sites[0]).toMatchObject({ status: 'failed', step: 'send', delivery: 'unknown' });
    expect(result.sites[0]?.error).toContain('may or may not have gone out');
    expect(t.mailer.attempts.filter((m) => m.kind === 'site')).toHaveLength(1);
    expect(t.ledger.store.get(result.period)?.get('A')).toMatchObject({ status: 'unknown', runId: result.runId, recipients: ['it1@contoso.test'] });
  });
});
