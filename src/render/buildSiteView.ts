// Pure: a site report -> the ready-formatted strings and lists siteReport.mjml places.
import type { RenderContext } from '../ports.js';
import type { AccountRow, SiteReport } from '../types.js';
import { buildSiteInsightsView, type SiteInsightsView } from './buildSiteInsightsView.js';
import { createFormatters, type Formatters } from './createFormatters.js';
import { csvFileName } from './csvFileName.js';
import { summarizeLicenses } from './summarizeLicenses.js';
import { toSubjectLine } from './toSubjectLine.js';
import { EMAIL_MAX_CHARS, truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, type Flag, type Text } from './viewParts.js';

type Label = { label: string };
type Line = { label: string; price: string };

type SiteRowView = {
  /** Every other row is shaded. */
  shaded: Flag;
  lastName: string;
  firstName: string;
  email: string;
  jobTitle: string;
  siteName: string;
  disabledBadge: readonly Label[];
  guestBadge: readonly Label[];
  /** One license per line, its price on the same line of the next cell; split so lines join with <br>. */
  firstLine: readonly Line[];
  moreLines: readonly Line[];
};

type LicenseSummaryView = {
  note: string;
  summaryTitle: string;
  colLicense: string;
  colAccounts: string;
  colCost: string;
  licenses: readonly { shaded: Flag; label: string; accounts: string; cost: string }[];
  totalLabel: string;
  totalAccounts: string;
  totalCost: string;
};

/** Changes since the last report and accounts to review (SiteInsightsView) come first, then the accounts. */
type SiteView = SiteInsightsView & {
  lang: string;
  subject: string;
  preview: string;
  orgHeader: string;
  title: string;
  month: string;
  runOnLabel: string;
  runOn: string;
  siteName: string;
  colLastName: string;
  colFirstName: string;
  colEmail: string;
  colJobTitle: string;
  colSite: string;
  colLicenses: string;
  colMonthlyCost: string;
  rows: readonly SiteRowView[];
  /** One item when the site has no account at all. */
  noRows: readonly Text[];
  /** One item when the site has more rows than the mail body shows. */
  large: readonly LicenseSummaryView[];
  /** One item when some accounts could not be exported. */
  skipped: readonly Text[];
  accountCount: string;
  totalLabel: string;
  total: string;
  footer: string;
};

const MAX_SKIPPED_NAMES = 20;

/** `maxRows`: rows the body may show (the renderer lowers it when the body would be too heavy). */
export function buildSiteView(
  report: SiteReport,
  ctx: RenderContext,
  fmt: Formatters = createFormatters(ctx),
  maxRows: number = ctx.mailBodyMaxRows,
): SiteView {
  const { labels } = fmt;
  const month = fmt.month(ctx.period);
  const siteName = truncateForDisplay(report.site.name);
  const accountCount = labels.accounts(fmt.count(report.rows.length), fmt.isOne(report.rows.length));
  const total = fmt.money(report.monthlyCostCents);
  const shown = report.rows.slice(0, Math.max(0, maxRows));
  return {
    lang: labels.lang,
    subject: toSubjectLine(labels.siteSubject(ctx.orgName, truncateForDisplay(report.site.name, 100), month)),
    preview: `${siteName} — ${accountCount} — ${labels.siteTotal}${total}`,
    orgHeader: labels.orgHeader(ctx.orgName),
    title: labels.reportTitle,
    month,
    runOnLabel: labels.runOn,
    runOn: fmt.dateTime(ctx.generatedAt),
    siteName,
    colLastName: labels.columns.lastName,
    colFirstName: labels.columns.firstName,
    colEmail: labels.columns.email,
    colJobTitle: labels.columns.jobTitle,
    colSite: labels.columns.site,
    colLicenses: labels.columns.licenses,
    colMonthlyCost: labels.columns.monthlyCost,
    rows: shown.map((row, index) => rowView(row, index, fmt)),
    noRows: report.rows.length === 0 ? [{ text: labels.noAccounts }] : [],
    large: shown.length < report.rows.length ? [licenseSummary(report, ctx, fmt, shown.length)] : [],
    skipped: report.skipped.length > 0 ? [{ text: skippedNote(report, fmt) }] : [],
    accountCount,
    totalLabel: labels.siteTotal,
    total,
    footer: labels.footer,
    ...buildSiteInsightsView(report.insights, ctx.period, fmt),
  };
}

function rowView(row: AccountRow, index: number, fmt: Formatters): SiteRowView {
  const { labels } = fmt;
  const lines =
    row.licenses.length === 0
      ? [{ label: labels.noLicense, price: labels.notAvailable }]
      : row.licenses.map((line) => ({
          // Licenses stay on one line each so their prices line up; a long label is cut shorter.
          label: truncateForDisplay(line.label, 60),
          price: line.monthlyPriceCents === null ? labels.notAvailable : fmt.money(line.monthlyPriceCents),
        }));
  return {
    shaded: shadedAt(index),
    lastName: truncateForDisplay(row.lastName),
    firstName: truncateForDisplay(row.firstName),
    email: truncateForDisplay(row.email, EMAIL_MAX_CHARS),
    jobTitle: truncateForDisplay(row.jobTitle),
    siteName: truncateForDisplay(row.siteName),
    disabledBadge: row.disabled ? [{ label: labels.disabled }] : [],
    guestBadge: row.guest ? [{ label: labels.guest }] : [],
    firstLine: lines.slice(0, 1),
    moreLines: lines.slice(1),
  };
}

function licenseSummary(report: SiteReport, ctx: RenderContext, fmt: Formatters, shown: number): LicenseSummaryView {
  const { labels } = fmt;
  const fileName = csvFileName(report.site.code, ctx.period, ctx.locale);
  return {
    note: labels.largeSiteNote(fmt.count(report.rows.length), fmt.count(shown), fileName),
    summaryTitle: labels.licenseSummaryTitle,
    colLicense: labels.licenseSummaryColumns.license,
    colAccounts: labels.licenseSummaryColumns.accounts,
    colCost: labels.licenseSummaryColumns.monthlyCost,
    licenses: summarizeLicenses(report.rows, labels.noLicense).map((line, index) => ({
      shaded: shadedAt(index),
      label: truncateForDisplay(line.label, 100),
      accounts: fmt.count(line.accounts),
      cost: line.monthlyCostCents === null ? labels.notAvailable : fmt.money(line.monthlyCostCents),
    })),
    totalLabel: labels.siteTotal.replace(/\s*:\s*$/, ''),
    totalAccounts: fmt.count(report.rows.length),
    totalCost: fmt.money(report.monthlyCostCents),
  };
}

function skippedNote(report: SiteReport, fmt: Formatters): string {
  const names = report.skipped
    .slice(0, MAX_SKIPPED_NAMES)
    .map((account) => truncateForDisplay(account.name || account.userId, 100));
  const more = report.skipped.length > MAX_SKIPPED_NAMES ? ', …' : '';
  return fmt.labels.skippedAccounts(fmt.count(report.skipped.length), fmt.isOne(report.skipped.length), names.join(', ') + more);
}
