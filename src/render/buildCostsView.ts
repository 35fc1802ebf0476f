// Pure: cost by license, this month next to last month, with the difference (the cost by site is in
// the site list, buildSitesView.ts). One block per license: name and last month on the left, this
// month and the difference on the right.
import { sumCents } from '../core/money.js';
import type { RunInsights } from '../insights/types.js';
import type { Cents } from '../types.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type Text } from './viewParts.js';

export type DeltaView = { text: string; color: string };
export type CostLineView = { shaded: Flag; name: string; meta: readonly Text[]; now: string; delta: readonly DeltaView[] };

export type CostsView = {
  title: string;
  notes: readonly Text[];
  colLicense: string;
  colCost: string;
  lines: readonly CostLineView[];
  more: readonly Text[];
  /** One item: every license added up. */
  total: readonly CostLineView[];
};

/** A rise in red, a saving in green. */
export const DELTA_COLORS = { up: '#b42318', down: '#1e7b34', same: '#52606d' } as const;

/** "+6,30 €" in red, "-6,30 €" in green, "nouveau" in grey; nothing on a first month. */
export function deltaView(nowCents: Cents, thenCents: Cents | null, previous: string | null, fmt: Formatters): DeltaView[] {
  if (previous === null) return [];
  if (thenCents === null) return [{ text: fmt.labels.summary.insights.newLine, color: DELTA_COLORS.same }];
  const delta = nowCents - thenCents;
  return [{ text: fmt.signedMoney(delta), color: delta > 0 ? DELTA_COLORS.up : delta < 0 ? DELTA_COLORS.down : DELTA_COLORS.same }];
}

/** "octobre 2026 : 20,00 €" under a figure, when last month is known. */
export function thenLine(thenCents: Cents | null, previous: string | null, fmt: Formatters): Text[] {
  if (previous === null) return [];
  const amount = thenCents === null ? '—' : fmt.money(thenCents);
  return [{ text: fmt.labels.summary.insights.thenLine(fmt.month(previous), amount) }];
}

export function buildCostsView(insights: RunInsights, shown: number, fmt: Formatters): CostsView {
  const labels = fmt.labels.summary.insights;
  const previous = insights.previousPeriod;
  const columns = labels.licenseColumns;
  const line = (name: string, nowCents: Cents, thenCents: Cents | null, shaded: Flag): CostLineView => ({
    shaded,
    name,
    meta: thenLine(thenCents, previous, fmt),
    now: fmt.money(nowCents),
    delta: deltaView(nowCents, thenCents, previous, fmt),
  });
  const licenses = insights.costByLicense;
  // Every license added up, shown or not: a license new this month counts for nothing last month.
  const known = licenses.flatMap((license) => (license.thenCents === null ? [] : [license.thenCents]));
  const then = previous === null || known.length === 0 ? null : sumCents(known);
  const hidden = licenses.length - Math.min(shown, licenses.length);
  return {
    title: labels.costByLicenseTitle,
    notes: [...textIf(previous === null && labels.firstRun), ...textIf(insights.scope === 'some-sites' && labels.partialCosts)],
    colLicense: previous === null ? columns.license : `${columns.license} · ${columns.previous}`,
    colCost: previous === null ? columns.cost : `${columns.cost} · ${columns.delta}`,
    lines: licenses.slice(0, shown).map((license, index) => line(truncateForDisplay(license.label, 100), license.nowCents, license.thenCents, shadedAt(index))),
    more: hidden > 0 ? [{ text: fmt.labels.insights.more(fmt.count(hidden), fmt.isOne(hidden)) }] : [],
    total: [line(labels.total, sumCents(licenses.map((license) => license.nowCents)), then, [])],
  };
}
