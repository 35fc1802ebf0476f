import type { PriceIndex } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { InsightsOfRun } from '../insights/createInsights.js';
import type { DeliveryRecord, Renderer } from '../ports.js';
import type { Site } from '../types.js';
import { decideDelivery, notMailed } from './decideDelivery.js';
import { deliverSiteMail } from './deliverSiteMail.js';
import { prepareSiteMail } from './prepareSiteMail.js';
import { readSiteReport } from './readSiteReport.js';
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
   * enrich, render and send, but not while waiting for the insights.
   */
  slot: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * One site from its groups to the correspondents' mailbox: read, decide delivery, enrich, render,
 * deliver. Never throws: whatever happens is an outcome (ok, skipped, or failed with the step and
 * the reason), so one site never stops the others.
 */
export async function processSite(site: Site, ctx: SiteRunContext): Promise<SiteResult> {
  const { clock } = ctx.deps;
  // Timed from the moment the site gets a slot, not while it is queued behind others.
  const { startedAt, read } = await ctx.slot(async () => ({ startedAt: clock.now(), read: await readSiteReport(ctx.deps, site, ctx.priceIndex) }));
  const end = (progress: SiteProgress, how: SiteEnd): SiteResult => siteResult(site, progress, how, clock.now().getTime() - startedAt.getTime());
  if (read instanceof SiteStepError) return end({ warnings: [] }, failedAt(read));

  // Outside any slot: the other sites read their groups while this one's sign-ins are read.
  const insights = await ctx.insights;
  await insights.readyFor(read.report);
  return ctx.slot(async () => {
    try {
      const decision = decideDelivery(read.report, ctx.deliveries.get(site.code.toLowerCase()), ctx.force);
      // A site not mailed still counts in the run's figures, under Microsoft's product names.
      if (decision.kind !== 'to-send') return end({ ...read, report: insights.nameProducts(read.report) }, notMailed(decision, read.report));
      const prepared = await prepareSiteMail(read, insights, ctx.renderer);
      if (prepared.mail instanceof SiteStepError) return end(prepared, failedAt(prepared.mail));
      const delivered = await deliverSiteMail({ ...prepared, site, mail: prepared.mail }, ctx);
      return end({ report: prepared.report, warnings: [...prepared.warnings, ...delivered.warnings] }, delivered.end);
    } catch (error) {
      // Not expected: every step names its own failure. Still an outcome, never a crash of the run.
      return end(read, { status: 'failed', delivery: 'not-sent', error: describeError(error) });
    }
  });
}
