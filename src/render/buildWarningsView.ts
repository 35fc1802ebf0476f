// Pure: the run's warnings grouped by kind, in the dictionary's order, each group bounded. The
// price-list warnings IT acts on (no price, duplicate rows) read in the mail's language, with
// Microsoft's product name beside the technical one.
import type { RunWarning } from '../types.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import type { Text } from './viewParts.js';

export type WarningsView = {
  title: string;
  /** details: one item holding the warning's details, when it has some. */
  groups: readonly { heading: string; items: readonly { message: string; details: readonly Text[] }[] }[];
};

const MAX_WARNINGS_PER_GROUP = 50;

export function buildWarningsView(warnings: readonly RunWarning[], fmt: Formatters): WarningsView {
  const headings = fmt.labels.summary.warningHeadings;
  const byCode = new Map<string, RunWarning[]>();
  for (const warning of warnings) {
    const group = byCode.get(warning.code);
    if (group) group.push(warning);
    else byCode.set(warning.code, [warning]);
  }
  // Known codes in the dictionary's order, then any code this renderer does not know yet.
  const known = Object.keys(headings).filter((code) => byCode.has(code));
  const codes = [...known, ...[...byCode.keys()].filter((code) => !(code in headings))];
  return {
    title: fmt.labels.summary.warningsTitle,
    groups: codes.map((code) => {
      const group = byCode.get(code) ?? [];
      const items = group.slice(0, MAX_WARNINGS_PER_GROUP).map((warning) => {
        const localized = priceWarningText(warning, fmt);
        if (localized !== undefined) return { message: truncateForDisplay(localized, 1000), details: [] };
        const details = detailsText(warning.details);
        return { message: truncateForDisplay(warning.message, 1000), details: details ? [{ text: details }] : [] };
      });
      if (group.length > MAX_WARNINGS_PER_GROUP) {
        items.push({ message: `… (+${fmt.count(group.length - MAX_WARNINGS_PER_GROUP)})`, details: [] });
      }
      return { heading: (headings as Record<string, string>)[code] ?? code, items };
    }),
  };
}

/** "VISIOCLIENT (Visio Plan 2) — 3 comptes"; undefined when the warning lacks the details to say it. */
function priceWarningText(warning: RunWarning, fmt: Formatters): string | undefined {
  const labels = fmt.labels.summary.insights;
  const { sku, accounts, productName, rows } = warning.details ?? {};
  if (typeof sku !== 'string' || typeof accounts !== 'number') return undefined;
  if (warning.code === 'unpriced-sku') {
    const name = typeof productName === 'string' && productName !== sku ? productName : undefined;
    return labels.unpricedLine(sku, name, fmt.count(accounts), fmt.isOne(accounts));
  }
  if (warning.code === 'duplicate-price-rows' && Array.isArray(rows)) {
    const named = rows.map((row: { rowId?: unknown; name?: unknown }) => labels.priceRow(String(row?.rowId), String(row?.name)));
    return labels.duplicateLine(sku, fmt.count(accounts), fmt.isOne(accounts), named.join(', '));
  }
  return undefined;
}

function detailsText(details: Record<string, unknown> | undefined): string {
  if (!details) return '';
  const show = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(show).join(', ');
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  };
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${show(value)}`)
    .join(' · ');
  return truncateForDisplay(text, 300);
}
