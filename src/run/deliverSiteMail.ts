import { DeliveryUnknownError, describeError, toError } from '../errors.js';
import type { DeliveryRecord, RenderedMail, SendResult } from '../ports.js';
import type { RunWarning, Site, SiteReport } from '../types.js';
import { acceptedRecord, attemptRecord, type DeliveryAttempt } from './deliveryAttempt.js';
import type { RunDeps } from './RunDeps.js';
import type { SiteEnd } from './siteResult.js';

/** A site's rendered mail, ready to go. */
export interface SiteMail {
  site: Site;
  report: SiteReport;
  mail: RenderedMail;
  saveSnapshot(): Promise<RunWarning[]>;
}

export interface DeliveryContext {
  deps: Pick<RunDeps, 'mailer' | 'ledger' | 'clock'>;
  period: string;
  runId: string;
  /** Mails go to the outbox; the ledger is neither written nor the snapshot kept. */
  dryRun: boolean;
}

/** How one attempt ended: settled, or with an answer that does not tell whether the mail went out. */
export type AttemptResult = { kind: 'done'; end: SiteEnd; warnings: RunWarning[] } | { kind: 'uncertain'; attempt: DeliveryAttempt; answer: string };

const done = (end: SiteEnd, warnings: RunWarning[] = []): AttemptResult => ({ kind: 'done', end, warnings });

/**
 * One attempt at a site's mail. Keyed (an `attempt`): the intent is recorded ('sending') before
 * sendMail, so that a crash leaves a pending record a later run looks up in Sent Items instead of
 * resending; then 'sent', 'unknown' or 'not-sent' by the answer. Then the snapshot is kept for next
 * month. Without an attempt (outbox, dry run) it sends and records as before keys. Never throws.
 */
export async function deliverSiteMail(siteMail: SiteMail, ctx: DeliveryContext, attempt?: DeliveryAttempt): Promise<AttemptResult> {
  const who = { siteCode: siteMail.site.code, recipients: siteMail.report.correspondents.map((r) => r.address) };
  const write = (record: DeliveryRecord) => ctx.deps.ledger.record(ctx.period, record);
  if (attempt) {
    const intent = await write(attemptRecord(who, attempt, 'sending')).then(
      () => undefined,
      (error: unknown) => describeError(error),
    );
    if (intent !== undefined) {
      const error = `ledger: the delivery could not be recorded before sending, so nothing was sent: ${intent}`;
      return done({ status: 'failed', step: 'ledger', delivery: 'not-sent', error });
    }
  }
  const sent = await send(siteMail, ctx, attempt?.key);
  if (sent instanceof Error) {
    const answer = describeError(sent);
    const uncertain = sent instanceof DeliveryUnknownError;
    // A failed write leaves 'sending', just as pending: ignored.
    if (attempt) await write(attemptRecord(who, attempt, uncertain ? 'unknown' : 'not-sent', answer)).catch(() => undefined);
    if (uncertain && attempt) return { kind: 'uncertain', attempt, answer };
    if (!uncertain) return done({ status: 'failed', step: 'send', delivery: 'not-sent', error: `send: ${answer}` });
    return done(await unkeyedUnknown(ctx, write, who, answer));
  }
  const at = ctx.deps.clock.now();
  const unrecorded = sent.status === 'sent' && !ctx.dryRun ? await recordSent(write, who, at, ctx.runId, attempt) : undefined;
  // Delivered (sent, or written to the outbox outside a dry run): next month compares with this
  // report. See docs/decisions/snapshots-after-delivery.md.
  const warnings = ctx.dryRun ? [] : await siteMail.saveSnapshot();
  const delivered = sent.status === 'sent' ? { deliveredAt: at.toISOString(), ...(attempt ? { deliveryKey: attempt.key } : {}) } : {};
  return done(unrecorded ?? { status: 'ok', delivery: sent.status, ...delivered }, warnings);
}

async function send({ site, report, mail }: SiteMail, ctx: DeliveryContext, deliveryKey: string | undefined): Promise<SendResult | Error> {
  try {
    return await ctx.deps.mailer.send({ kind: 'site', siteCode: site.code, to: report.correspondents, ...mail, ...(deliveryKey ? { deliveryKey } : {}) });
  } catch (error) {
    return toError(error);
  }
}

type Who = { siteCode: string; recipients: string[] };

/** The ledger failed after the mail went out: the site fails at step ledger, and says what the next run does. */
async function recordSent(
  write: (r: DeliveryRecord) => Promise<void>,
  who: Who,
  at: Date,
  runId: string,
  attempt?: DeliveryAttempt,
): Promise<SiteEnd | undefined> {
  const record: DeliveryRecord = attempt ? acceptedRecord(who, attempt, at) : { ...who, status: 'sent', at: at.toISOString(), runId };
  try {
    await write(record);
    return undefined;
  } catch (error) {
    const next = attempt ? 'the next run finds its key in Sent Items and does not send it again' : 'a rerun would send it again';
    const why = `ledger: the mail went out but could not be recorded, ${next}: ${describeError(error)}`;
    return { status: 'failed', step: 'ledger', delivery: 'sent', error: why };
  }
}

/** An uncertain answer with no key to look up (a mailer without Sent Items): unknown, never retried. */
async function unkeyedUnknown(ctx: DeliveryContext, write: (r: DeliveryRecord) => Promise<void>, who: Who, answer: string): Promise<SiteEnd> {
  const at = ctx.deps.clock.now().toISOString();
  const ledgerNote = ctx.dryRun
    ? ''
    : await write({ ...who, status: 'unknown', at, runId: ctx.runId }).then(
        () => '',
        (ledgerError: unknown) => `; recording it in the ledger failed too: ${describeError(ledgerError)}`,
      );
  return {
    status: 'failed',
    step: 'send',
    delivery: 'unknown',
    error: `send: the mail may or may not have gone out (${answer})${ledgerNote}; check the recipients' mailbox before rerunning with force`,
  };
}
