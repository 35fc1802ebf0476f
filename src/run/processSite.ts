import type { PriceIndex } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { InsightsOfRun } from '../insights/createInsights.js';
import type { DeliveryRecord, Renderer } from '../ports.js';
import type { RunWarning, Site } from '../types.js';
import { decideDelivery, notMailed } from './decideDelivery.js';
import { keysOf, newAttempt } from './deliveryAttempt.js';
import { deliverSiteMail, type AttemptResult, type SiteMail } from './deliverSiteMail.js';
import { prepareSiteMail } from './prepareSiteMail.js';
import { readSiteReport, type SiteRead } from './readSiteReport.js';
import { settlePrevious, type PriorDelivery } from './settlePrevious.js';
import { resent, settleUncertain } from './settleUncertain.js';
import type { RunDeps } from './RunDeps.js';
import { failedAt, siteResult, type SiteEnd, type SiteProgress, type SiteResult } from './siteResult.js';
import { SiteStepError } from './SiteStepError.js';

interface SiteRunContext {
  deps: RunDeps;
  runId: string;
  period: string;
  priceIndex: PriceIndex;
  /** Created once per run; a rejected promise fails every site at the render step. */
  renderer: Promise<Renderer>;
  /** This period's deliveries by lower-case site code (empty in a dry run). */
  deliveries: ReadonlyMap<string, DeliveryRecord>;
  dryRun: boolean;
  force: boolean;
  /** Being read while the sites start (each site's sign-ins come with readyFor); never rejects. */
  insights: Promise<InsightsOfRun>;
  /**
   * One of the run's SITE_CONCURRENCY slots (p-limit), taken to read the groups and again to
   * enrich, render and send, but not while waiting for the insights or a Sent Items grace.
   */
  slot: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * One site from its groups to the correspondents' mailbox: read, settle an earlier pending attempt
 * (Sent Items), decide delivery, enrich, render, deliver, and settle an uncertain answer. Never
 * throws: whatever happens is an outcome (ok, skipped, or failed with the step and the reason), so
 * one site never stops the others.
 */
export async function processSite(site: Site, ctx: SiteRunContext): Promise<SiteResult> {
  const { clock } = ctx.deps;
  // Timed from the moment the site gets a slot, not while it is queued behind others.
  const { startedAt, read } = await ctx.slot(async () => ({ startedAt: clock.now(), read: await readSiteReport(ctx.deps, site, ctx.priceIndex) }));
  const end = (progress: SiteProgress, how: SiteEnd): SiteResult => siteResult(site, progress, how, clock.now().getTime() - startedAt.getTime());
  if (read instanceof SiteStepError) return end({ warnings: [] }, failedAt(read));

  try {
    // Outside any slot: the other sites read their groups while the sign-ins are still loading,
    // and while a pending attempt waits out its grace before its Sent Items lookup.
    const insights = await ctx.insights;
    await insights.readyFor(read.report);
    const prior = await settlePrevious(ctx.deliveries.get(site.code.toLowerCase()), ctx);
    const first = await ctx.slot(() => mailOnce(site, read, insights, prior, ctx));
    if (first.kind === 'ended') return end(first.progress, first.how);
    // The grace waits outside the slot too; a resend takes one again.
    const settled = await settleUncertain(first.uncertain, first.siteMail, ctx, first.resendsLeft);
    return end({ report: first.siteMail.report, warnings: [...first.warnings, ...settled.warnings] }, settled.end);
  } catch (error) {
    // Not expected: every step names its own failure. Still an outcome, never a crash of the run.
    return end(read, { status: 'failed', delivery: 'not-sent', error: describeError(error) });
  }
}

type FirstAttempt =
  | { kind: 'ended'; progress: SiteProgress; how: SiteEnd }
  | { kind: 'uncertain'; uncertain: Extract<AttemptResult, { kind: 'uncertain' }>; siteMail: SiteMail; warnings: RunWarning[]; resendsLeft: number };

/** Decide, prepare and make the first attempt, in one slot (a prepared mail never waits for one). */
async function mailOnce(site: Site, read: SiteRead, insights: InsightsOfRun, prior: PriorDelivery, ctx: SiteRunContext): Promise<FirstAttempt> {
  const decision = decideDelivery(read.report, prior, ctx.force);
  // A site not mailed still counts in the run's figures, under Microsoft's product names.
  if (decision.kind !== 'to-send') {
    return { kind: 'ended', progress: { ...read, report: insights.nameProducts(read.report) }, how: notMailed(decision, read.report) };
  }
  const prepared = await prepareSiteMail(read, insights, ctx.renderer);
  if (prepared.mail instanceof SiteStepError) return { kind: 'ended', progress: prepared, how: failedAt(prepared.mail) };
  const siteMail = { ...prepared, site, mail: prepared.mail };
  const earlier = decision.resending;
  const result = await deliverSiteMail(siteMail, ctx, newAttempt(ctx, site.code, earlier ? keysOf(earlier.record) : []));
  if (result.kind === 'uncertain') return { kind: 'uncertain', uncertain: result, siteMail, warnings: prepared.warnings, resendsLeft: earlier ? 0 : 1 };
  const how = earlier ? resent(result.end, earlier.reconciliation) : result.end;
  return { kind: 'ended', progress: { report: prepared.report, warnings: [...prepared.warnings, ...result.warnings] }, how };
}
