import type { PriceIndex } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { RunWarning, SiteReport, SubscribedSku } from '../types.js';
import { buildRunInsights } from './buildRunInsights.js';
import type { InsightsInputs } from './collectInsightsInputs.js';
import { createPriceLookup } from './createPriceLookup.js';
import { insightUnavailable } from './insightUnavailable.js';
import type { Period, PriceLookup, RunInsights } from './types.js';
import type { WasteRules } from './waste/accountFactsOf.js';
import { buildRunWaste } from './waste/buildRunWaste.js';
import { groupsAtFault } from './waste/findRunAssignmentErrors.js';
import type { RunWaste } from './waste/wasteReportTypes.js';

/** What the run hands the insights once every site is done. */
export interface RunInsightsInput {
  skus: readonly SubscribedSku[];
  priceIndex: PriceIndex;
  /** Every report built this run, sent or not (a site already sent this month still counts). */
  siteReports: readonly SiteReport[];
  sitesWithoutReport: readonly string[];
  /** The run was limited to some sites (--site). */
  partial: boolean;
  dryRun: boolean;
}

const unavailable = (insight: string, message: string, reason: string): RunWarning => insightUnavailable(insight, `${message}: ${reason}`, reason);

type RunOfInsights = { period: Period; now: Date; inactiveDays: number; rules: WasteRules };

/**
 * Central IT's insights: idle seats, accounts in no site or in several, costs against last month,
 * and the waste (possible savings, subscriptions to act on, assignment errors).
 * This month's costs are kept for next month only after a real run over every site: a dry run is
 * not what was reported, and a partial run would make next month's comparison show the other
 * sites as new. Never throws: a failure is a warning.
 */
export async function insightsForRun(
  input: RunInsightsInput,
  inputs: InsightsInputs,
  run: RunOfInsights,
): Promise<{ insights?: RunInsights; warnings: RunWarning[] }> {
  let built;
  const lookup = createPriceLookup(input.priceIndex, inputs.productNames.names);
  try {
    const { productNames } = inputs;
    const signIns = inputs.signIns.current();
    built = buildRunInsights({
      skus: input.skus,
      lookup,
      // A partial run would list every account of the other sites as "in no site".
      licensedUsers: input.partial ? 'unavailable' : inputs.licensedUsers.users,
      siteReports: input.siteReports,
      sitesWithoutReport: input.sitesWithoutReport,
      previousRunCosts: inputs.previousRunCosts,
      period: run.period,
      now: run.now,
      inactivityCheck: signIns.signIns === 'unavailable' ? 'unavailable' : 'ok',
      ...(signIns.signIns === 'unavailable' ? { inactivityUnavailable: signIns.reason } : {}),
      productNamesSource: productNames.source,
      ...(productNames.fetchedAt ? { productNamesFetchedAt: productNames.fetchedAt } : {}),
      scope: input.partial ? 'some-sites' : 'all-sites',
    });
  } catch (error) {
    return { warnings: [unavailable('run', 'Seats, coverage and cost comparison could not be computed this month', describeError(error))] };
  }

  const waste = await wasteOf(input, inputs, run, built.insights, lookup);
  const insights: RunInsights = { ...built.insights, ...('waste' in waste ? { waste: waste.waste } : {}) };
  const wasteWarnings = 'warning' in waste ? [waste.warning] : [];
  if (input.dryRun || input.partial) return { insights, warnings: wasteWarnings };
  try {
    await inputs.snapshots.saveRunCosts(built.runCosts);
    return { insights, warnings: wasteWarnings };
  } catch (error) {
    const message = "This month's costs could not be kept: next month compares with an older month";
    return { insights, warnings: [...wasteWarnings, unavailable('cost-comparison', message, describeError(error))] };
  }
}

/** The waste over the same reports and accounts in no site; a failure leaves the rest of the insights whole. */
async function wasteOf(
  input: RunInsightsInput,
  inputs: InsightsInputs,
  run: RunOfInsights,
  insights: RunInsights,
  lookup: PriceLookup,
): Promise<{ waste: RunWaste } | { warning: RunWarning }> {
  try {
    const tenantUsers = input.partial ? 'unavailable' : inputs.licensedUsers.users;
    const groupNames = await inputs.groupNames.namesOf(groupsAtFault(input.siteReports, tenantUsers));
    // The sites asked for their own accounts' sign-ins; accounts in no site are asked for here.
    const signIns = await inputs.signIns.forUsers(insights.uncovered.map((account) => account.userId));
    return {
      waste: buildRunWaste({
        siteReports: input.siteReports,
        uncovered: insights.uncovered,
        tenantUsers,
        seats: insights.seats,
        signIns: { signIns: signIns.signIns, inactiveDays: run.inactiveDays, now: run.now },
        rules: run.rules,
        lookup,
        subscriptions: inputs.subscriptions,
        groupNames,
      }),
    };
  } catch (error) {
    return { warning: unavailable('waste', 'Possible savings, subscriptions and assignment errors could not be computed this month', describeError(error)) };
  }
}
