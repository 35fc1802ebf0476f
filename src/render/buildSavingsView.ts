// Pure: the summary's possible savings (the organisation's headline per month and per year, then
// its breakdown, each account counted once) and the sites with the largest ones.
import type { RunInsights } from '../insights/types.js';
import type { SavingsCategory, SavingsLine, SiteSavings } from '../insights/waste/wasteTypes.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type Text } from './viewParts.js';

export type SavingsView = {
  title: string;
  intro: string;
  headline: readonly { amount: string; annual: string }[];
  lines: readonly { label: string; value: string; sub: readonly Text[] }[];
  notes: readonly Text[];
};

export type TopSitesView = {
  title: string;
  intro: string;
  colSite: string;
  colCost: string;
  items: readonly { shaded: Flag; name: string; code: readonly Text[]; meta: readonly Text[]; cost: string; annual: readonly Text[] }[];
};

export function buildSavingsView(insights: RunInsights, fmt: Formatters): SavingsView[] {
  const waste = insights.waste;
  if (!waste) return [];
  const w = fmt.labels.waste;
  const { savings } = waste;
  const count = (n: number) => [fmt.count(n), fmt.isOne(n)] as const;
  const label = (line: SavingsLine): string => {
    const words: Record<SavingsCategory, () => string> = {
      'idle-seats': () => w.lines.idle(...count(line.count)),
      disabled: () => w.lines.disabled(...count(line.count)),
      'never-used': () => w.lines.neverUsed(...count(line.count)),
      inactive: () => w.lines.inactive({ n: fmt.count(line.count), one: fmt.isOne(line.count) }, fmt.count(waste.inactiveDays)),
      redundant: () => w.lines.redundant(...count(line.count)),
    };
    return words[line.category]();
  };
  return [
    {
      title: fmt.labels.summary.savingsTitle,
      intro: w.savingsIntro,
      headline: [{ amount: `${fmt.money(savings.monthlyCents)}${w.savingsAfter}`, annual: w.perYear(fmt.money(savings.annualCents)) }],
      lines: savings.breakdown.map((line) => ({
        label: label(line),
        value: fmt.money(line.monthlyCents),
        sub: [{ text: w.perYearShort(fmt.money(line.annualCents)) }],
      })),
      notes: [
        ...textIf(insights.inactivityCheck === 'unavailable' && w.inactivityNotChecked),
        ...textIf(insights.scope === 'some-sites' && w.partialSavings),
        ...textIf(waste.overlapExceptions.length > 0 && w.exceptions(truncateForDisplay(waste.overlapExceptions.join(', '), 300))),
      ],
    },
  ];
}

/** "2 désactivés · 3 inactifs · 1 licence en double": what a site's figure is made of. */
function siteParts(site: SiteSavings, fmt: Formatters): string {
  const parts = fmt.labels.waste.siteParts;
  const words: Partial<Record<SavingsCategory, typeof parts.disabled>> = {
    disabled: parts.disabled,
    'never-used': parts.neverUsed,
    inactive: parts.inactive,
    redundant: parts.redundant,
  };
  return site.breakdown
    .filter((line) => line.count > 0 && line.monthlyCents > 0)
    .flatMap((line) => {
      const say = words[line.category];
      return say ? [say(fmt.count(line.count), fmt.isOne(line.count))] : [];
    })
    .join(' · ');
}

/** The `shown` sites with the largest possible savings (none for a site with nothing to save). */
export function buildTopSitesView(insights: RunInsights, shown: number, fmt: Formatters): TopSitesView[] {
  const sites = (insights.waste?.sites ?? []).filter((site) => site.monthlyCents > 0).slice(0, shown);
  if (sites.length === 0) return [];
  const w = fmt.labels.waste;
  return [
    {
      title: w.topSitesTitle,
      intro: w.topSitesIntro,
      colSite: fmt.labels.summary.siteColumns.site.split(' · ')[0] ?? '',
      colCost: fmt.labels.summary.savingsTitle.toLocaleUpperCase(fmt.labels.lang),
      items: sites.map((site, index) => ({
        shaded: shadedAt(index),
        name: truncateForDisplay(site.name),
        code: textIf(truncateForDisplay(site.code, 50)),
        meta: textIf(siteParts(site, fmt)),
        cost: fmt.money(site.monthlyCents),
        annual: [{ text: w.perYearShort(fmt.money(site.annualCents)) }],
      })),
    },
  ];
}
