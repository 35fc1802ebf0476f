import type { RunInsights, SiteInsights } from '../src/insights/types.js';
import { formatWaste } from './formatWaste.js';

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const REVIEW_REASONS: Record<string, string> = {
  'disabled-with-paid-license': 'disabled with a paid license',
  inactive: 'inactive',
  'guest-with-paid-license': 'guests with a paid license',
  'never-used': 'never used',
  'redundant-license': 'redundant license',
  'assignment-error': 'assignment error',
};

export interface InsightsSource {
  insights?: unknown;
  sites: ReadonlyArray<{ code: string; insights?: unknown }>;
}

/**
 * A few lines of a run's insights for the terminal: per site, the changes since the last report
 * and the accounts to review; for the run, idle seats, accounts in no site or in several, cost
 * against last month, and the waste (formatWaste). Reads defensively: it prints what it recognises and nothing for a run
 * result without insights.
 */
export function formatInsights(result: InsightsSource, locale: string, currency: string): string[] {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const cents = (value: number) => money.format(value / 100);
  const lines = siteLines(result.sites);
  if (typeof result.insights !== 'object' || result.insights === null) return lines;
  const i = result.insights as Partial<RunInsights>;

  if (isArray(i.seats)) {
    const idle = i.seats.filter((seat) => isNumber(seat?.idle) && seat.idle > 0 && isNumber(seat.unitPriceCents) && seat.unitPriceCents > 0);
    const seats = idle.reduce((sum, seat) => sum + seat.idle, 0);
    const detail = idle.map((seat) => `${seat.skuPartNumber} ${seat.idle}`).join(', ');
    lines.push(`Idle paid seats: ${seats}${isNumber(i.idleCostCents) ? `, ${cents(i.idleCostCents)} a month` : ''}${detail ? ` (${detail})` : ''}`);
  }
  if (i.coverageCheck === 'unavailable') lines.push("Licensed accounts in no site: unknown (the tenant's users could not be read)");
  else if (isArray(i.uncovered)) {
    lines.push(`Licensed accounts in no site: ${i.uncovered.length}${isNumber(i.uncoveredCostCents) ? `, ${cents(i.uncoveredCostCents)} a month` : ''}`);
  }
  if (isArray(i.multiSite) && i.multiSite.length > 0) {
    const over = isNumber(i.overcountCents) && i.overcountCents > 0 ? ` (counted once; the site totals add ${cents(i.overcountCents)} too much)` : '';
    lines.push(`Accounts in several sites: ${i.multiSite.length}${over}`);
  }
  if (isNumber(i.tenantCostCents)) lines.push(`Every licensed account once: ${cents(i.tenantCostCents)} a month`);
  if (i.previousPeriod === null) lines.push('Cost by site: first run, nothing to compare with yet');
  else if (typeof i.previousPeriod === 'string' && isArray(i.costBySite)) {
    const moved = i.costBySite.filter((site) => isNumber(site?.nowCents) && isNumber(site.thenCents) && site.nowCents !== site.thenCents);
    const detail = moved
      .map((site) => `${site.code} ${site.nowCents > (site.thenCents ?? 0) ? '+' : ''}${cents(site.nowCents - (site.thenCents ?? 0))}`)
      .join(', ');
    lines.push(`Cost by site against ${i.previousPeriod}: ${moved.length ? detail : 'unchanged'}`);
  }
  if (i.inactivityCheck === 'unavailable') lines.push('Inactive accounts: not checked (sign-in activity unavailable)');
  lines.push(...formatWaste(i.waste, cents));
  return lines;
}

function siteLines(sites: InsightsSource['sites']): string[] {
  const withInsights = sites.flatMap((site) => {
    if (typeof site.insights !== 'object' || site.insights === null) return [];
    const insights: Partial<SiteInsights> = site.insights;
    return [{ code: site.code, insights }];
  });
  if (withInsights.length === 0) return [];
  const lines: string[] = [];
  const compared = withInsights.filter((site) => site.insights.changes && !site.insights.changes.firstReport);
  if (compared.length === 0) lines.push('Changes since the last report: none to show, first report of every site');
  else {
    const since = compared[0]?.insights.changes?.previousPeriod;
    const moved = compared.flatMap(({ code, insights }) => {
      const c = insights.changes;
      const parts = [
        isArray(c?.arrived) && c.arrived.length ? `${c.arrived.length} arrived` : '',
        isArray(c?.left) && c.left.length ? `${c.left.length} left` : '',
        isArray(c?.licenseChanges) && c.licenseChanges.length ? `${c.licenseChanges.length} license change(s)` : '',
      ].filter(Boolean);
      return parts.length ? [`${code} ${parts.join(', ')}`] : [];
    });
    lines.push(`Changes since ${since ?? 'the last report'}: ${moved.length ? moved.join('; ') : 'none'}`);
  }
  const review = withInsights.flatMap((site) => (isArray(site.insights.review) ? site.insights.review : []));
  const byReason = new Map<string, number>();
  for (const item of review) byReason.set(item.reason, (byReason.get(item.reason) ?? 0) + 1);
  const reasons = [...byReason].map(([reason, n]) => `${REVIEW_REASONS[reason] ?? reason} ${n}`).join(', ');
  lines.push(`Accounts to review: ${review.length}${reasons ? ` (${reasons})` : ''}`);
  return lines;
}
