import type { PriceIndex } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { RunWarning, SiteReport, SubscribedSku } from '../types.js';
import { buildRunInsights } from './buildRunInsights.js';
import type { InsightsInputs } from './collectInsightsInputs.js';
import { createPriceLookup } from './createPriceLookup.js';
import { insightUnavailable } from './insightUnavailable.js';
import type { Period, RunInsights } from './types.js';

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

/**
 * Central IT's insights: idle seats, accounts in no site or in several, costs against last month.
 * This month's costs are kept for next month only after a real run over every site: a dry run is
 * not what was reported, and a partial run would make next month's comparison show the other
 * sites as new. Never throws: a failure is a warning.
 */
export async function insightsForRun(
  input: RunInsightsInput,
  inputs: InsightsInputs,
  run: { period: Period; now: Date },
): Promise<{ insights?: RunInsights; warnings: RunWarning[] }> {
  let built;
  try {
    const { productNames } = inputs;
    const signIns = inputs.signIns.current();
    built = buildRunInsights({
      skus: input.skus,
      lookup: createPriceLookup(input.priceIndex, productNames.names),
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

  if (input.dryRun || input.partial) return { insights: built.insights, warnings: [] };
  try {
    await inputs.snapshots.saveRunCosts(built.runCosts);
    return { insights: built.insights, warnings: [] };
  } catch (error) {
    const message = "This month's costs could not be kept: next month compares with an older month";
    return { insights: built.insights, warnings: [unavailable('cost-comparison', message, describeError(error))] };
  }
}
