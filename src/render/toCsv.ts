// The full list of a site's accounts as a CSV attachment that opens in Excel with a double-click.
// Choices (separator, BOM, licenses in one cell, formula neutralisation, state column):
// docs/decisions/csv-format.md.
import type { MailAttachment, RenderContext } from '../ports.js';
import type { AccountRow, SiteReport } from '../types.js';
import { createFormatters, type Formatters } from './createFormatters.js';
import { csvFileName } from './csvFileName.js';
import { reviewReasonText } from './reviewReasonText.js';

const BOM = '\uFEFF';
const LINE_END = '\r\n';
/** Excel reads a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(report: SiteReport, ctx: RenderContext, fmt: Formatters = createFormatters(ctx)): MailAttachment {
  const c = fmt.labels.columns;
  // The seed's seven columns, in its order, then the account's state (what the mail's badges say)
  // and the reasons to review it (what the mail's "accounts to review" says).
  const header = [c.lastName, c.firstName, c.email, c.jobTitle, c.site, c.licenses, c.monthlyCost, c.state, fmt.labels.waste.csvColumn];
  const reasons = reasonsByAccount(report, fmt);
  return {
    name: csvFileName(report.site.code, ctx.period, ctx.locale),
    contentType: 'text/csv',
    content: new TextEncoder().encode(csvText([header, ...report.rows.map((row) => [...rowCells(row, fmt), reasons.get(row.userId) ?? ''])], ctx.locale)),
  };
}

/** Each account's reasons to review, in the mail's words, one after the other in one cell. */
function reasonsByAccount(report: SiteReport, fmt: Formatters): Map<string, string> {
  const insights = report.insights;
  const texts = new Map<string, string[]>();
  for (const item of insights?.review ?? []) {
    texts.set(item.userId, [...(texts.get(item.userId) ?? []), reviewReasonText(item, insights?.inactiveDays ?? 0, fmt)]);
  }
  return new Map([...texts].map(([userId, reasons]) => [userId, reasons.join(' | ')]));
}

/** Rows of cells as CSV text: BOM, Excel's list separator for the locale, CRLF after every line. */
export function csvText(rows: readonly (readonly string[])[], locale: RenderContext['locale']): string {
  // Excel opens a CSV with the list separator of the user's regional settings: ';' in France.
  const separator = locale === 'fr-FR' ? ';' : ',';
  return BOM + rows.map((cells) => cells.map((cell) => csvCell(cell, separator)).join(separator)).join(LINE_END) + LINE_END;
}

function rowCells(row: AccountRow, fmt: Formatters): string[] {
  const { labels } = fmt;
  const licenses = row.licenses.map((line) => (line.monthlyPriceCents === null ? `${line.label} (${labels.notAvailable})` : line.label)).join(' + ');
  const state = row.disabled && row.guest ? labels.disabledGuest : row.disabled ? labels.disabled : row.guest ? labels.guest : '';
  return [row.lastName, row.firstName, row.email, row.jobTitle, row.siteName, licenses, fmt.plainAmount(row.monthlyCostCents), state];
}

/** Neutralises formulas, then quotes per RFC 4180 when the cell holds a separator, a quote or a line break. */
function csvCell(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
