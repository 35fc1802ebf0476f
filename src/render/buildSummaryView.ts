// Pure: a run result -> the ready-formatted strings and lists runSummary.mjml places.
import { failureReason } from '../core/failureReason.js';
import type { RenderContext } from '../ports.js';
import type { RunResult, SiteOutcome } from '../types.js';
import { buildRunInsightsView, type RunInsightsView } from './buildRunInsightsView.js';
import { buildWarningsView, type WarningsView } from './buildWarningsView.js';
import { createFormatters, type Formatters } from './createFormatters.js';
import { toSubjectLine } from './toSubjectLine.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, type Flag, type Text } from './viewParts.js';

type SummarySiteView = {
  shaded: Flag;
  name: string;
  code: string;
  exported: string;
  duration: string;
  status: string;
  statusColor: string;
  cost: string;
};

type SummaryTableView = {
  colSite: string;
  colExported: string;
  colDuration: string;
  colStatus: string;
  colCost: string;
  sites: readonly SummarySiteView[];
  totalsTitle: string;
  totals: readonly { label: string; value: string }[];
};

/** Under the site table: costs against last month, seats, coverage, checks (RunInsightsView), then the warnings. */
type SummaryView = RunInsightsView & {
  lang: string;
  subject: string;
  preview: string;
  orgHeader: string;
  title: string;
  subtitle: string;
  runOnLabel: string;
  runOn: string;
  okBanner: readonly Text[];
  /** One item, listing the problems, when some site failed or its delivery is uncertain. */
  problemBanner: readonly { lines: readonly Text[] }[];
  fatal: readonly Text[];
  dryRun: readonly Text[];
  /** Empty when the run could not run at all (fatalError). */
  siteTable: readonly SummaryTableView[];
  warnings: readonly WarningsView[];
  footer: string;
};

const STATUS_COLORS = { ok: '#1e7b34', failed: '#b3261e', uncertain: '#a15c00', skipped: '#5f6368' } as const;

export function buildSummaryView(result: RunResult, ctx: RenderContext, fmt: Formatters = createFormatters(ctx)): SummaryView {
  const { labels } = fmt;
  const s = labels.summary;
  const month = fmt.month(result.period || ctx.period);
  const failed = result.sites.filter((site) => site.status === 'failed' && site.delivery !== 'unknown').length;
  const uncertain = result.sites.filter((site) => site.delivery === 'unknown').length;

  const problems: string[] = [];
  if (failed > 0) problems.push(s.sitesFailed(fmt.count(failed), fmt.isOne(failed)));
  if (uncertain > 0) problems.push(s.sitesUncertain(fmt.count(uncertain), fmt.isOne(uncertain)));
  const unreadable = result.sites.filter((site) => site.delivery === 'unknown' && site.reconciliation?.lookup === 'forbidden').length;
  if (unreadable > 0) problems.push(s.mailReadMissing(fmt.count(unreadable), fmt.isOne(unreadable)));
  const fatal = result.fatalError === undefined ? [] : [{ text: s.fatal(truncateForDisplay(result.fatalError, 1000)) }];

  const statusParts: string[] = [];
  if (failed > 0) statusParts.push(s.errors(fmt.count(failed), fmt.isOne(failed)));
  if (uncertain > 0) statusParts.push(s.uncertain(fmt.count(uncertain), fmt.isOne(uncertain)));
  const subjectStatus = fatal.length > 0 ? s.subjectFatal : statusParts.length > 0 ? statusParts.join(', ') : s.subjectOk;

  const okBanner = fatal.length === 0 && problems.length === 0 ? [{ text: s.allOk }] : [];
  return {
    lang: labels.lang,
    subject: toSubjectLine(s.subject(ctx.orgName, month, subjectStatus)),
    preview: fatal[0]?.text ?? okBanner[0]?.text ?? problems.join(' '),
    orgHeader: labels.orgHeader(ctx.orgName),
    title: labels.reportTitle,
    subtitle: s.subtitle(month),
    runOnLabel: labels.runOn,
    runOn: fmt.dateTime(ctx.generatedAt),
    okBanner,
    problemBanner: fatal.length === 0 && problems.length > 0 ? [{ lines: problems.map((text) => ({ text })) }] : [],
    fatal,
    dryRun: result.dryRun ? [{ text: s.dryRun }] : [],
    siteTable: fatal.length === 0 ? [siteTable(result, fmt)] : [],
    warnings: result.warnings.length > 0 ? [buildWarningsView(result.warnings, fmt)] : [],
    footer: labels.footer,
    ...buildRunInsightsView(fatal.length === 0 ? result.insights : undefined, result.period || ctx.period, fmt),
  };
}

function siteTable(result: RunResult, fmt: Formatters): SummaryTableView {
  const s = fmt.labels.summary;
  const { totals } = result;
  const runMs = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  const lines = [
    {
      label: s.totalSitesLabel,
      value: s.totalSites(fmt.count(totals.sites), fmt.count(totals.sitesOk), fmt.count(totals.sitesFailed)),
    },
    { label: s.totalAccounts, value: fmt.count(totals.accounts) },
    { label: s.totalCost, value: fmt.money(totals.monthlyCostCents) },
  ];
  // An account in several sites appears in each site's total; the organisation pays for it once.
  const overcount = result.insights?.overcountCents ?? 0;
  if (overcount > 0 && result.insights) {
    lines.splice(lines.length - 1, 1,
      { label: s.sitesSumCost, value: fmt.money(totals.monthlyCostCents) },
      { label: s.totalCostCountedOnce, value: fmt.money(result.insights.organisationCostCents) },
    );
  }
  if (Number.isFinite(runMs)) lines.push({ label: s.totalDuration, value: fmt.duration(runMs) });
  return {
    colSite: s.columns.site,
    colExported: s.columns.exported,
    colDuration: s.columns.duration,
    colStatus: s.columns.status,
    colCost: s.columns.monthlyCost,
    sites: result.sites.map((site, index) => siteView(site, index, fmt)),
    totalsTitle: s.totalsTitle,
    totals: lines,
  };
}

function siteView(site: SiteOutcome, index: number, fmt: Formatters): SummarySiteView {
  const [status, statusColor] = statusOf(site, fmt);
  // A site that failed before its members were read has nothing to count: say so rather than "0/0".
  const nothingRead = site.status === 'failed' && site.total === 0 && site.exported === 0;
  return {
    shaded: shadedAt(index),
    name: truncateForDisplay(site.name),
    code: truncateForDisplay(site.code, 50),
    exported: nothingRead ? '—' : `${fmt.count(site.exported)}/${fmt.count(site.total)}`,
    duration: fmt.duration(site.durationMs),
    status,
    statusColor,
    cost: nothingRead ? '—' : fmt.money(site.monthlyCostCents),
  };
}

function statusOf(site: SiteOutcome, fmt: Formatters): [string, string] {
  const s = fmt.labels.summary;
  const when = (iso: string | undefined) => (iso && Number.isFinite(Date.parse(iso)) ? fmt.dateTime(new Date(iso)) : undefined);
  if (site.delivery === 'unknown') {
    if (site.reconciliation?.lookup === 'forbidden') return [s.deliveryUnknownMailRead, STATUS_COLORS.uncertain];
    const why = site.error === undefined ? '' : ` — ${truncateForDisplay(site.error, 500)}`;
    return [s.deliveryUnknown + why, STATUS_COLORS.uncertain];
  }
  if (site.reconciliation?.lookup === 'found' && site.status !== 'failed') {
    return [s.foundInSentItems(when(site.reconciliation.sentAt ?? site.deliveredAt)), site.status === 'ok' ? STATUS_COLORS.ok : STATUS_COLORS.skipped];
  }
  if (site.delivery === 'already-sent') {
    const on = when(site.deliveredAt);
    return [on ? s.alreadySentOn(on) : s.alreadySent, STATUS_COLORS.skipped];
  }
  if (site.status === 'failed') {
    const step = site.step === undefined ? undefined : s.steps[site.step];
    return [s.failed(step, truncateForDisplay(failureReason(site), 500)), STATUS_COLORS.failed];
  }
  if (site.status === 'skipped') {
    return [s.skipped(site.error === undefined ? undefined : truncateForDisplay(site.error, 500)), STATUS_COLORS.skipped];
  }
  if (site.delivery === 'outbox') return [s.okOutbox, STATUS_COLORS.ok];
  if (site.delivery === 'not-sent') return [s.okNotSent, STATUS_COLORS.ok];
  if (site.reconciliation?.resent) return [s.sentAfterReconciliation, STATUS_COLORS.ok];
  return [s.ok, STATUS_COLORS.ok];
}
