// Pure: a site report -> the ready-formatted strings and lists siteReport.mjml places. What a phone
// shows first: the site, the month, the monthly total, the number of accounts and the change since
// last month; then the accounts to review, the changes, and every account (one block each).
import type { RenderContext } from '../ports.js';
import type { AccountRow, SiteReport } from '../types.js';
import { accountBlock } from './buildAccountListView.js';
import { buildSiteInsightsView, type SiteInsightsView } from './buildSiteInsightsView.js';
import { createFormatters, type Formatters } from './createFormatters.js';
import { csvFileName } from './csvFileName.js';
import { licenseLines } from './licenseLines.js';
import { summarizeLicenses } from './summarizeLicenses.js';
import { toSubjectLine } from './toSubjectLine.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { fileNote, lines, shadedAt, textIf, type AccountBlock, type FileNote, type Flag, type Text } from './viewParts.js';

export type LicenseSummaryView = {
  note: string;
  summaryTitle: string;
  colLicense: string;
  colCost: string;
  licenses: readonly { shaded: Flag; label: string; accounts: string; cost: string }[];
  totalLabel: string;
  totalAccounts: string;
  totalCost: string;
};

export type SiteView = SiteInsightsView & {
  lang: string;
  subject: string;
  preview: string;
  orgHeader: string;
  siteName: string;
  title: string;
  month: string;
  totalCaption: string;
  /** The change since the last report, when known ("+3,40 € depuis octobre 2026"). */
  delta: readonly Text[];
  /** The site's possible savings, per month (in bold) and per year, when the insights ran and found some. */
  savings: readonly { before: string; amount: string; after: string; annual: string }[];
  /** The insights ran and found nothing to save. */
  noSavings: readonly Text[];
  runOnLabel: string;
  runOn: string;
  /** Says the full list is attached, under which name, and what opens it. */
  attachmentNote: readonly FileNote[];
  colAccount: string;
  colCost: string;
  rows: readonly AccountBlock[];
  /** One item when the site has no account at all. */
  noRows: readonly Text[];
  /** One item when the site has more rows than the mail body shows. */
  large: readonly LicenseSummaryView[];
  /** One item when some accounts could not be exported. */
  skipped: readonly Text[];
  accountCount: string;
  totalLabel: string;
  total: string;
  footer: readonly Text[];
};

const MAX_SKIPPED_NAMES = 20;

/**
 * `maxRows`: rows the body may show (the renderer lowers it when the body would be too heavy);
 * `attachmentName`: the file the mail carries (the CSV, or the .zip holding it for a very large site).
 */
export function buildSiteView(
  report: SiteReport,
  ctx: RenderContext,
  fmt: Formatters = createFormatters(ctx),
  maxRows: number = ctx.mailBodyMaxRows,
  attachmentName: string = csvFileName(report.site.code, ctx.period, ctx.locale),
): SiteView {
  const { labels } = fmt;
  const month = fmt.month(ctx.period);
  const siteName = truncateForDisplay(report.site.name);
  const n = report.rows.length;
  const accountCount = labels.accounts(fmt.count(n), fmt.isOne(n));
  const total = fmt.money(report.monthlyCostCents);
  const shown = report.rows.slice(0, Math.max(0, maxRows));
  const zipped = /\.zip$/i.test(attachmentName);
  return {
    lang: labels.lang,
    subject: toSubjectLine(labels.siteSubject(ctx.orgName, truncateForDisplay(report.site.name, 100), month)),
    preview: `${siteName} — ${accountCount} — ${labels.siteTotal}${total}`,
    orgHeader: labels.orgHeader(ctx.orgName),
    siteName,
    title: labels.reportTitle,
    month,
    totalCaption: labels.totalCaption,
    delta: deltaLine(report, fmt),
    ...savingsLine(report, fmt),
    runOnLabel: labels.runOn,
    runOn: fmt.dateTime(ctx.generatedAt),
    attachmentNote: fileNote(zipped ? labels.attachmentZip(accountCount) : labels.attachment(accountCount), attachmentName),
    colAccount: labels.listColumns.account,
    colCost: labels.listColumns.total,
    rows: shown.map((row, index) => rowBlock(row, index, fmt)),
    noRows: n === 0 ? [{ text: labels.noAccounts }] : [],
    large: shown.length < n ? [licenseSummary(report, fmt, shown.length)] : [],
    skipped: report.skipped.length > 0 ? [{ text: skippedNote(report, fmt) }] : [],
    accountCount,
    totalLabel: labels.totalLabel,
    total,
    footer: lines(labels.footer(ctx.orgName)),
    ...buildSiteInsightsView(report.insights, ctx.period, fmt, report.rows),
  };
}

function rowBlock(row: AccountRow, index: number, fmt: Formatters): AccountBlock {
  return accountBlock(
    {
      name: fmt.labels.fullName(truncateForDisplay(row.lastName, 100), truncateForDisplay(row.firstName, 100)),
      email: row.email,
      meta: [row.jobTitle],
      licenses: licenseLines(row.licenses, fmt),
      cost: fmt.money(row.monthlyCostCents),
      disabled: row.disabled,
      guest: row.guest,
    },
    index,
    fmt,
  );
}

/** "+3,40 € depuis octobre 2026"; "first report" the first time; nothing when unknown. */
function deltaLine(report: SiteReport, fmt: Formatters): Text[] {
  const changes = report.insights?.changes;
  if (!changes) return [];
  if (changes.firstReport) return [{ text: fmt.labels.firstReportShort }];
  if (changes.previousPeriod === undefined || changes.costThenCents === undefined) return [];
  const delta = changes.deltaCents ?? changes.costNowCents - changes.costThenCents;
  const since = fmt.month(changes.previousPeriod);
  return textIf(delta === 0 ? fmt.labels.sameSince(since) : fmt.labels.deltaSince(fmt.signedMoney(delta), since));
}

/** "Économies possibles : 18,90 € par mois" / "soit 226,80 € par an", on the first screen with the total. */
function savingsLine(report: SiteReport, fmt: Formatters): Pick<SiteView, 'savings' | 'noSavings'> {
  const savings = report.insights?.savings;
  const w = fmt.labels.waste;
  if (!savings) return { savings: [], noSavings: [] };
  if (savings.monthlyCents === 0) return { savings: [], noSavings: [{ text: w.noSavings }] };
  return {
    savings: [{ before: w.savingsBefore, amount: fmt.money(savings.monthlyCents), after: w.savingsAfter, annual: w.perYear(fmt.money(savings.annualCents)) }],
    noSavings: [],
  };
}

function licenseSummary(report: SiteReport, fmt: Formatters, shown: number): LicenseSummaryView {
  const { labels } = fmt;
  const accounts = (count: number) => labels.accounts(fmt.count(count), fmt.isOne(count));
  return {
    note: labels.largeSiteNote(fmt.count(report.rows.length), fmt.count(shown)),
    summaryTitle: labels.licenseSummaryTitle,
    colLicense: labels.licenseSummaryColumns.license,
    colCost: labels.licenseSummaryColumns.monthlyCost,
    licenses: summarizeLicenses(report.rows, labels.noLicense).map((line, index) => ({
      shaded: shadedAt(index),
      label: truncateForDisplay(line.label, 100),
      accounts: accounts(line.accounts),
      cost: line.monthlyCostCents === null ? labels.notAvailable : fmt.money(line.monthlyCostCents),
    })),
    totalLabel: labels.totalLabel,
    totalAccounts: accounts(report.rows.length),
    totalCost: fmt.money(report.monthlyCostCents),
  };
}

function skippedNote(report: SiteReport, fmt: Formatters): string {
  const names = report.skipped.slice(0, MAX_SKIPPED_NAMES).map((account) => truncateForDisplay(account.name || account.userId, 100));
  const more = report.skipped.length > MAX_SKIPPED_NAMES ? ', …' : '';
  return fmt.labels.skippedAccounts(fmt.count(report.skipped.length), fmt.isOne(report.skipped.length), names.join(', ') + more);
}
