import { describeError } from '../errors.js';
import type { DeliveryRecord } from '../ports.js';
import type { DeliveryReconciliation } from '../types.js';
import { foundRecord, keysOf } from './deliveryAttempt.js';
import { lookUpAfterGrace, reconciliationOf } from './lookUpSentItems.js';
import type { RunDeps } from './RunDeps.js';

/** What the run knows of a site's delivery this period, once any pending attempt was looked up. */
export type PriorDelivery =
  | { kind: 'none' }
  | { kind: 'sent'; record: DeliveryRecord }
  /** Pending, and found in Sent Items: now recorded as sent. */
  | { kind: 'found'; record: DeliveryRecord; reconciliation: DeliveryReconciliation }
  /** Pending, and not in Sent Items after the grace: it had not gone out. */
  | { kind: 'not-found'; record: DeliveryRecord; reconciliation: DeliveryReconciliation }
  /** Pending, and the lookup could not tell (403, Sent Items unreadable, no key). */
  | { kind: 'unknown'; record: DeliveryRecord; reconciliation: DeliveryReconciliation };

interface SettleContext {
  deps: Pick<RunDeps, 'mailer' | 'ledger' | 'clock' | 'sleep' | 'logger'>;
  period: string;
  /** Forced: what was recorded does not matter, nothing is looked up. */
  force: boolean;
}

const NONE: PriorDelivery = { kind: 'none' };

/**
 * The ledger's record of a site, settled: an attempt left at 'sending' (a crash) or 'unknown' (an
 * uncertain answer) is looked up by its keys in Sent Items, on the grace schedule of its time,
 * before the run decides whether to mail the site. Found: recorded as sent. Never throws.
 */
export async function settlePrevious(record: DeliveryRecord | undefined, ctx: SettleContext): Promise<PriorDelivery> {
  if (!record || record.status === 'not-sent' || ctx.force) return NONE;
  if (record.status === 'sent') return { kind: 'sent', record };
  const attempt = { ...(record.key ? { key: record.key } : {}), at: record.at, runId: record.runId };
  const keys = keysOf(record);
  if (keys.length === 0) return { kind: 'unknown', record, reconciliation: { lookup: 'no-key', attempt } };

  const outcome = await lookUpAfterGrace(ctx.deps, keys, record.at);
  const reconciliation = reconciliationOf(attempt, outcome);
  if (outcome.kind === 'not-found') return { kind: 'not-found', record, reconciliation };
  if (outcome.kind !== 'found') return { kind: 'unknown', record, reconciliation };
  const sent = foundRecord(record, record.runId, outcome.item, ctx.deps.clock.now());
  // Unrecorded, the next run finds it again: nothing is sent twice either way.
  await ctx.deps.ledger.record(ctx.period, sent).catch((error: unknown) => {
    ctx.deps.logger.warn(`Site ${record.siteCode}: found in Sent Items, but recording it as sent failed: ${describeError(error)}`);
  });
  return { kind: 'found', record: sent, reconciliation };
}
