import { describeError } from '../errors.js';
import type { DeliveryReconciliation, RunWarning } from '../types.js';
import { foundRecord, newAttempt } from './deliveryAttempt.js';
import { deliverSiteMail, type AttemptResult, type DeliveryContext, type SiteMail } from './deliverSiteMail.js';
import { uncertainThisRun } from './describeUnknownDelivery.js';
import { lookUpAfterGrace, reconciliationOf } from './lookUpSentItems.js';
import type { RunDeps } from './RunDeps.js';
import type { SiteEnd } from './siteResult.js';

interface SettleContext extends DeliveryContext {
  deps: Pick<RunDeps, 'mailer' | 'ledger' | 'clock' | 'sleep'>;
  /** One of the run's site slots, taken again for a resend (not while waiting). */
  slot: <T>(task: () => Promise<T>) => Promise<T>;
}

type Uncertain = Extract<AttemptResult, { kind: 'uncertain' }>;

/**
 * Settles this run's attempt whose answer did not tell (5xx, timeout, reset): its keys are looked
 * up in Sent Items after the grace, outside any slot. Found: recorded as sent, its snapshot kept,
 * not resent. Not found: sent again with a new key, at most `resendsLeft` (0 or 1) times, and
 * that attempt settled the same way. A lookup that cannot tell leaves the delivery unknown,
 * pending for the next run. Never throws.
 */
export async function settleUncertain(
  uncertain: Uncertain,
  siteMail: SiteMail,
  ctx: SettleContext,
  resendsLeft: number,
): Promise<{ end: SiteEnd; warnings: RunWarning[] }> {
  const { attempt, answer } = uncertain;
  const keys = [attempt.key, ...attempt.earlierKeys];
  const outcome = await lookUpAfterGrace(ctx.deps, keys, attempt.at);
  const reconciliation = reconciliationOf({ key: attempt.key, at: attempt.at, runId: attempt.runId }, outcome);
  const pending = { status: 'failed', step: 'send', delivery: 'unknown', deliveryKey: attempt.key, reconciliation } as const;

  if (outcome.kind === 'found') {
    const who = { siteCode: siteMail.site.code, recipients: siteMail.report.correspondents.map((r) => r.address) };
    const record = foundRecord(who, attempt.runId, outcome.item, ctx.deps.clock.now());
    const found = { deliveredAt: record.at, deliveryKey: outcome.item.key, reconciliation };
    try {
      await ctx.deps.ledger.record(ctx.period, record);
    } catch (error) {
      const why = `ledger: the mail went out (found in Sent Items) but could not be recorded, the next run finds it again: ${describeError(error)}`;
      return { end: { status: 'failed', step: 'ledger', delivery: 'sent', ...found, error: why }, warnings: await siteMail.saveSnapshot() };
    }
    return { end: { status: 'ok', delivery: 'sent', ...found }, warnings: await siteMail.saveSnapshot() };
  }
  if (outcome.kind !== 'not-found' || resendsLeft <= 0) return { end: { ...pending, error: uncertainThisRun(answer, reconciliation) }, warnings: [] };

  const again = newAttempt(ctx, siteMail.site.code, keys);
  const result = await ctx.slot(() => deliverSiteMail(siteMail, ctx, again));
  if (result.kind === 'uncertain') return settleUncertain(result, siteMail, ctx, resendsLeft - 1);
  return { end: resent(result.end, reconciliation), warnings: result.warnings };
}

/** This attempt replaced one that Sent Items did not show. */
export function resent(end: SiteEnd, reconciliation: DeliveryReconciliation): SiteEnd {
  return { ...end, reconciliation: { ...reconciliation, resent: end.delivery === 'sent' } };
}
