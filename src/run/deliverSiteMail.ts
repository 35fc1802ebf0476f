import { DeliveryUnknownError, describeError, toError } from '../errors.js';
import type { DeliveryRecord, RenderedMail, SendResult } from '../ports.js';
import type { RunWarning, Site, SiteReport } from '../types.js';
import type { RunDeps } from './RunDeps.js';
import type { SiteEnd } from './siteResult.js';

/** A site's rendered mail, ready to go. */
interface SiteMail {
  site: Site;
  report: SiteReport;
  mail: RenderedMail;
  saveSnapshot(): Promise<RunWarning[]>;
}

interface DeliveryContext {
  deps: Pick<RunDeps, 'mailer' | 'ledger' | 'clock'>;
  period: string;
  runId: string;
  /** Mails go to the outbox; the ledger is neither written nor the snapshot kept. */
  dryRun: boolean;
}

/**
 * Delivers a site's mail: send, then record it in the ledger (so that no rerun sends it twice),
 * then keep its snapshot for next month. Never throws: returns how the site ends, and the
 * snapshot's warnings.
 */
export async function deliverSiteMail(siteMail: SiteMail, ctx: DeliveryContext): Promise<{ end: SiteEnd; warnings: RunWarning[] }> {
  const sent = await send(siteMail, ctx);
  if (sent instanceof Error) return { end: await notDelivered(siteMail, ctx, sent), warnings: [] };
  const unrecorded = sent.status === 'sent' && !ctx.dryRun ? await recordSent(siteMail, ctx) : undefined;
  // Delivered (sent, or written to the outbox outside a dry run): next month compares with this
  // report. See docs/decisions/snapshots-after-delivery.md.
  const warnings = ctx.dryRun ? [] : await siteMail.saveSnapshot();
  return { end: unrecorded ?? { status: 'ok', delivery: sent.status }, warnings };
}

async function send({ site, report, mail }: SiteMail, ctx: DeliveryContext): Promise<SendResult | Error> {
  try {
    return await ctx.deps.mailer.send({ kind: 'site', siteCode: site.code, to: report.correspondents, ...mail });
  } catch (error) {
    return toError(error);
  }
}

const record = ({ site, report }: SiteMail, ctx: DeliveryContext, status: DeliveryRecord['status']): Promise<void> =>
  ctx.deps.ledger.record(ctx.period, {
    siteCode: site.code,
    status,
    at: ctx.deps.clock.now().toISOString(),
    runId: ctx.runId,
    recipients: report.correspondents.map((r) => r.address),
  });

/** The ledger failed after the mail went out: the site fails at step ledger, and says why it matters. */
async function recordSent(siteMail: SiteMail, ctx: DeliveryContext): Promise<SiteEnd | undefined> {
  try {
    await record(siteMail, ctx, 'sent');
    return undefined;
  } catch (error) {
    return {
      status: 'failed',
      step: 'ledger',
      delivery: 'sent',
      error: `ledger: the mail went out but could not be recorded, a rerun would send it again: ${describeError(error)}`,
    };
  }
}

/** A refused send is not sent; one that may or may not have gone out is recorded as unknown, never retried. */
async function notDelivered(siteMail: SiteMail, ctx: DeliveryContext, error: Error): Promise<SiteEnd> {
  if (!(error instanceof DeliveryUnknownError)) return { status: 'failed', step: 'send', delivery: 'not-sent', error: `send: ${describeError(error)}` };
  const ledgerNote = ctx.dryRun
    ? ''
    : await record(siteMail, ctx, 'unknown').then(
        () => '',
        (ledgerError: unknown) => `; recording it in the ledger failed too: ${describeError(ledgerError)}`,
      );
  return {
    status: 'failed',
    step: 'send',
    delivery: 'unknown',
    error: `send: the mail may or may not have gone out (${describeError(error)})${ledgerNote}; check the recipients' mailbox before rerunning with force`,
  };
}
