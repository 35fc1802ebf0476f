import { describeError, SentItemsForbiddenError } from '../errors.js';
import type { SentItem } from '../ports.js';
import type { DeliveryReconciliation } from '../types.js';
import type { RunDeps } from './RunDeps.js';

/**
 * When an attempt's key is looked up in Sent Items, counted from the attempt: 5, 15, 30 and 60 s.
 * Sent Items can lag the 202 by seconds; a message still absent after a minute is taken as not
 * sent (docs/decisions/delivery-reconciliation.md).
 */
export const GRACE_LOOKUPS_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000];

/**
 * The waits before each lookup, `elapsedMs` after the attempt: the lookups already due collapse
 * into one made at once, the others keep their time. Pure.
 */
export function graceWaits(elapsedMs: number): number[] {
  const elapsed = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : Number.POSITIVE_INFINITY;
  const ahead = GRACE_LOOKUPS_MS.filter((at) => at > elapsed);
  const waits = ahead.length < GRACE_LOOKUPS_MS.length ? [0] : [];
  let now = Math.min(elapsed, GRACE_LOOKUPS_MS[GRACE_LOOKUPS_MS.length - 1] ?? 0);
  for (const at of ahead) {
    waits.push(at - now);
    now = at;
  }
  return waits;
}

export type LookupOutcome =
  { kind: 'found'; item: SentItem } | { kind: 'not-found' } | { kind: 'forbidden'; detail: string } | { kind: 'failed'; detail: string };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Looks for any of `keys` in the sender's Sent Items on the grace schedule of an attempt made at
 * `attemptAt`: found as soon as one lookup shows it; not found when the last one does not; a 403
 * ends it at once (forbidden); a lookup that failed is tried again at the next time, and only the
 * last one's failure counts.
 */
export async function lookUpAfterGrace(deps: Pick<RunDeps, 'mailer' | 'clock' | 'sleep'>, keys: readonly string[], attemptAt: string): Promise<LookupOutcome> {
  const sentItems = deps.mailer.sentItems;
  if (!sentItems) return { kind: 'failed', detail: 'this mail transport has no Sent Items to look in' };
  const sleep = deps.sleep ?? realSleep;
  let outcome: LookupOutcome = { kind: 'not-found' };
  for (const wait of graceWaits(deps.clock.now().getTime() - Date.parse(attemptAt))) {
    if (wait > 0) await sleep(wait);
    try {
      const item = await sentItems.find(keys);
      if (item) return { kind: 'found', item };
      outcome = { kind: 'not-found' };
    } catch (error) {
      if (error instanceof SentItemsForbiddenError) return { kind: 'forbidden', detail: describeError(error) };
      outcome = { kind: 'failed', detail: describeError(error) };
    }
  }
  return outcome;
}

/** The lookup of `attempt` as the run result tells it. */
export function reconciliationOf(attempt: DeliveryReconciliation['attempt'], outcome: LookupOutcome): DeliveryReconciliation {
  switch (outcome.kind) {
    case 'found':
      return { lookup: 'found', attempt, ...(outcome.item.sentAt ? { sentAt: outcome.item.sentAt } : {}) };
    case 'not-found':
      return { lookup: 'not-found', attempt };
    case 'forbidden':
      return { lookup: 'forbidden', attempt, missingPermission: 'Application Mail.Read', detail: outcome.detail };
    case 'failed':
      return { lookup: 'failed', attempt, detail: outcome.detail };
  }
}
