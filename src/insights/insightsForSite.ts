import { describeError } from '../errors.js';
import type { RunWarning, SiteReport } from '../types.js';
import { buildSiteInsights } from './buildSiteInsights.js';
import type { InsightsInputs } from './collectInsightsInputs.js';
import { signInsNeededFor } from './findAccountsToReview.js';
import { insightUnavailable } from './insightUnavailable.js';
import { toSiteSnapshot } from './toSiteSnapshot.js';
import type { Period, PriceLookup, SiteSnapshot } from './types.js';
import type { WasteRules } from './waste/accountFactsOf.js';
import { isAssignmentError } from './waste/describeAssignments.js';

/** A site's report with its insights, and how to keep it for next month's comparison. */
export interface SiteWithInsights {
  report: SiteReport;
  /** What could not be computed; the report goes out without that part. */
  warnings: RunWarning[];
  /**
   * Keeps this month's rows, so that next month's report compares with what the site actually
   * received: call it once the report is delivered. Never rejects: a failure is a warning.
   */
  saveSnapshot: () => Promise<RunWarning[]>;
}

/** What every site's insights share in one run. */
interface SiteInsightsRun {
  period: Period;
  /** The run's start: inactivity is measured from it. */
  now: Date;
  inactiveDays: number;
  /** Service plans and overlap exceptions, for redundant licenses. */
  rules: WasteRules;
  /** Names a license the account holds in error only. */
  lookup?: PriceLookup;
}

/** The groups at fault in this site's assignment errors (read once per run, whichever site asks first). */
const groupsInError = (report: SiteReport): string[] =>
  report.rows.flatMap((row) => (row.licenseStates ?? []).filter(isAssignmentError).flatMap((state) => (state.assignedByGroup ? [state.assignedByGroup] : [])));

/**
 * The report with its insights: changes since the site's last report (one snapshot read per site,
 * no per-account I/O), accounts to review and possible savings. Never throws: whatever fails is a warning.
 */
export async function insightsForSite(report: SiteReport, inputs: InsightsInputs, run: SiteInsightsRun): Promise<SiteWithInsights> {
  const { site } = report;
  const unavailable = (insight: string, message: string, reason: string): RunWarning =>
    insightUnavailable(insight, `Site ${site.code} (${site.name}): ${message}: ${reason}`, reason, site.code);
  try {
    const snapshot = toSiteSnapshot(report, run.period, run.now);
    const signIns = await inputs.signIns.forUsers(signInsNeededFor(report.rows));
    const insights = buildSiteInsights({
      report,
      current: snapshot,
      previous: await loadPrevious(inputs, site.code, run.period),
      signIns: signIns.signIns,
      ...(signIns.signIns === 'unavailable' ? { inactivityUnavailable: signIns.reason } : {}),
      inactiveDays: run.inactiveDays,
      now: run.now,
      rules: run.rules,
      names: { ...(run.lookup ? { lookup: run.lookup } : {}), groupNames: await inputs.groupNames.namesOf(groupsInError(report)) },
    });
    const changesMissing = insights.changes === null;
    return {
      report: { ...report, insights },
      warnings: changesMissing ? [unavailable('changes', 'the changes since the last report could not be computed', insights.changesError ?? 'unknown')] : [],
      saveSnapshot: async () => {
        try {
          await inputs.snapshots.save(snapshot);
          return [];
        } catch (error) {
          return [unavailable('snapshot', "this month's report could not be kept for next month's comparison", describeError(error))];
        }
      },
    };
  } catch (error) {
    return { report, warnings: [unavailable('site', 'no insights in this report', describeError(error))], saveSnapshot: async () => [] };
  }
}

/** The site's last snapshot; unreadable is not "first report": the mail says the comparison is unavailable. */
async function loadPrevious(inputs: InsightsInputs, siteCode: string, period: Period): Promise<SiteSnapshot | undefined | { error: string }> {
  try {
    return await inputs.snapshots.loadPrevious(siteCode, period);
  } catch (error) {
    return { error: `last report's snapshot unreadable: ${describeError(error)}` };
  }
}
