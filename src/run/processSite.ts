import type { PriceIndex } from '../core/buildPriceIndex.js';
import { centsToAmount } from '../core/money.js';
import { DeliveryUnknownError } from '../errors.js';
import { applyProductNames } from '../insights/applyProductNames.js';
import type { DeliveryRecord, RenderedMail, Renderer, SendResult } from '../ports.js';
import type { RunWarning, Site, SiteOutcome, SiteReport } from '../types.js';
import { addSiteInsights, type SiteInsightsContext } from './addSiteInsights.js';
import { describeError } from '../errors.js';
import { readSiteReport } from './readSiteReport.js';
import type { RunDeps } from './RunDeps.js';
import { SiteStepError } from './SiteStepError.js';

export interface SiteRunContext {
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
  /**
   * Being read while the sites start (sign-ins come 120 users a page); never rejects. Resolves
   * undefined when the insights' inputs could not be read: the reports go out without them.
   */
  insights?: Promise<(SiteInsightsContext & { collator: Intl.Collator }) | undefined>;
  /**
   * One of the run's SITE_CONCURRENCY slots (p-limit), taken to read the groups and again to
   * render and send, but not while waiting for the insights; none by default.
   */
  slot?: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface SiteResult {
  outcome: SiteOutcome;
  report?: SiteReport;
  warnings: RunWarning[];
}

/**
 * One site from its groups to the correspondents' mailbox. Never throws: whatever happens is an
 * outcome (ok, skipped, or failed with the step and the reason), so one site never stops the others.
 */
export async function processSite(site: Site, ctx: SiteRunContext): Promise<SiteResult> {
  const { deps } = ctx;
  const slot = ctx.slot ?? ((task) => task());
  // Time spent on the site, from the moment it gets a slot (not while queued behind others).
  let started = deps.clock.now().getTime();
  let report: SiteReport | undefined;
  let warnings: RunWarning[] = [];
  const finish = (fields: Pick<SiteOutcome, 'status'> & Partial<SiteOutcome>): SiteResult => {
    const outcome: SiteOutcome = {
      code: site.code,
      name: site.name,
      exported: report?.exported ?? 0,
      total: report?.total ?? 0,
      durationMs: Math.max(0, deps.clock.now().getTime() - started),
      monthlyCostCents: report?.monthlyCostCents ?? 0,
      monthlyCost: centsToAmount(report?.monthlyCostCents ?? 0),
      ...(report ? { recipients: report.correspondents.map((r) => r.address) } : {}),
      ...(report && report.skipped.length > 0 ? { skippedAccounts: report.skipped } : {}),
      ...(report?.insights ? { insights: report.insights } : {}),
      ...fields,
    };
    return { outcome, warnings, ...(report ? { report } : {}) };
  };

  try {
    const read = await slot(() => {
      started = deps.clock.now().getTime();
      return readSiteReport(deps, site, ctx.priceIndex);
    });
    report = read.report;
    warnings = read.warnings;
    // Outside any slot: the other sites read their groups while the sign-ins are still loading.
    const insights = await ctx.insights;
    return await slot(async () => {
      let current = read.report;
      // Microsoft's name ("Visio Plan 2") for licenses the price list does not name, in the mail and the run's figures.
      if (insights) report = current = applyProductNames(current, insights.inputs.productNames.names, insights.collator);

      const previous = ctx.deliveries.get(site.code.toLowerCase());
      if (previous && !ctx.force) {
        // An unknown delivery is not resent either: see docs/decisions/delivery-unknown-is-not-resent.md.
        return previous.status === 'sent'
          ? finish({ status: 'skipped', delivery: 'already-sent' })
          : finish({
              status: 'skipped',
              delivery: 'unknown',
              error: `the delivery of ${previous.at} (run ${previous.runId}) is unknown: check the recipients' mailbox, rerun with force to send again`,
            });
      }
      if (current.correspondents.length === 0) {
        throw new SiteStepError('correspondents', `no correspondent with a mail address in group ${site.correspondentsGroupId}`);
      }
      let saveSnapshot = async (): Promise<RunWarning[]> => [];
      if (insights) {
        const added = await addSiteInsights(current, insights);
        report = current = added.report;
        saveSnapshot = added.saveSnapshot;
        warnings = [...warnings, ...added.warnings];
      }

      let rendered: RenderedMail;
      try {
        rendered = await (await ctx.renderer).siteReport(current);
      } catch (error) {
        throw new SiteStepError('render', describeError(error));
      }

      const recipients = current.correspondents.map((r) => r.address);
      const record = (status: DeliveryRecord['status']): Promise<void> =>
        deps.ledger.record(ctx.period, { siteCode: site.code, status, at: deps.clock.now().toISOString(), runId: ctx.runId, recipients });
      let sent: SendResult;
      try {
        sent = await deps.mailer.send({ kind: 'site', siteCode: site.code, to: current.correspondents, ...rendered });
      } catch (error) {
        if (!(error instanceof DeliveryUnknownError)) {
          return finish({ status: 'failed', step: 'send', delivery: 'not-sent', error: `send: ${describeError(error)}` });
        }
        let ledgerNote = '';
        if (!ctx.dryRun) {
          await record('unknown').catch((ledgerError: unknown) => {
            ledgerNote = `; recording it in the ledger failed too: ${describeError(ledgerError)}`;
          });
        }
        return finish({
          status: 'failed',
          step: 'send',
          delivery: 'unknown',
          error: `send: the mail may or may not have gone out (${describeError(error)})${ledgerNote}; check the recipients' mailbox before rerunning with force`,
        });
      }

      // Delivered (sent, or written to the outbox outside a dry run): next month compares with this
      // report. See docs/decisions/snapshots-after-delivery.md.
      if (!ctx.dryRun) warnings = [...warnings, ...(await saveSnapshot())];
      if (sent.status === 'sent' && !ctx.dryRun) {
        try {
          await record('sent');
        } catch (error) {
          return finish({
            status: 'failed',
            step: 'ledger',
            delivery: 'sent',
            error: `ledger: the mail went out but could not be recorded, a rerun would send it again: ${describeError(error)}`,
          });
        }
      }
      return finish({ status: 'ok', delivery: sent.status });
    });
  } catch (error) {
    if (error instanceof SiteStepError) return finish({ status: 'failed', step: error.step, delivery: 'not-sent', error: error.message });
    // Not expected: every step above names itself. Still an outcome, never a crash of the run.
    return finish({ status: 'failed', delivery: 'not-sent', error: describeError(error) });
  }
}
