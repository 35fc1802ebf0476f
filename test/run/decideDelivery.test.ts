// Whether the run mails a site its report: a pure decision over the ledger's record and the report.
import { describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../src/ports.js';
import { decideDelivery } from '../../src/run/decideDelivery.js';
import { FEBRUARY } from '../insights/fixtures.js';

const REPORT = { ...FEBRUARY, correspondents: [{ name: 'IT', address: 'it@contoso.test' }] };

describe('decideDelivery', () => {
  const sent: DeliveryRecord = { siteCode: 'SIEGE', status: 'sent', at: '2026-02-01T06:00:00.000Z', runId: 'run-1', recipients: [] };
  const unknown: DeliveryRecord = { ...sent, status: 'unknown' };
  const noCorrespondents = { ...REPORT, correspondents: [] };

  it.each([
    ['nothing sent yet', REPORT, undefined, false, { kind: 'to-send' }],
    ['already sent', REPORT, sent, false, { kind: 'already-sent' }],
    ['already sent, forced', REPORT, sent, true, { kind: 'to-send' }],
    ['delivery unknown', REPORT, unknown, false, { kind: 'unknown', previous: unknown }],
    ['delivery unknown, forced', REPORT, unknown, true, { kind: 'to-send' }],
    ['no correspondent', noCorrespondents, undefined, false, { kind: 'no-correspondents' }],
    ['already sent, now without correspondent', noCorrespondents, sent, false, { kind: 'already-sent' }],
  ] as const)('%s', (_case, report, previous, force, decision) => {
    expect(decideDelivery(report, previous, force)).toEqual(decision);
  });
});
