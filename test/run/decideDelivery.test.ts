// Whether the run mails a site its report: a pure decision over what is known of this period's
// delivery (the ledger's record, settled against Sent Items when it was pending) and the report.
import { describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../src/ports.js';
import { decideDelivery, notMailed } from '../../src/run/decideDelivery.js';
import type { PriorDelivery } from '../../src/run/settlePrevious.js';
import { FEBRUARY } from '../insights/fixtures.js';

const REPORT = { ...FEBRUARY, correspondents: [{ name: 'IT', address: 'it@contoso.test' }] };

describe('decideDelivery', () => {
  const record: DeliveryRecord = { siteCode: 'SIEGE', status: 'sent', at: '2026-02-01T06:00:00.000Z', runId: 'run-1', recipients: [], key: '2026-02/SIEGE/a1' };
  const attempt = { key: '2026-02/SIEGE/a1', at: record.at, runId: 'run-1' };
  const none: PriorDelivery = { kind: 'none' };
  const sent: PriorDelivery = { kind: 'sent', record };
  const found: PriorDelivery = { kind: 'found', record, reconciliation: { lookup: 'found', attempt, sentAt: '2026-02-01T06:00:03Z' } };
  const notFound: PriorDelivery = { kind: 'not-found', record: { ...record, status: 'sending' }, reconciliation: { lookup: 'not-found', attempt } };
  const unknown: PriorDelivery = {
    kind: 'unknown',
    record: { ...record, status: 'unknown' },
    reconciliation: { lookup: 'forbidden', attempt, missingPermission: 'Application Mail.Read' },
  };
  const noCorrespondents = { ...REPORT, correspondents: [] };

  it.each([
    ['nothing sent yet', REPORT, none, false, { kind: 'to-send' }],
    ['already sent', REPORT, sent, false, { kind: 'already-sent', prior: sent }],
    ['already sent, forced', REPORT, sent, true, { kind: 'to-send' }],
    ['pending, found in Sent Items', REPORT, found, false, { kind: 'already-sent', prior: found }],
    ['pending, not in Sent Items: sent again', REPORT, notFound, false, { kind: 'to-send', resending: notFound }],
    ['pending, not in Sent Items, forced', REPORT, notFound, true, { kind: 'to-send' }],
    ['delivery unknown (lookup impossible)', REPORT, unknown, false, { kind: 'unknown', prior: unknown }],
    ['delivery unknown, forced', REPORT, unknown, true, { kind: 'to-send' }],
    ['no correspondent', noCorrespondents, none, false, { kind: 'no-correspondents' }],
    ['not in Sent Items, now without correspondent', noCorrespondents, notFound, false, { kind: 'no-correspondents' }],
    ['already sent, now without correspondent', noCorrespondents, sent, false, { kind: 'already-sent', prior: sent }],
  ] as const)('%s', (_case, report, prior, force, decision) => {
    expect(decideDelivery(report, prior, force)).toEqual(decision);
  });

  it('tells when an already sent site went out, and which key found it', () => {
    expect(notMailed({ kind: 'already-sent', prior: sent }, REPORT)).toEqual({
      status: 'skipped',
      delivery: 'already-sent',
      deliveredAt: record.at,
      deliveryKey: record.key,
    });
    expect(notMailed({ kind: 'already-sent', prior: found }, REPORT)).toMatchObject({
      delivery: 'already-sent',
      reconciliation: { lookup: 'found', sentAt: '2026-02-01T06:00:03Z' },
    });
  });

  it('names the permission to grant when the lookup was refused, and says nothing was resent', () => {
    const end = notMailed({ kind: 'unknown', prior: unknown }, REPORT);
    expect(end).toMatchObject({ status: 'skipped', delivery: 'unknown', reconciliation: { lookup: 'forbidden', missingPermission: 'Application Mail.Read' } });
    expect(end.error).toContain('"Application Mail.Read" scoped to the sender mailbox (MAIL_SENDER)');
    expect(end.error).toContain('never Graph Mail.Read in Entra ID');
    expect(end.error).toContain('nothing was resent');
  });
});
