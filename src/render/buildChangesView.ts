// Pure: a site's changes since its last report -> what the site mail shows (short: the lists are bounded).
import type { AccountChange, LicenseChange, SiteChanges } from '../insights/types.js';
import type { AccountRow } from '../types.js';
import { buildAccountListView, type AccountListView } from './buildAccountListView.js';
import type { Formatters } from './createFormatters.js';
import { labelLines, licenseLines } from './licenseLines.js';
import { textIf, type LabelValue, type Text } from './viewParts.js';

export type ChangesView = {
  title: string;
  notes: readonly Text[];
  /** One item when there is a previous report to compare the cost with. */
  cost: readonly { lines: readonly LabelValue[] }[];
  lists: readonly AccountListView[];
};

/**
 * `shown`: lines each list may show, in the order arrived, left, license changes (see allotLines).
 * `rows`: the site's accounts by id, so that an arrival reads exactly as in the account list.
 */
export function buildChangesView(
  changes: SiteChanges | null,
  period: string,
  shown: readonly [number, number, number],
  fmt: Formatters,
  rows: ReadonlyMap<string, AccountRow> = new Map(),
): ChangesView {
  const labels = fmt.labels.insights;
  if (changes === null) return { title: labels.changesTitle, notes: [{ text: labels.changesUnavailable }], cost: [], lists: [] };
  if (changes.firstReport) return { title: labels.changesTitle, notes: [{ text: labels.firstReport }], cost: [], lists: [] };

  const { arrived, left, licenseChanges } = changes;
  const nothing = arrived.length === 0 && left.length === 0 && licenseChanges.length === 0;
  const account = (change: AccountChange) => {
    const row = rows.get(change.userId);
    return {
      name: row ? fmt.labels.fullName(row.lastName, row.firstName) : change.name,
      email: change.email,
      licenses: row ? licenseLines(row.licenses, fmt) : labelLines(change.licenses, fmt),
      cost: fmt.money(row ? row.monthlyCostCents : change.monthlyCostCents),
      disabled: row?.disabled ?? false,
      guest: row?.guest ?? false,
    };
  };
  const nameOf = (change: LicenseChange) => {
    const row = rows.get(change.userId);
    return row ? fmt.labels.fullName(row.lastName, row.firstName) : change.name;
  };
  const licenseChange = (change: LicenseChange) => ({
    name: nameOf(change),
    email: change.email,
    licenses: labelLines([...change.added.map((name) => labels.added(name)), ...change.removed.map((name) => labels.removed(name))], fmt),
    cost: `${fmt.money(change.costThenCents)} → ${fmt.money(change.costNowCents)}`,
  });
  const counted = (title: (n: string, one: boolean) => string, n: number) => title(fmt.count(n), fmt.isOne(n));
  const lists = [
    arrived.length === 0 ? undefined : buildAccountListView(arrived, shown[0], fmt, { heading: counted(labels.arrived, arrived.length), toLine: account }),
    left.length === 0 ? undefined : buildAccountListView(left, shown[1], fmt, { heading: counted(labels.left, left.length), toLine: account }),
    licenseChanges.length === 0
      ? undefined
      : buildAccountListView(licenseChanges, shown[2], fmt, { heading: counted(labels.licenseChanges, licenseChanges.length), toLine: licenseChange }),
  ].filter((list): list is AccountListView => list !== undefined);

  const previous = changes.previousPeriod;
  const cost =
    previous === undefined || changes.costThenCents === undefined
      ? []
      : [
          {
            lines: [
              { label: labels.costIn(fmt.month(previous)), value: fmt.money(changes.costThenCents) },
              { label: labels.costIn(fmt.month(period)), value: fmt.money(changes.costNowCents) },
              { label: labels.costDelta, value: fmt.signedMoney(changes.deltaCents ?? changes.costNowCents - changes.costThenCents) },
            ],
          },
        ];
  return {
    title: previous === undefined ? labels.changesTitle : labels.changesSince(fmt.month(previous)),
    notes: textIf(nothing && labels.noChange),
    cost,
    lists,
  };
}
