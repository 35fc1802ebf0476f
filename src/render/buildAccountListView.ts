// Pure: a bounded table of accounts (arrivals, departures, accounts to review, accounts in no
// site...): the first `shown` items, then "… and N more". Every value is cut to a display length.
import type { Formatters } from './createFormatters.js';
import { EMAIL_MAX_CHARS, truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type Text } from './viewParts.js';

// Kept short so that the longest directory values cannot push a site mail over its size limit.
const MAX_LICENSE_LINES = 3;
const MAX_NAME_CHARS = 80;

type AccountListItem = { shaded: Flag; name: string; email: string; extra: readonly Text[]; licenseCell: readonly { lines: readonly Text[] }[]; cost: string };

export type AccountListView = {
  heading: readonly Text[];
  colAccount: string;
  colEmail: string;
  /** One item when the table has a column between the e-mail and the licenses (reason, state, sites). */
  colExtra: readonly Text[];
  colLicenses: readonly Text[];
  colCost: string;
  items: readonly AccountListItem[];
  more: readonly Text[];
};

/** What one account shows; `extra` only when the list has an extra column, `licenses` only when it has licenses. */
type AccountListLine = { name: string; email: string; extra?: string; licenses?: readonly string[]; cost: string };

export function buildAccountListView<T>(
  items: readonly T[],
  shown: number,
  fmt: Formatters,
  options: { heading?: string; extraColumn?: string; withLicenses: boolean; toLine: (item: T) => AccountListLine },
): AccountListView {
  const { insights: labels } = fmt.labels;
  const hidden = items.length - shown;
  return {
    heading: textIf(options.heading),
    colAccount: labels.columns.account,
    colEmail: fmt.labels.columns.email,
    colExtra: textIf(options.extraColumn),
    colLicenses: options.withLicenses ? [{ text: fmt.labels.columns.licenses }] : [],
    colCost: fmt.labels.columns.monthlyCost,
    items: items.slice(0, shown).map((item, index) => {
      const line = options.toLine(item);
      return {
        shaded: shadedAt(index),
        name: truncateForDisplay(line.name, MAX_NAME_CHARS),
        email: truncateForDisplay(line.email, EMAIL_MAX_CHARS),
        extra: options.extraColumn === undefined ? [] : [{ text: truncateForDisplay(line.extra ?? '', 120) }],
        licenseCell: options.withLicenses ? [{ lines: licenseLines(line.licenses ?? [], fmt) }] : [],
        cost: line.cost,
      };
    }),
    more: hidden > 0 ? [{ text: labels.more(fmt.count(hidden), fmt.isOne(hidden)) }] : [],
  };
}

function licenseLines(licenses: readonly string[], fmt: Formatters): Text[] {
  if (licenses.length === 0) return [{ text: fmt.labels.noLicense }];
  const lines = licenses.slice(0, MAX_LICENSE_LINES).map((label) => ({ text: truncateForDisplay(label, 60) }));
  const hidden = licenses.length - MAX_LICENSE_LINES;
  if (hidden > 0) lines.push({ text: fmt.labels.insights.more(fmt.count(hidden), fmt.isOne(hidden)) });
  return lines;
}
