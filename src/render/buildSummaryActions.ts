// Pure: what the run summary asks IT to act on, first thing after the totals on a phone's first
// screen: failed sites (why, in words, and the technical detail), uncertain deliveries, warnings and
// the checks that could not run, and the possible savings (idle seats, accounts in no site, accounts
// to review in the sites).
import { sumCents } from '../core/money.js';
import type { RunResult, SiteOutcome } from '../types.js';
import { statusOf, type StatusView } from './buildSitesView.js';
import { buildWarningsView, type WarningsView } from './buildWarningsView.js';
import type { Formatters } from './createFormatters.js';
import { describeFailure } from './describeFailure.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type LabelValue, type Text } from './viewParts.js';

export type ProblemItem = { shaded: Flag; name: string; code: readonly Text[]; status: readonly StatusView[]; reason: readonly Text[]; detail: readonly Text[] };
export type ProblemsView = { title: string; items: readonly ProblemItem[]; more: readonly Text[] };
export type SavingsView = { title: string; intro: string; lines: readonly LabelValue[] };

export type SummaryActionsView = {
  failures: readonly ProblemsView[];
  uncertainSites: readonly ProblemsView[];
  warnings: readonly WarningsView[];
  savings: readonly SavingsView[];
};

export function buildSummaryActions(
  result: RunResult,
  checks: readonly Text[],
  level: { failures: number; perGroup: number },
  fmt: Formatters,
): SummaryActionsView {
  const s = fmt.labels.summary;
  const failed = result.sites.filter((site) => site.status === 'failed' && site.delivery !== 'unknown');
  const uncertain = result.sites.filter((site) => site.delivery === 'unknown');
  const problems = (title: string, sites: readonly SiteOutcome[]): ProblemsView[] => {
    if (sites.length === 0) return [];
    const hidden = sites.length - Math.min(level.failures, sites.length);
    return [{ title, items: sites.slice(0, level.failures).map((site, index) => problemItem(site, index, fmt)), more: textIf(hidden > 0 && s.warningsMore(fmt.count(hidden), fmt.isOne(hidden))) }];
  };
  return {
    failures: problems(s.failuresTitle(fmt.count(failed.length), fmt.isOne(failed.length)), failed),
    uncertainSites: problems(s.uncertainTitle(fmt.count(uncertain.length), fmt.isOne(uncertain.length)), uncertain),
    warnings: result.warnings.length > 0 || checks.length > 0 ? [buildWarningsView(result.warnings, checks, level.perGroup, fmt)] : [],
    savings: savings(result, fmt),
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

function savings(result: RunResult, fmt: Formatters): SavingsView[] {
  const s = fmt.labels.summary;
  const insights = result.insights;
  if (!insights || result.fatalError !== undefined) return [];
  const count = (n: number) => [fmt.count(n), fmt.isOne(n)] as const;
  const perMonth = (cents: number) => s.perMonth(fmt.money(cents));
  const idle = insights.seats.filter((seat) => seat.unitPriceCents !== null && seat.unitPriceCents > 0).reduce((sum, seat) => sum + seat.idle, 0);
  const uncovered = insights.coverageCheck === 'ok' && insights.scope === 'all-sites' ? insights.uncovered.filter((account) => account.monthlyCostCents > 0) : [];
  const review = result.sites.flatMap((site) => site.insights?.review ?? []);
  const lines = [
    ...(idle > 0 ? [{ label: s.savingsIdle(...count(idle)), value: perMonth(insights.idleCostCents) }] : []),
    ...(uncovered.length > 0 ? [{ label: s.savingsUncovered(...count(uncovered.length)), value: perMonth(sumCents(uncovered.map((a) => a.monthlyCostCents))) }] : []),
    ...(review.length > 0 ? [{ label: s.savingsReview(...count(review.length)), value: perMonth(sumCents(review.map((item) => item.monthlyCostCents))) }] : []),
  ];
  return lines.length > 0 ? [{ title: s.savingsTitle, intro: s.savingsIntro, lines }] : [];
}
