// Pure: what the run summary asks IT to act on, first thing after the totals on a phone's first
// screen: failed sites (why, in words, and the technical detail), uncertain deliveries, warnings and
// the checks that could not run, then the waste: possible savings (each account once) and the sites
// with the largest, subscriptions to act on, license assignment errors.
import type { RunResult, SiteOutcome } from '../types.js';
import { buildAssignmentErrorsView, type AssignmentErrorsView } from './buildAssignmentErrorsView.js';
import { buildSavingsView, buildTopSitesView, type SavingsView, type TopSitesView } from './buildSavingsView.js';
import { statusOf, type StatusView } from './buildSitesView.js';
import { buildSubscriptionsView, type SubscriptionsView } from './buildSubscriptionsView.js';
import { buildWarningsView, type WarningsView } from './buildWarningsView.js';
import type { Formatters } from './createFormatters.js';
import { describeFailure } from './describeFailure.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type Text } from './viewParts.js';

export type ProblemItem = {
  shaded: Flag;
  name: string;
  code: readonly Text[];
  status: readonly StatusView[];
  reason: readonly Text[];
  detail: readonly Text[];
};
export type ProblemsView = { title: string; items: readonly ProblemItem[]; more: readonly Text[] };

export type SummaryActionsView = {
  failures: readonly ProblemsView[];
  uncertainSites: readonly ProblemsView[];
  warnings: readonly WarningsView[];
  savings: readonly SavingsView[];
  topSites: readonly TopSitesView[];
  subscriptions: readonly SubscriptionsView[];
  assignmentErrors: readonly AssignmentErrorsView[];
};

export function buildSummaryActions(
  result: RunResult,
  checks: readonly Text[],
  level: { failures: number; perGroup: number; waste: number; coverage: number },
  fmt: Formatters,
): SummaryActionsView {
  const s = fmt.labels.summary;
  const failed = result.sites.filter((site) => site.status === 'failed' && site.delivery !== 'unknown');
  const uncertain = result.sites.filter((site) => site.delivery === 'unknown');
  const problems = (title: string, sites: readonly SiteOutcome[]): ProblemsView[] => {
    if (sites.length === 0) return [];
    const hidden = sites.length - Math.min(level.failures, sites.length);
    return [
      {
        title,
        items: sites.slice(0, level.failures).map((site, index) => problemItem(site, index, fmt)),
        more: textIf(hidden > 0 && s.warningsMore(fmt.count(hidden), fmt.isOne(hidden))),
      },
    ];
  };
  return {
    failures: problems(s.failuresTitle(fmt.count(failed.length), fmt.isOne(failed.length)), failed),
    uncertainSites: problems(s.uncertainTitle(fmt.count(uncertain.length), fmt.isOne(uncertain.length)), uncertain),
    warnings: result.warnings.length > 0 || checks.length > 0 ? [buildWarningsView(result.warnings, checks, level.perGroup, fmt)] : [],
    ...wasteViews(result, level, fmt),
  };
}

function problemItem(site: SiteOutcome, index: number, fmt: Formatters): ProblemItem {
  const s = fmt.labels.summary;
  const base = { shaded: shadedAt(index), name: truncateForDisplay(site.name), code: textIf(truncateForDisplay(site.code, 50)), status: [statusOf(site, fmt)] };
  if (site.error === undefined) return { ...base, reason: [], detail: [] };
  const { reason, technical } = describeFailure(site, s.warnings);
  const detail = [{ text: s.technicalDetail(truncateForDisplay(technical, 500)) }];
  // Whether it went out is unknown: the status says what to check; why it is unknown is technical.
  if (site.delivery === 'unknown') return { ...base, reason: [], detail };
  const sentence = reason.charAt(0).toLocaleUpperCase(fmt.labels.lang) + reason.slice(1);
  return { ...base, reason: [{ text: `${sentence}.` }], detail };
}

/** Nothing when the run could not start or the waste could not be computed (a warning says so). */
function wasteViews(
  result: RunResult,
  level: { waste: number; coverage: number },
  fmt: Formatters,
): Pick<SummaryActionsView, 'savings' | 'topSites' | 'subscriptions' | 'assignmentErrors'> {
  const insights = result.insights;
  if (!insights || result.fatalError !== undefined) return { savings: [], topSites: [], subscriptions: [], assignmentErrors: [] };
  return {
    savings: buildSavingsView(insights, fmt),
    topSites: buildTopSitesView(insights, level.waste, fmt),
    subscriptions: buildSubscriptionsView(insights, level.waste * 2, fmt),
    assignmentErrors: buildAssignmentErrorsView(insights, level.coverage, fmt),
  };
}
