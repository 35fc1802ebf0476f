// The deliver step on its own: send, then the ledger, then the snapshot, each failure named.
import { describe, expect, it } from 'vitest';
import { DeliveryUnknownError } from '../../src/errors.js';
import { deliverSiteMail } from '../../src/run/deliverSiteMail.js';
import type { RunWarning } from '../../src/types.js';
import { FEBRUARY } from '../insights/fixtures.js';
import { createFakeClock } from '../support/fakeClock.js';
import { createFakeLedger } from '../support/fakeLedger.js';
import { createFakeMailer } from '../support/fakeMailer.js';

const REPORT = { ...FEBRUARY, correspondents: [{ name: 'IT', address: 'it@contoso.test' }] };

/** A site's mail whose snapshot save is recorded in `steps`, with the ledger and mailer doing the same. */
function delivery(options: { dryRun?: boolean; snapshotWarnings?: RunWarning[] } = {}) {
  const steps: string[] = [];
  const mailer = createFakeMailer();
  const ledger = createFakeLedger();
  const send = mailer.send.bind(mailer);
  mailer.send = async (mail) => {
    steps.push('send');
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
  return { steps, mailer, ledger, deliver: () => deliverSiteMail(siteMail, ctx) };
}

describe('deliverSiteMail', () => {
  it('sends, then records the delivery, then keeps the snapshot', async () => {
    const d = delivery();
    expect(await d.deliver()).toEqual({ end: { status: 'ok', delivery: 'sent' }, warnings: [] });
    expect(d.steps).toEqual(['send', 'ledger sent', 'snapshot']);
    expect(d.ledger.store.get('2026-02')?.get('SIEGE')).toEqual({ siteCode: 'SIEGE', status: 'sent', at: '2026-02-01T06:00:00.000Z', runId: 'run-1', recipients: ['it@contoso.test'] });
  });

  it('still keeps the snapshot when the ledger fails: the mail did go out', async () => {
    const d = delivery();
    d.ledger.failRecord = new Error('blob storage unavailable');
    const { end } = await d.deliver();
    expect(end).toMatchObject({ status: 'failed', step: 'ledger', delivery: 'sent' });
    expect(end.error).toContain('a rerun would send it again: blob storage unavailable');
    expect(d.steps).toEqual(['send', 'ledger sent', 'snapshot']);
  });

  it('passes on the snapshot’s warnings', async () => {
    const warning: RunWarning = { code: 'insights-unavailable', message: 'snapshot not kept' };
    expect((await delivery({ snapshotWarnings: [warning] }).deliver()).warnings).toEqual([warning]);
  });

  it('records an outbox delivery outside a dry run as delivered, not as sent', async () => {
    const d = delivery();
    d.mailer.result = { status: 'outbox', files: ['outbox/SIEGE.eml'] };
    expect((await d.deliver()).end).toEqual({ status: 'ok', delivery: 'outbox' });
    expect(d.steps).toEqual(['send', 'snapshot']);
  });

  it('writes neither the ledger nor the snapshot in a dry run', async () => {
    const d = delivery({ dryRun: true });
    d.mailer.result = { status: 'outbox', files: ['outbox/SIEGE.eml'] };
    expect((await d.deliver()).end).toEqual({ status: 'ok', delivery: 'outbox' });
    expect(d.steps).toEqual(['send']);
  });

  it('keeps nothing after a refused send', async () => {
    const d = delivery();
    d.mailer.failures.push({ when: () => true, error: new Error('POST /users/x/sendMail answered 400') });
    expect((await d.deliver()).end).toEqual({ status: 'failed', step: 'send', delivery: 'not-sent', error: 'send: POST /users/x/sendMail answered 400' });
    expect(d.steps).toEqual(['send']);
  });

  it('records a send that may or may not have gone out as unknown, keeps no snapshot, and says so when the ledger fails too', async () => {
    const d = delivery();
    d.mailer.failures.push({ when: () => true, error: new DeliveryUnknownError('sendMail answered 503') });
    expect((await d.deliver()).end).toMatchObject({ status: 'failed', step: 'send', delivery: 'unknown' });
    expect(d.steps).toEqual(['send', 'ledger unknown']);

    d.ledger.failRecord = new Error('storage timeout');
    const { end } = await d.deliver();
    expect(end.error).toContain('recording it in the ledger failed too: storage timeout');
    expect(end.error).toContain("check the recipients' mailbox before rerunning with force");
  });
});
