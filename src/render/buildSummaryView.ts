// Pure: a run result -> the ready-formatted strings and lists runSummary.mjml places. What needs
// action comes first (failed sites, uncertain deliveries, warnings, possible savings), then the totals,
// the sites, the costs by license, seats and coverage. `level` bounds the long lists (SUMMARY_LEVELS).
import { sumCents } from '../core/money.js';
import type { RenderContext } from '../ports.js';
import type { RunResult } from '../types.js';
import { buildRunInsightsView, runChecks, type RunInsightsView } from './buildRunInsightsView.js';
import { buildSitesView, type SitesView } from './buildSitesView.js';
import { buildSummaryActions, type SummaryActionsView } from './buildSummaryActions.js';
import { createFormatters, type Formatters } from './createFormatters.js';
import { sitesCsvName } from './sitesCsv.js';
import { toSubjectLine } from './toSubjectLine.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { lines, SHADED, textIf, type Flag, type LabelValue, type Text } from './viewParts.js';

/** How much of each long list the summary shows; the renderer tries each level until the body fits. */
export interface SummaryLevel {
  sites: number;
  failures: number;
  perGroup: number;
  licenses: number;
  coverage: number;
  /** Sites ranked by possible savings (subscriptions to act on: twice as many). */
  waste: number;
}

export const SUMMARY_LEVELS: readonly SummaryLevel[] = [
  { sites: Infinity, failures: Infinity, perGroup: 50, licenses: 100, coverage: 50, waste: 10 },
  { sites: 40, failures: 100, perGroup: 25, licenses: 50, coverage: 25, waste: 10 },
  { sites: 20, failures: 40, perGroup: 10, licenses: 30, coverage: 10, waste: 10 },
  { sites: 10, failures: 20, perGroup: 5, licenses: 20, coverage: 5, waste: 5 },
  { sites: 0, failures: 10, perGroup: 3, licenses: 10, coverage: 3, waste: 3 },
];

export type SummaryView = RunInsightsView &
  SummaryActionsView & {
    lang: string;
    subject: string;
    preview: string;
    orgHeader: string;
    title: string;
    subtitle: string;
    /** Empty when the run could not run at all (fatalError). */
    hero: readonly { totalCaption: string; total: string; lines: readonly Text[]; runOn: string }[];
    okBanner: readonly Text[];
    /** One item, listing the problems, when some site failed or its delivery is uncertain. */
    problemBanner: readonly { lines: readonly Text[] }[];
    fatal: readonly Text[];
    dryRun: readonly Text[];
    runTotals: readonly { title: string; lines: readonly LabelValue[] }[];
    sites: readonly SitesView[];
    footer: readonly Text[];
    /** One item when the per-site list was cut: the renderer then attaches it whole as CSV. */
    sitesCut: Flag;
  };

export function buildSummaryView(
  result: RunResult,
  ctx: RenderContext,
  fmt: Formatters = createFormatters(ctx),
  level: SummaryLevel = SUMMARY_LEVELS[0] as SummaryLevel,
): SummaryView {
  const { labels } = fmt;
  const s = labels.summary;
  const period = result.period || ctx.period;
  const month = fmt.month(period);
  const failed = result.sites.filter((site) => site.status === 'failed' && site.delivery !== 'unknown').length;
  const uncertain = result.sites.filter((site) => site.delivery === 'unknown').length;

  const problems: string[] = [];
  if (failed > 0) problems.push(s.sitesFailed(fmt.count(failed), fmt.isOne(failed)));
  if (uncertain > 0) problems.push(s.sitesUncertain(fmt.count(uncertain), fmt.isOne(uncertain)));
  const unreadable = result.sites.filter((site) => site.delivery === 'unknown' && site.reconciliation?.lookup === 'forbidden').length;
  if (unreadable > 0) problems.push(s.mailReadMissing(fmt.count(unreadable), fmt.isOne(unreadable)));
  const fatal = textIf(result.fatalError !== undefined && s.fatal(truncateForDisplay(result.fatalError, 1000)));
  const ran = fatal.length === 0;

  const statusParts: string[] = [];
  if (failed > 0) statusParts.push(s.errors(fmt.count(failed), fmt.isOne(failed)));
  if (uncertain > 0) statusParts.push(s.uncertain(fmt.count(uncertain), fmt.isOne(uncertain)));
  const subjectStatus = !ran ? s.subjectFatal : statusParts.length > 0 ? statusParts.join(', ') : s.subjectOk;
  const asked = result.requestedSiteCodes?.length ? truncateForDisplay(result.requestedSiteCodes.join(', '), 300) : undefined;
  const okBanner = ran && problems.length === 0 ? [{ text: asked ? s.allOkForSites(asked) : s.allOk }] : [];
  const insights = ran ? result.insights : undefined;
  const sites = ran ? buildSitesView(result, level.sites, sitesCsvName(period, fmt), fmt) : undefined;
  return {
    lang: labels.lang,
    subject: toSubjectLine(s.subject(ctx.orgName, month, subjectStatus)),
    preview: fatal[0]?.text ?? okBanner[0]?.text ?? problems.join(' '),
    orgHeader: labels.orgHeader(ctx.orgName),
    title: labels.reportTitle,
    subtitle: asked ? s.subtitleForSites(month, asked) : s.subtitle(month),
    hero: ran ? [hero(result, ctx, fmt)] : [],
    okBanner,
    problemBanner: ran && problems.length > 0 ? [{ lines: problems.map((text) => ({ text })) }] : [],
    fatal,
    dryRun: textIf(result.dryRun && s.dryRun),
    ...buildSummaryActions(result, ran ? runChecks(insights, fmt) : [], level, fmt),
    runTotals: ran ? [{ title: s.totalsTitle, lines: totalLines(result, fmt) }] : [],
    sites: sites ? [sites.view] : [],
    sitesCut: sites?.cut ? SHADED : [],
    footer: lines(s.footer(ctx.orgName)),
    ...buildRunInsightsView(insights, fmt, level),
  };
}

/** The first screen: the month's total, accounts and sites, the change since last month, the time taken. */
function hero(result: RunResult, ctx: RenderContext, fmt: Formatters): SummaryView['hero'][number] {
  const s = fmt.labels.summary;
  const { totals, insights } = result;
  const countedOnce = insights !== undefined && insights.overcountCents > 0;
  const runMs = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  const costs = insights?.costBySite ?? [];
  const previous = insights?.previousPeriod ?? null;
  const delta = sumCents(costs.map((site) => site.nowCents)) - sumCents(costs.map((site) => site.thenCents ?? 0));
  const total = countedOnce ? insights.organisationCostCents : totals.monthlyCostCents;
  const savings = insights?.waste?.savings;
  const w = fmt.labels.waste;
  return {
    totalCaption: s.totalCaption,
    total: fmt.money(total),
    lines: lines([
      w.heroAnnual(fmt.money(total * 12)),
      fmt.labels.accounts(fmt.count(totals.accounts), fmt.isOne(totals.accounts)),
      s.heroSites(fmt.count(totals.sites), fmt.count(totals.sitesOk), fmt.count(totals.sitesFailed)),
      previous !== null && costs.length > 0 && fmt.labels.deltaSince(fmt.signedMoney(delta), fmt.month(previous)),
      savings !== undefined && w.heroSavings(fmt.money(savings.monthlyCents), fmt.money(savings.annualCents)),
      Number.isFinite(runMs) && s.duration(fmt.duration(runMs)),
    ]),
    runOn: `${fmt.labels.runOn}${fmt.dateTime(ctx.generatedAt)}`,
  };
}

function totalLines(result: RunResult, fmt: Formatters): LabelValue[] {
  const s = fmt.labels.summary;
  const { totals } = result;
  const runMs = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  const lines = [
    { label: s.totalSitesLabel, value: s.totalSites(fmt.count(totals.sites), fmt.count(totals.sitesOk), fmt.count(totals.sitesFailed)) },
    { label: s.totalAccounts, value: fmt.count(totals.accounts) },
    { label: s.totalCost, value: fmt.money(totals.monthlyCostCents) },
  ];
  // An account in several sites appears in each site's total; the organisation pays for it once.
  if ((result.insights?.overcountCents ?? 0) > 0 && result.insights) {
    lines.splice(
      lines.length - 1,
      1,
      { label: s.sitesSumCost, value: fmt.money(totals.monthlyCostCents) },
      { label: s.totalCostCountedOnce, value: fmt.money(result.insights.organisationCostCents) },
    );
  }
  const counted = (result.insights?.overcountCents ?? 0) > 0 && result.insights ? result.insights.organisationCostCents : totals.monthlyCostCents;
  lines.push({ label: fmt.labels.waste.totalAnnual, value: fmt.money(counted * 12) });
  if (Number.isFinite(runMs)) lines.push({ label: s.totalDuration, value: fmt.duration(runMs) });
  return lines;
}
