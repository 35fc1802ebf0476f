// Pure: licensed accounts in no site (with their cost) and accounts in several sites (counted once
// in the organisation total, and the mail says so). Not computed for a run limited to some sites.
import type { RunInsights } from '../insights/types.js';
import { buildAccountListView, type AccountListView } from './buildAccountListView.js';
import type { Formatters } from './createFormatters.js';
import { licenseLines } from './licenseLines.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { textIf, type LabelValue, type Text } from './viewParts.js';

export type CoverageView = {
  title: string;
  notes: readonly Text[];
  /** Accounts in no site, then accounts in several sites. */
  lists: readonly AccountListView[];
  multiSiteNote: readonly Text[];
  totals: readonly LabelValue[];
};

/** `shown`: accounts each list may show (the summary shrinks it when the body would be too heavy). */
export function buildCoverageView(insights: RunInsights, shown: number, fmt: Formatters): CoverageView {
  const labels = fmt.labels.summary.insights;
  const partial = insights.scope === 'some-sites';
  const checked = !partial && insights.coverageCheck === 'ok';
  const n = insights.uncovered.length;
  const incomplete = insights.incompleteSites.map((code) => truncateForDisplay(code, 50)).join(', ');
  const notes = [
    ...textIf(partial && labels.coveragePartial),
    ...textIf(!partial && !checked && labels.coverageUnavailable),
    ...textIf(checked && n === 0 && labels.uncoveredNone),
    ...textIf(checked && n > 0 && incomplete && labels.incompleteSites(incomplete)),
  ];
  const uncovered = buildAccountListView(insights.uncovered, Math.min(n, shown), fmt, {
    heading: labels.uncoveredTitle(fmt.count(n), fmt.isOne(n), fmt.money(insights.uncoveredCostCents)),
    toLine: (account) => ({
      name: account.name,
      email: account.email,
      licenses: licenseLines(account.licenses, fmt),
      cost: fmt.money(account.monthlyCostCents),
      disabled: account.disabled,
      guest: account.guest,
    }),
  });
  const m = insights.multiSite.length;
  const multiSite = buildAccountListView(insights.multiSite, Math.min(m, shown), fmt, {
    heading: labels.multiSiteTitle(fmt.count(m), fmt.isOne(m)),
    toLine: (account) => ({
      name: account.name,
      email: account.email,
      note: labels.inSites(account.siteCodes.map((code) => truncateForDisplay(code, 50)).join(', ')),
      licenses: [],
      cost: fmt.money(account.monthlyCostCents),
    }),
  });
  return {
    title: labels.coverageTitle,
    notes,
    lists: [...(checked && n > 0 ? [uncovered] : []), ...(m > 0 ? [multiSite] : [])],
    multiSiteNote: textIf(
      m > 0 &&
        (insights.overcountCents === 0
          ? labels.multiSiteNoteFree
          : labels.multiSiteNote(fmt.money(insights.sitesTotalCents), fmt.money(insights.overcountCents), fmt.money(insights.organisationCostCents))),
    ),
    totals: checked ? [{ label: labels.tenantTotal, value: fmt.money(insights.tenantCostCents) }] : [],
  };
}
