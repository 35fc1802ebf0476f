import type { InsightsInputs } from '../insights/collectInsightsInputs.js';
import { collectSiteInsights } from '../insights/collectSiteInsights.js';
import type { RunWarning, SiteReport } from '../types.js';
import { describeError } from '../errors.js';

/** What a site's insights need, the same for every site of a run. */
export interface SiteInsightsContext {
  inputs: InsightsInputs;
  period: string;
  /** The run's start: inactivity is measured from it. */
  now: Date;
  inactiveDays: number;
}

const warning = (report: SiteReport, insight: string, message: string, reason: string): RunWarning => ({
  code: 'insights-unavailable',
  message: `Site ${report.site.code} (${report.site.name}): ${message}: ${reason}`,
  details: { siteCode: report.site.code, insight, reason },
});

/**
 * The report with its insights (changes since the site's last report, accounts to review), and
 * `saveSnapshot` to call once the report has been delivered, so that next month's report compares
 * with what the site actually received. Never throws: a failure is a warning and the report goes
 * out without the missing part. No per-account I/O: one snapshot read per site.
 */
export async function addSiteInsights(
  report: SiteReport,
  ctx: SiteInsightsContext,
): Promise<{ report: SiteReport; warnings: RunWarning[]; saveSnapshot(): Promise<RunWarning[]> }> {
  const { signIns } = ctx.inputs.signIns;
  try {
    const { insights, snapshot } = await collectSiteInsights({
      report,
      period: ctx.period,
      now: ctx.now,
      snapshots: ctx.inputs.snapshots,
      signIns,
      inactivityUnavailable: ctx.inputs.signIns.signIns === 'unavailable' ? ctx.inputs.signIns.reason : undefined,
      inactiveDays: ctx.inactiveDays,
    });
    const warnings =
      insights.changes === null ? [warning(report, 'changes', 'the changes since the last report could not be computed', insights.changesError ?? 'unknown')] : [];
    return {
      report: { ...report, insights },
      warnings,
      saveSnapshot: async () => {
        try {
          await ctx.inputs.snapshots.save(snapshot);
          return [];
        } catch (error) {
          return [warning(report, 'snapshot', "this month's report could not be kept for next month's comparison", describeError(error))];
        }
      },
    };
  } catch (error) {
    return { report, warnings: [warning(report, 'site', 'no insights in this report', describeError(error))], saveSnapshot: async () => [] };
  }
}
