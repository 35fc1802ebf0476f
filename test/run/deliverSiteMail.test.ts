// The deliver step on its own: the intent ('sending'), the send, then the ledger, then the
// snapshot, each failure named. Keyed attempts are recorded before they are sent (issue 11).
import { describe, expect, it } from 'vitest';
import { DeliveryUnknownError } from '../../src/errors.js';
import type { DeliveryAttempt } from '../../src/run/deliveryAttempt.js';
import { deliverSiteMail } from '../../src/run/deliverSiteMail.js';
import type { RunWarning } from '../../src/types.js';
import { FEBRUARY } from '../insights/fixtures.js';
import { createFakeClock } from '../support/fakeClock.js';
import { createFakeLedger } from '../support/fakeLedger.js';
import { createFakeMailer } from '../support/fakeMailer.js';

const REPORT = { ...FEBRUARY, correspondents: [{ name: 'IT', address: 'it@contoso.test' }] };
const ATTEMPT: DeliveryAttempt = { key: '2026-02/SIEGE/a1', at: '2026-02-01T06:00:00.000Z', runId: 'run-1', earlierKeys: [] };

/** A site's mail whose snapshot save is recorded in `steps`, with the ledger and mailer doing the same. */
function delivery(options: { dryRun?: boolean; snapshotWarnings?: RunWarning[] } = {}) {
  const steps: string[] = [];
  const mailer = createFakeMailer();
  const ledger = createFakeLedger();
  const send = mailer.send.bind(mailer);
  mailer.send = async (mail) => {
    steps.push(mail.deliveryKey ? `send ${mail.deliveryKey}` : 'send');
    return send(mail);
  };
  const record = ledger.record.bind(ledger);
  ledger.record = async (period, entry) => {
    steps.push(`ledger ${entry.status}`);
    return record(period, entry);
  };
  const siteMail = {
    site: REPORT.site,
    report: REPORT,
    mail: { subject: 'Report SIEGE', html: '<p>SIEGE</p>', attachments: [] },
    saveSnapshot: async () => {
      steps.push('snapshot');
      return options.snapshotWarnings ?? [];
    },
  };
  const ctx = { deps: { mailer, ledger, clock: createFakeClock() }, period: '2026-02', runId: 'run-1', dryRun: options.dryRun ?? false };
  const recorded = () => ledger.store.get('2026-02')?.get('SIEGE');
  return { steps, mailer, ledger, recorded, deliver: (attempt?: DeliveryAttempt) => deliverSiteMail(siteMail, ctx, attempt) };
}

describe('deliverSiteMail', () => {
  it('records the intent with the key, sends the keyed mail, records it as sent, then keeps the snapshot', async () => {
    const d = delivery();
    expect(await d.deliver(ATTEMPT)).toEqual({
      kind: 'done',
      end: { status: 'ok', delivery: 'sent', deliveredAt: '2026-02-01T06:00:00.000Z', deliveryKey: ATTEMPT.key },
      warnings: [],
    });
    expect(d.steps).toEqual(['ledger sending', `send ${ATTEMPT.key}`, 'ledger sent', 'snapshot']);
    expect(d.recorded()).toEqual({
      siteCode: 'SIEGE',
      status: 'sent',
      at: '2026-02-01T06:00:00.000Z',
      runId: 'run-1',
      recipients: ['it@contoso.test'],
      key: ATTEMPT.key,
      confirmedBy: 'accepted',
    });
  });

  it('without a key (a mailer with no Sent Items) sends, then records, then keeps the snapshot', async () => {
    const d = delivery();
    expect((await d.deliver()).kind).toBe('done');
    expect(d.steps).toEqual(['send', 'ledger sent', 'snapshot']);
    expect(d.recorded()).toEqual({ siteCode: 'SIEGE', status: 'sent', at: '2026-02-01T06:00:00.000Z', runId: 'run-1', recipients: ['it@contoso.test'] });
  });

  it('sends nothing when the intent cannot be recorded: a crash would then hide the mail', async () => {
    const d = delivery();
    d.ledger.failRecord = new Error('blob storage unavailable');
    expect(await d.deliver(ATTEMPT)).toMatchObject({ kind: 'done', end: { status: 'failed', step: 'ledger', delivery: 'not-sent' } });
    expect(d.steps).toEqual(['ledger sending']);
    expect(d.mailer.attempts).toEqual([]);
  });

  it('still keeps the snapshot when the "sent" record fails: the mail did go out, and its key will be found', async () => {
    const d = delivery();
    d.ledger.failRecord = new Error('blob storage unavailable');
    d.ledger.failRecordIf = (record) => record.status === 'sent';
    const result = await d.deliver(ATTEMPT);
    expect(result).toMatchObject({ kind: 'done', end: { status: 'failed', step: 'ledger', delivery: 'sent' } });
    expect(result.kind === 'done' && result.end.error).toContain(
      'the next run finds its key in Sent Items and does not send it again: blob storage unavailable',
    );
    expect(d.steps).toEqual(['ledger sending', `send ${ATTEMPT.key}`, 'ledger sent', 'snapshot']);
    expect(d.recorded()?.status).toBe('sending');
  });

  it('passes on the snapshot’s warnings', async () => {
    const warning: RunWarning = { code: 'insights-unavailable', message: 'snapshot not kept' };
    expect(await delivery({ snapshotWarnings: [warning] }).deliver(ATTEMPT)).toMatchObject({ warnings: [warning] });
  });

  it('records an outbox delivery outside a dry run as delivered, not as sent', async () => {
    const d = delivery();
    d.mailer.result = { status: 'outbox', files: ['outbox/SIEGE.eml'] };
    expect(await d.deliver()).toEqual({ kind: 'done', end: { status: 'ok', delivery: 'outbox' }, warnings: [] });
    expect(d.steps).toEqual(['send', 'snapshot']);
  });

  it('writes neither the ledger nor the snapshot in a dry run', async () => {
    const d = delivery({ dryRun: true });
    d.mailer.result = { status: 'outbox', files: ['outbox/SIEGE.eml'] };
    expect(await d.deliver()).toEqual({ kind: 'done', end: { status: 'ok', delivery: 'outbox' }, warnings: [] });
    expect(d.steps).toEqual(['send']);
  });

  it('after a refused send records that nothing went out, and keeps no snapshot', async () => {
    const d = delivery();
    d.mailer.failures.push({ when: () => true, error: new Error('POST /users/x/sendMail answered 400') });
    expect(await d.deliver(ATTEMPT)).toEqual({
      kind: 'done',
      end: { status: 'failed', step: 'send', delivery: 'not-sent', error: 'send: POST /users/x/sendMail answered 400' },
      warnings: [],
    });
    expect(d.steps).toEqual(['ledger sending', `send ${ATTEMPT.key}`, 'ledger not-sent']);
    expect(d.recorded()).toMatchObject({ status: 'not-sent', key: ATTEMPT.key, reason: 'POST /users/x/sendMail answered 400' });
  });

  it('hands back an uncertain answer as pending: recorded "unknown" with its key, no snapshot', async () => {
    const d = delivery();
    d.mailer.failures.push({ when: () => true, error: new DeliveryUnknownError('sendMail answered 503') });
    expect(await d.deliver({ ...ATTEMPT, earlierKeys: ['2026-02/SIEGE/a0'] })).toEqual({
      kind: 'uncertain',
      attempt: { ...ATTEMPT, earlierKeys: ['2026-02/SIEGE/a0'] },
      answer: 'sendMail answered 503',
    });
    expect(d.steps).toEqual(['ledger sending', `send ${ATTEMPT.key}`, 'ledger unknown']);
    expect(d.recorded()).toMatchObject({ status: 'unknown', key: ATTEMPT.key, earlierKeys: ['2026-02/SIEGE/a0'], reason: 'sendMail answered 503' });
  });

  it('without a key records an uncertain send as unknown, and says so when the ledger fails too', async () => {
    const d = delivery();
    d.mailer.failures.push({ when: () => true, error: new DeliveryUnknownError('sendMail answered 503') });
    expect(await d.deliver()).toMatchObject({ kind: 'done', end: { status: 'failed', step: 'send', delivery: 'unknown' } });
    expect(d.steps).toEqual(['send', 'ledger unknown']);

    d.ledger.failRecord = new Error('storage timeout');
    const result = await d.deliver();
    const error = result.kind === 'done' ? result.end.error : '';
    expect(error).toContain('recording it in the ledger failed too: storage timeout');
    expect(error).toContain("check the recipients' mailbox before rerunning with force");
  });
});
