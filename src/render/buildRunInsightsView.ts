// Pure: the run's insights -> the blocks of the summary under the site table: costs against last
// month, seats, coverage, and the checks that could not run. Nothing when the run has none.
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
  checks: readonly Text[];
};

export function buildRunInsightsView(insights: RunInsights | undefined, period: string, fmt: Formatters): RunInsightsView {
  if (!insights) return { costs: [], seats: [], coverage: [], checks: [] };
  const labels = fmt.labels.summary.insights;
  const fetchedAt = insights.productNamesFetchedAt === undefined ? undefined : new Date(insights.productNamesFetchedAt);
  const checks = [
    ...textIf(insights.inactivityCheck === 'unavailable' && (insights.inactivityUnavailable === 'forbidden' ? labels.inactivityForbidden : labels.inactivityError)),
    ...textIf(insights.productNamesSource === 'none' && labels.productNamesNone),
    ...textIf(
      insights.productNamesSource === 'cache' &&
        labels.productNamesCache(fetchedAt && !Number.isNaN(fetchedAt.getTime()) ? fmt.date(fetchedAt) : fmt.labels.notAvailable),
    ),
  ];
  return {
    costs: [buildCostsView(insights, period, fmt)],
    seats: insights.seats.length > 0 ? [buildSeatsView(insights, fmt)] : [],
    coverage: [buildCoverageView(insights, fmt)],
    checks,
  };
}
