// Pure: the run's insights -> the blocks of the summary: cost by license against last month, seats,
// coverage, and the checks that could not run (shown with the warnings). Nothing when the run has none.
import type { RunInsights } from '../insights/types.js';
import { buildCostsView, type CostsView } from './buildCostsView.js';
import { buildCoverageView, type CoverageView } from './buildCoverageView.js';
import { buildSeatsView, type SeatsView } from './buildSeatsView.js';
import type { Formatters } from './createFormatters.js';
import { textIf, type Text } from './viewParts.js';

export type RunInsightsView = {
  costs: readonly CostsView[];
  seats: readonly SeatsView[];
  coverage: readonly CoverageView[];
};

/** How many lines the long lists of the summary may show (see SUMMARY_LEVELS). */
export interface ListBudget {
  licenses: number;
  coverage: number;
}

export function buildRunInsightsView(insights: RunInsights | undefined, fmt: Formatters, budget: ListBudget): RunInsightsView {
  if (!insights) return { costs: [], seats: [], coverage: [] };
  return {
    costs: [buildCostsView(insights, budget.licenses, fmt)],
    seats: insights.seats.length > 0 ? [buildSeatsView(insights, budget.licenses, fmt)] : [],
    coverage: [buildCoverageView(insights, budget.coverage, fmt)],
  };
}

/** The checks that could not run this month, in words. */
export function runChecks(insights: RunInsights | undefined, fmt: Formatters): Text[] {
  if (!insights) return [];
  const labels = fmt.labels.summary.insights;
  const fetchedAt = insights.productNamesFetchedAt === undefined ? undefined : new Date(insights.productNamesFetchedAt);
  return [
    ...textIf(
      insights.inactivityCheck === 'unavailable' && (insights.inactivityUnavailable === 'forbidden' ? labels.inactivityForbidden : labels.inactivityError),
    ),
    ...textIf(insights.waste?.subscriptionsUnavailable === 'forbidden' && fmt.labels.waste.checkSubscriptionsForbidden),
    ...textIf(insights.productNamesSource === 'none' && labels.productNamesNone),
    ...textIf(
      insights.productNamesSource === 'cache' &&
        labels.productNamesCache(fetchedAt && !Number.isNaN(fetchedAt.getTime()) ? fmt.date(fetchedAt) : fmt.labels.notAvailable),
    ),
  ];
}
