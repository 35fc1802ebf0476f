import type { PriceIndex } from '../core/buildPriceIndex.js';
import { buildRunInsights } from '../insights/buildRunInsights.js';
import type { InsightsInputs } from '../insights/collectInsightsInputs.js';
import { createPriceLookup } from '../insights/createPriceLookup.js';
import type { RunInsights } from '../insights/types.js';
import type { RunWarning, SiteReport, SubscribedSku } from '../types.js';
import { describeError } from '../errors.js';

const warning = (insight: string, message: string, reason: string): RunWarning => ({
  code: 'insights-unavailable',
  message: `${message}: ${reason}`,
  details: { insight, reason },
});

/**
 * Central IT's insights once every site is done: idle seats, accounts in no site or in several,
 * costs against last month. This month's costs are kept for next month only after a real run over
 * every site: a dry run is not what was reported, and a partial run would make next month's
 * comparison show the other sites as new. Never throws: a failure is a warning.
 */
export async function completeRunInsights(input: {
  inputs: InsightsInputs;
  skus: readonly SubscribedSku[];
  priceIndex: PriceIndex;
  /** Every report built this run, sent or not (a site already sent this month still counts). */
  siteReports: readonly SiteReport[];
  sitesWithoutReport: readonly string[];
  /** The run was limited to some sites (--site). */
  partial: boolean;
  dryRun: boolean;
  period: string;
  now: Date;
}): Promise<{ insights?: RunInsights; warnings: RunWarning[] }> {
  const { inputs } = input;
  let built;
  try {
    const signIns = inputs.signIns;
    built = buildRunInsights({
      skus: input.skus,
      lookup: createPriceLookup(input.priceIndex, inputs.productNames.names),
      // A partial run would list every account of the other sites as "in no site".
      licensedUsers: input.partial ? 'unavailable' : inputs.licensedUsers.users,
      siteReports: input.siteReports,
      sitesWithoutReport: input.sitesWithoutReport,
      previousRunCosts: inputs.previousRunCosts,
      period: input.period,
      now: input.now,
      inactivityCheck: signIns.signIns === 'unavailable' ? 'unavailable' : 'ok',
      ...(signIns.signIns === 'unavailable' ? { inactivityUnavailable: signIns.reason } : {}),
      productNamesSource: inputs.productNames.source,
      ...(inputs.productNames.fetchedAt ? { productNamesFetchedAt: inputs.productNames.fetchedAt } : {}),
      scope: input.partial ? 'some-sites' : 'all-sites',
    });
  } catch (error) {
    return { warnings: [warning('run', 'Seats, coverage and cost comparison could not be computed this month', describeError(error))] };
  }

  if (input.dryRun || input.partial) return { insights: built.insights, warnings: [] };
  try {
    await inputs.snapshots.saveRunCosts(built.runCosts);
    return { insights: built.insights, warnings: [] };
  } catch (error) {
    const reason = describeError(error);
    return { insights: built.insights, warnings: [warning('cost-comparison', "This month's costs could not be kept: next month compares with an older month", reason)] };
  }
}
