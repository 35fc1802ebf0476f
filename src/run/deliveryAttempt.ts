import { randomUUID } from 'node:crypto';
import type { DeliveryRecord, SentItem } from '../ports.js';
import type { RunDeps } from './RunDeps.js';

/** One try at mailing a site: the key its message carries, when and in which run it started. */
export interface DeliveryAttempt {
  key: string;
  at: string;
  runId: string;
  /** Keys of this period's earlier tries, not found in Sent Items: looked up along with this one. */
  earlierKeys: string[];
}

interface AttemptContext {
  deps: Pick<RunDeps, 'mailer' | 'clock'>;
  period: string;
  runId: string;
  dryRun: boolean;
}

/**
 * A new attempt, keyed "2026-11/SIEGE/<random id>" (the period and site say what it is, the id
 * which try); undefined when the mail cannot be looked up later (outbox, dry run): such a send is
 * neither keyed nor recorded before it goes.
 */
export function newAttempt(ctx: AttemptContext, siteCode: string, earlierKeys: readonly string[] = []): DeliveryAttempt | undefined {
  if (ctx.dryRun || !ctx.deps.mailer.sentItems) return undefined;
  return { key: `${ctx.period}/${siteCode}/${randomUUID()}`, at: ctx.deps.clock.now().toISOString(), runId: ctx.runId, earlierKeys: [...earlierKeys] };
}

/** The summary mail's key: never looked up, it lets IT find the message in Sent Items. */
export const summaryKey = (period: string, runId: string): string => `${period}/summary/${runId}`;

/** Every key a pending record stands for: its attempt's, then the earlier ones'. */
export function keysOf(record: Pick<DeliveryRecord, 'key' | 'earlierKeys'>): string[] {
  return [record.key, ...(record.earlierKeys ?? [])].filter((key): key is string => typeof key === 'string' && key !== '');
}

type Recipients = { siteCode: string; recipients: string[] };

/** What the ledger holds for an attempt in each of its states. */
export const attemptRecord = (
  { siteCode, recipients }: Recipients,
  attempt: DeliveryAttempt,
  status: 'sending' | 'unknown' | 'not-sent',
  reason?: string,
): DeliveryRecord => ({
  siteCode,
  status,
  at: attempt.at,
  runId: attempt.runId,
  recipients,
  key: attempt.key,
  ...(attempt.earlierKeys.length > 0 ? { earlierKeys: attempt.earlierKeys } : {}),
  ...(reason ? { reason } : {}),
});

/** Accepted by Graph (2xx) now. */
export const acceptedRecord = ({ siteCode, recipients }: Recipients, attempt: DeliveryAttempt, at: Date): DeliveryRecord => ({
  siteCode,
  status: 'sent',
  at: at.toISOString(),
  runId: attempt.runId,
  recipients,
  key: attempt.key,
  confirmedBy: 'accepted',
});

/** Found in Sent Items by its key: sent when the message says, by the run that tried. */
export const foundRecord = ({ siteCode, recipients }: Recipients, runId: string, item: SentItem, now: Date): DeliveryRecord => ({
  siteCode,
  status: 'sent',
  at: item.sentAt ?? now.toISOString(),
  runId,
  recipients,
  key: item.key,
  confirmedBy: 'sent-items',
});
