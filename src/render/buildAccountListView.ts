// Pure: a bounded list of accounts (accounts to review, arrivals, departures, accounts in no site...)
// as account blocks: the first `shown` items, then "… and N more". Every value is cut to a display length.
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { lines, shadedAt, textIf, type AccountBlock, type Text } from './viewParts.js';

// Kept short so that the longest directory values cannot push a site mail over its size limit.
const MAX_LICENSE_LINES = 4;
const MAX_NAME_CHARS = 80;
/** A reason with a long license and group name still reads whole. */
const MAX_NOTE_CHARS = 240;
/** Addresses may wrap now (between characters, as mail clients do); absurd ones are still cut. */
export const ADDRESS_MAX_CHARS = 80;

export type AccountListView = {
  heading: readonly Text[];
  colAccount: string;
  colCost: string;
  items: readonly AccountBlock[];
  more: readonly Text[];
};

/** What one account shows: `licenses` are ready lines (see licenseLines.ts). */
export type AccountListLine = {
  name: string;
  email: string;
  meta?: readonly string[];
  note?: string;
  /** Several notes, one line each (the reasons to review an account). */
  notes?: readonly string[];
  licenses: readonly string[];
  cost: string;
  disabled?: boolean;
  guest?: boolean;
};

export function buildAccountListView<T>(
  items: readonly T[],
  shown: number,
  fmt: Formatters,
  options: { heading?: string; toLine: (item: T) => AccountListLine },
): AccountListView {
  const hidden = items.length - shown;
  return {
    heading: textIf(options.heading),
    colAccount: fmt.labels.listColumns.account,
    colCost: fmt.labels.listColumns.total,
    items: items.slice(0, shown).map((item, index) => accountBlock(options.toLine(item), index, fmt)),
    more: hidden > 0 ? [{ text: fmt.labels.insights.more(fmt.count(hidden), fmt.isOne(hidden)) }] : [],
  };
}

export function accountBlock(line: AccountListLine, index: number, fmt: Formatters): AccountBlock {
  const licenses = line.licenses.slice(0, MAX_LICENSE_LINES);
  const hidden = line.licenses.length - licenses.length;
  if (hidden > 0) licenses.push(fmt.labels.insights.more(fmt.count(hidden), fmt.isOne(hidden)));
  return {
    shaded: shadedAt(index),
    name: truncateForDisplay(line.name, MAX_NAME_CHARS),
    disabledBadge: line.disabled ? [{ label: fmt.labels.disabled }] : [],
    guestBadge: line.guest ? [{ label: fmt.labels.guest }] : [],
    meta: lines([truncateForDisplay(line.email, ADDRESS_MAX_CHARS), ...(line.meta ?? []).map((text) => truncateForDisplay(text))]),
    note: lines([line.note, ...(line.notes ?? [])].map((note) => note && truncateForDisplay(note, MAX_NOTE_CHARS))),
    licenses: lines(licenses),
    cost: line.cost,
  };
}
