// Pure: cost by site and by license, this month next to last month, with the difference.
import { sumCents } from '../core/money.js';
import type { RunInsights } from '../insights/types.js';
import type { Cents } from '../types.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, SHADED, textIf, type Flag, type Text } from './viewParts.js';

type CostLineView = { shaded: Flag; name: string; code: readonly Text[]; then: string; now: string; delta: string; deltaColor: string };

type CostTableView = {
  title: string;
  colName: string;
  colThen: string;
  colNow: string;
  colDelta: string;
  lines: readonly CostLineView[];
  /** One item: the lines added up. */
  total: readonly CostLineView[];
};

export type CostsView = {
  title: string;
  notes: readonly Text[];
  /** One item when last month's figures exist: the then and difference columns. */
  compared: Flag;
  /** Hidden on the first run: the site table above already gives each site's cost. */
  /** By site (absent on a first month: nothing to compare), then by license. */
  tables: readonly CostTableView[];
};

/** A rise in red, a saving in green. */
const DELTA_COLORS = { up: '#b3261e', down: '#1e7b34', same: '#5f6368' } as const;
type Line = { name: string; code: readonly Text[]; nowCents: Cents; thenCents: Cents | null };

export function buildCostsView(insights: RunInsights, period: string, fmt: Formatters): CostsView {
  const labels = fmt.labels.summary.insights;
  const previous = insights.previousPeriod;
  const upper = (text: string) => text.toLocaleUpperCase(fmt.labels.lang);
  const table = (title: string, colName: string, lines: readonly Line[]): CostTableView => {
    // The lines shown, added up: a line new this month counts for nothing last month.
    const known = lines.flatMap((line) => (line.thenCents === null ? [] : [line.thenCents]));
    const then = known.length === 0 ? null : sumCents(known);
    return {
      title,
      colName,
      colThen: previous === null ? '' : upper(fmt.month(previous)),
      colNow: upper(fmt.month(period)),
      colDelta: labels.costColumns.delta,
      lines: lines.map((line, index) => lineView(line, shadedAt(index), fmt)),
      total: [lineView({ name: labels.total, code: [], nowCents: sumCents(lines.map((line) => line.nowCents)), thenCents: then }, [], fmt)],
    };
  };
  const sites = insights.costBySite.map((site) => ({ name: truncateForDisplay(site.name), code: textIf(truncateForDisplay(site.code, 50)), nowCents: site.nowCents, thenCents: site.thenCents }));
  const licenses = insights.costByLicense.map((license) => ({ name: truncateForDisplay(license.label, 100), code: [], nowCents: license.nowCents, thenCents: license.thenCents }));
  return {
    title: labels.costsTitle,
    notes: [...textIf(previous === null && labels.firstRun), ...textIf(insights.scope === 'some-sites' && labels.partialCosts)],
    compared: previous === null ? [] : SHADED,
    tables: [
      ...(previous === null ? [] : [table(labels.costBySiteTitle, labels.costColumns.site, sites)]),
      table(labels.costByLicenseTitle, labels.costColumns.license, licenses),
    ],
  };
}

function lineView(line: Line, shaded: Flag, fmt: Formatters): CostLineView {
  const base = { shaded, name: line.name, code: line.code, now: fmt.money(line.nowCents) };
  if (line.thenCents === null) {
    return { ...base, then: '—', delta: fmt.labels.summary.insights.newLine, deltaColor: DELTA_COLORS.same };
  }
  const delta = line.nowCents - line.thenCents;
  return {
    ...base,
    then: fmt.money(line.thenCents),
    delta: fmt.signedMoney(delta),
    deltaColor: delta > 0 ? DELTA_COLORS.up : delta < 0 ? DELTA_COLORS.down : DELTA_COLORS.same,
  };
}
