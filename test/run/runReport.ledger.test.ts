import { describe, expect, it } from 'vitest';
import { DeliveryUnknownError, SentItemsForbiddenError } from '../../src/errors.js';
import { runReport } from '../../src/run/runReport.js';
import { createTestRun } from '../support/testRun.js';

const siteMails = (t: ReturnType<typeof createTestRun>) => t.mailer.sent.filter((m) => m.kind === 'site').map((m) => m.siteCode);

describe('runReport and the delivery ledger', () => {
  it('skips sites already sent this month on a rerun, and sends the rest', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    await runReport(t.deps);
    t.addSite(2, 'B');
    t.mailer.sent.length = 0;

    const rerun = await runReport(t.deps);
    expect(rerun.sites.map((s) => [s.code, s.status, s.delivery])).toEqual([
      ['A', 'skipped', 'already-sent'],
      ['B', 'ok', 'sent'],
    ]);
    expect(siteMails(t)).toEqual(['B']);
    // Skipped sites still count in the month's figures.
    expect(rerun.totals).toMatchObject({ sitesOk: 2, sitesFailed: 0, accounts: 6 });
  });

  it('sends again to sites already sent when forced', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    await runReport(t.deps);
    const forced = await runReport(t.deps, { force: true });
    expect(forced.sites[0]).toMatchObject({ status: 'ok', delivery: 'sent' });
    expect(siteMails(t)).toEqual(['A', 'A']);
    expect(t.ledger.store.get('2026-02')?.get('A')?.runId).toBe('run-2');
  });

  it('sends again the next month', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    await runReport(t.deps);
    t.clock.set('2026-03-01T06:00:00Z');
    const next = await runReport(t.deps);
    expect(next.sites[0]).toMatchObject({ status: 'ok', delivery: 'sent' });
    expect(siteMails(t)).toEqual(['A', 'A']);
  });

  // Issue 11: an unknown delivery is now looked up in Sent Items; only when that lookup is impossible
  // (403: no Mail.Read on the sender) does it stay unknown, and then it is not resent unless forced.
  it('does not resend a site whose delivery is unknown and cannot be looked up, unless forced', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site', error: new DeliveryUnknownError('connection reset after the request was written') });
    t.mailer.lookupFailure = new SentItemsForbiddenError('GET /users/s/mailFolders/sentitems/messages answered 403: ErrorAccessDenied');
    const first = await runReport(t.deps);
    expect(first.sites[0]).toMatchObject({ status: 'failed', step: 'send', delivery: 'unknown', reconciliation: { lookup: 'forbidden' } });
    t.mailer.failures.length = 0;

    const rerun = await runReport(t.deps);
    expect(rerun.sites[0]).toMatchObject({ status: 'skipped', delivery: 'unknown' });
    expect(rerun.sites[0]?.error).toContain('Application Mail.Read');
    expect(siteMails(t)).toEqual([]);

    const forced = await runReport(t.deps, { force: true });
    expect(forced.sites[0]).toMatchObject({ status: 'ok', delivery: 'sent' });
    expect(siteMails(t)).toEqual(['A']);
    expect(t.ledger.store.get('2026-02')?.get('A')?.status).toBe('sent');
  });

  it('writes nothing to the ledger in a dry run, so a later real run still sends', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.result = { status: 'outbox', files: ['outbox/A.eml'] };
    const dry = await runReport(t.deps, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, sites: [{ code: 'A', status: 'ok', delivery: 'outbox' }] });
    expect(t.ledger.store.size).toBe(0);

    t.mailer.result = { status: 'sent' };
    const real = await runReport(t.deps);
    expect(real.sites[0]).toMatchObject({ status: 'ok', delivery: 'sent' });
    expect(t.ledger.store.get('2026-02')?.get('A')?.status).toBe('sent');
  });

  it('does not take the period lock in a dry run, so it never blocks the monthly run', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.ledger.held.set('2026-02', 'monthly-run');
    const dry = await runReport(t.deps, { dryRun: true });
    expect(dry.sites[0]?.status).toBe('ok');
    expect(t.ledger.held.get('2026-02')).toBe('monthly-run');
  });

  it('does not record an outbox delivery as sent outside a dry run either', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.result = { status: 'outbox', files: ['outbox/A.eml'] };
    await runReport(t.deps);
    expect(t.ledger.store.size).toBe(0);
  });

  it('sends nothing when the ledger cannot be read, since it could not avoid duplicates', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.ledger.failDeliveries = new Error('storage timeout');
    const result = await runReport(t.deps);
    expect(result.fatalError).toContain('the run ledger could not be read');
    expect(result.sites).toEqual([]);
    expect(t.mailer.sent.map((m) => m.kind)).toEqual(['summary']);
  });
});
