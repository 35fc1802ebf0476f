// Issue 11: a pending attempt (left at 'sending' by a crash, or with an uncertain answer) is settled
// by its key in Sent Items: found, it is recorded as sent and not resent; not found, it is sent
// again once; when Sent Items cannot be read, it stays unknown and nothing is resent.
import { describe, expect, it } from 'vitest';
import { DeliveryUnknownError, SentItemsForbiddenError } from '../../src/errors.js';
import type { DeliveryRecord } from '../../src/ports.js';
import { graceWaits } from '../../src/run/lookUpSentItems.js';
import { runReport } from '../../src/run/runReport.js';
import { createTestRun, type TestRun } from '../support/testRun.js';

const uncertain = () => new DeliveryUnknownError('POST /users/s/sendMail answered 500; the message may or may not have been sent');
const forbidden = () =>
  new SentItemsForbiddenError("GET /users/s/mailFolders/sentitems/messages answered 403: ErrorAccessDenied: the app may not read s's mail");
/** What the correspondents of `code` received. */
const received = (t: TestRun, code: string) => t.mailer.sent.filter((m) => m.kind === 'site' && m.siteCode === code);
const siteAttempts = (t: TestRun) => t.mailer.attempts.filter((m) => m.kind === 'site');
const recordOf = (t: TestRun, code: string) => t.ledger.store.get('2026-02')?.get(code);
function seed(t: TestRun, record: Partial<DeliveryRecord> & Pick<DeliveryRecord, 'siteCode' | 'status'>): void {
  const full: DeliveryRecord = { at: '2026-02-01T05:59:00.000Z', runId: 'crashed-run', recipients: ['it1@contoso.test'], ...record };
  t.ledger.store.set('2026-02', new Map([...(t.ledger.store.get('2026-02') ?? []), [record.siteCode, full]]));
}

describe('graceWaits', () => {
  it.each([
    ['just sent', 0, [5_000, 10_000, 15_000, 30_000]],
    ['20 s after: the lookups already due collapse into one at once', 20_000, [0, 10_000, 30_000]],
    ['a minute or more after: one lookup at once', 90_000, [0]],
    ['an unreadable time: one lookup at once', Number.NaN, [0]],
  ])('%s', (_case, elapsed, waits) => {
    expect(graceWaits(elapsed)).toEqual(waits);
  });
});

describe('an uncertain answer in this run', () => {
  it('is found in Sent Items after the grace when it went out: recorded as sent, not resent, its snapshot kept', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site', error: uncertain(), delivered: true });
    const result = await runReport(t.deps);

    expect(received(t, 'A')).toHaveLength(1);
    expect(siteAttempts(t)).toHaveLength(1);
    const key = siteAttempts(t)[0]?.deliveryKey;
    expect(key).toMatch(/^2026-02\/A\/[0-9a-f-]{36}$/);
    expect(result.sites[0]).toMatchObject({
      status: 'ok',
      delivery: 'sent',
      deliveryKey: key,
      deliveredAt: '2026-02-01T06:00:07Z',
      reconciliation: { lookup: 'found', attempt: { key, runId: 'run-1' }, sentAt: '2026-02-01T06:00:07Z' },
    });
    expect(t.waits).toEqual([5_000]); // found at the first lookup, 5 s after the attempt
    expect(recordOf(t, 'A')).toMatchObject({ status: 'sent', confirmedBy: 'sent-items', key });
    expect(await t.store.list('snapshots/sites/A/')).toEqual(['snapshots/sites/A/2026-02.json']);
  });

  it('is sent again once, with a new key, when Sent Items still does not show it a minute later', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site' && siteAttempts(t).length === 1, error: uncertain() });
    const result = await runReport(t.deps);

    const [first, second] = siteAttempts(t);
    expect(received(t, 'A')).toEqual([second]);
    expect(second?.deliveryKey).not.toBe(first?.deliveryKey);
    expect(t.waits).toEqual([5_000, 10_000, 15_000, 30_000]);
    expect(t.mailer.lookups).toEqual(Array.from({ length: 4 }, () => [first?.deliveryKey]));
    expect(result.sites[0]).toMatchObject({
      status: 'ok',
      delivery: 'sent',
      deliveryKey: second?.deliveryKey,
      reconciliation: { lookup: 'not-found', resent: true, attempt: { key: first?.deliveryKey } },
    });
    expect(recordOf(t, 'A')).toMatchObject({ status: 'sent', key: second?.deliveryKey, confirmedBy: 'accepted' });
  });

  it('is not sent a third time in the run: an uncertain resend not found stays pending, and the next run settles it', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site', error: uncertain() });
    const first = await runReport(t.deps);

    const [a1, a2] = siteAttempts(t).map((m) => m.deliveryKey);
    expect(siteAttempts(t)).toHaveLength(2);
    expect(first.sites[0]).toMatchObject({
      status: 'failed',
      step: 'send',
      delivery: 'unknown',
      reconciliation: { lookup: 'not-found', attempt: { key: a2 } },
    });
    expect(first.sites[0]?.error).toContain('the next run looks again');
    expect(recordOf(t, 'A')).toMatchObject({ status: 'unknown', key: a2, earlierKeys: [a1] });
    expect(received(t, 'A')).toEqual([]);

    t.mailer.failures.length = 0;
    t.clock.advance(3_600_000);
    const rerun = await runReport(t.deps);
    expect(t.mailer.lookups.at(-1)).toEqual([a2, a1]); // both earlier attempts, once (an hour has passed)
    expect(rerun.sites[0]).toMatchObject({ status: 'ok', delivery: 'sent', reconciliation: { lookup: 'not-found', resent: true, attempt: { key: a2 } } });
    expect(received(t, 'A')).toHaveLength(1);
  });

  it('stays unknown and is not resent when the app may not read Sent Items, naming the permission', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site', error: uncertain() });
    t.mailer.lookupFailure = forbidden();
    const result = await runReport(t.deps);

    expect(siteAttempts(t)).toHaveLength(1);
    expect(t.mailer.lookups).toHaveLength(1); // a 403 is not retried on the grace schedule
    expect(result.sites[0]).toMatchObject({
      status: 'failed',
      step: 'send',
      delivery: 'unknown',
      reconciliation: { lookup: 'forbidden', missingPermission: 'Application Mail.Read' },
    });
    expect(result.sites[0]?.error).toMatch(/may or may not have gone out .*"Application Mail\.Read" scoped to the sender mailbox.*nothing was resent/);
  });

  it('stays pending when Sent Items cannot be read at the last lookup; the next run looks again', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'site', error: uncertain(), delivered: true });
    t.mailer.lookupFailure = new Error('GET /users/s/mailFolders/sentitems/messages did not answer within 30000 ms');
    const first = await runReport(t.deps);
    expect(first.sites[0]).toMatchObject({ delivery: 'unknown', reconciliation: { lookup: 'failed', detail: expect.stringContaining('30000 ms') } });
    expect(t.mailer.lookups).toHaveLength(4);

    t.mailer.failures.length = 0;
    t.mailer.lookupFailure = undefined;
    const rerun = await runReport(t.deps);
    expect(rerun.sites[0]).toMatchObject({ status: 'skipped', delivery: 'already-sent', reconciliation: { lookup: 'found' } });
    expect(received(t, 'A')).toHaveLength(1);
  });
});

describe('a pending record from an earlier run', () => {
  it('left at "sending" by a crash after delivery: found, recorded as sent, not resent', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.addSite(2, 'B');
    seed(t, { siteCode: 'A', status: 'sending', key: '2026-02/A/crashed' });
    t.mailer.sent.push({ kind: 'site', siteCode: 'A', to: [], subject: 'Report A', html: '', attachments: [], deliveryKey: '2026-02/A/crashed' });
    const result = await runReport(t.deps);

    expect(result.sites.map((s) => [s.code, s.status, s.delivery, s.reconciliation?.lookup])).toEqual([
      ['A', 'skipped', 'already-sent', 'found'],
      ['B', 'ok', 'sent', undefined],
    ]);
    expect(result.sites[0]).toMatchObject({
      deliveredAt: '2026-02-01T06:00:07Z',
      reconciliation: { attempt: { key: '2026-02/A/crashed', runId: 'crashed-run' } },
    });
    expect(siteAttempts(t).map((m) => m.siteCode)).toEqual(['B']);
    expect(recordOf(t, 'A')).toMatchObject({ status: 'sent', confirmedBy: 'sent-items', runId: 'crashed-run', key: '2026-02/A/crashed' });
    // The crash was a minute ago: one lookup at once (and the site's own wait, none).
    expect(t.waits).toEqual([]);
  });

  it('left at "sending" by a crash before delivery: not found, sent once, the earlier key kept in the intent', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    seed(t, { siteCode: 'A', status: 'sending', key: '2026-02/A/crashed', at: '2026-02-01T06:00:00.000Z' });
    const intents: DeliveryRecord[] = [];
    const record = t.ledger.record.bind(t.ledger);
    t.ledger.record = async (period, entry) => {
      if (entry.status === 'sending') intents.push(entry);
      return record(period, entry);
    };
    const result = await runReport(t.deps);

    expect(t.waits).toEqual([5_000, 10_000, 15_000, 30_000]); // the crash was just now: the full grace
    expect(received(t, 'A')).toHaveLength(1);
    expect(result.sites[0]).toMatchObject({
      status: 'ok',
      delivery: 'sent',
      reconciliation: { lookup: 'not-found', resent: true, attempt: { key: '2026-02/A/crashed' } },
    });
    expect(intents).toEqual([expect.objectContaining({ earlierKeys: ['2026-02/A/crashed'] })]);

    const third = await runReport(t.deps);
    expect(third.sites[0]).toMatchObject({ status: 'skipped', delivery: 'already-sent' });
    expect(received(t, 'A')).toHaveLength(1);
  });

  it('written before keys (or unreadable): stays unknown, not looked up, not resent', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    seed(t, { siteCode: 'A', status: 'unknown' });
    const result = await runReport(t.deps);
    expect(result.sites[0]).toMatchObject({ status: 'skipped', delivery: 'unknown', reconciliation: { lookup: 'no-key' } });
    expect(result.sites[0]?.error).toMatch(/no key .*force/);
    expect(t.mailer.lookups).toEqual([]);
    expect(siteAttempts(t)).toEqual([]);
  });

  it('is neither looked up nor minded with --force, which sends on purpose', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    seed(t, { siteCode: 'A', status: 'sending', key: '2026-02/A/crashed' });
    t.mailer.sent.push({ kind: 'site', siteCode: 'A', to: [], subject: 'Report A', html: '', attachments: [], deliveryKey: '2026-02/A/crashed' });
    const forced = await runReport(t.deps, { force: true });
    expect(forced.sites[0]).toMatchObject({ status: 'ok', delivery: 'sent' });
    expect(forced.sites[0]?.reconciliation).toBeUndefined();
    expect(t.mailer.lookups).toEqual([]);
    expect(received(t, 'A')).toHaveLength(2);
    expect(recordOf(t, 'A')).not.toHaveProperty('earlierKeys');
  });

  it('is not read, looked up or written by a dry run', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    seed(t, { siteCode: 'A', status: 'sending', key: '2026-02/A/crashed' });
    t.mailer.result = { status: 'outbox', files: ['outbox/A.eml'] };
    const before = structuredClone(t.ledger.store);
    const dry = await runReport(t.deps, { dryRun: true });
    expect(dry.sites[0]).toMatchObject({ status: 'ok', delivery: 'outbox' });
    expect(t.mailer.lookups).toEqual([]);
    expect(t.ledger.store).toEqual(before);
    expect(siteAttempts(t)[0]?.deliveryKey).toBeUndefined();
  });
});

it('keys the summary mail too, by period and run', async () => {
  const t = createTestRun();
  t.addSite(1, 'A');
  const result = await runReport(t.deps);
  expect(t.mailer.sent.find((m) => m.kind === 'summary')?.deliveryKey).toBe(`2026-02/summary/${result.runId}`);
});
