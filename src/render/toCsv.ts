// The full list of a site's accounts as a CSV attachment that opens in Excel with a double-click.
// Choices (separator, BOM, licenses in one cell, formula neutralisation): docs/decisions/csv-format.md.
import type { MailAttachment, RenderContext } from '../ports.js';
import type { AccountRow, SiteReport } from '../types.js';
import { createFormatters, type Formatters } from './createFormatters.js';
import { csvFileName } from './csvFileName.js';

const BOM = '\uFEFF';
const LINE_END = '\r\n';
/** Excel reads a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(report: SiteReport, ctx: RenderContext, fmt: Formatters = createFormatters(ctx)): MailAttachment {
  // Excel opens a CSV with the list separator of the user's regional settings: ';' in France.
  const separator = ctx.locale === 'fr-FR' ? ';' : ',';
  const c = fmt.labels.columns;
  const header = [c.lastName, c.firstName, c.email, c.jobTitle, c.site, c.licenses, c.monthlyCost];
  const lines = [header, ...report.rows.map((row) => rowCells(row, fmt))].map((cells) =>
    cells.map((cell) => csvCell(cell, separator)).join(separator),
  );
  const text = BOM + lines.join(LINE_END) + LINE_END;
  return {
    name: csvFileName(report.site.code, ctx.period, ctx.locale),
    contentType: 'text/csv',
    content: new TextEncoder().encode(text),
  };
}

function rowCells(row: AccountRow, fmt: Formatters): string[] {
  const licenses = row.licenses
    .map((line) => (line.monthlyPriceCents === null ? `${line.label} (${fmt.labels.notAvailable})` : line.label))
    .join(' + ');
  return [row.lastName, row.firstName, row.email, row.jobTitle, row.siteName, licenses, fmt.plainAmount(row.monthlyCostCents)];
}

/** Neutralises formulas, then quotes per RFC 4180 when the cell holds a separator, a quote or a line break. */
function csvCell(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
