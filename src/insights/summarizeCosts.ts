import { skuIdKey } from '../core/buildPriceIndex.js';
import type { Cents, SiteReport } from '../types.js';
import type { LicenseCost, Period, RunCosts, UncoveredAccount } from './types.js';

/**
 * This month's costs by site (as each site's mail shows them) and by license over every licensed
 * account counted once: accounts of several sites once, plus the accounts in no site. Only priced
 * licenses count, as in the reports' totals.
 */
export function summarizeCosts(siteReports: readonly SiteReport[], uncovered: readonly UncoveredAccount[], period: Period, takenAt: Date): RunCosts {
  const byLicense = new Map<string, { skuId: string; label: string; cents: Cents }>();
  const add = (line: LicenseCost): void => {
    if (line.monthlyPriceCents === null) return;
    const key = skuIdKey(line.skuId);
    const entry = byLicense.get(key);
    if (entry) entry.cents += line.monthlyPriceCents;
    else byLicense.set(key, { skuId: line.skuId, label: line.label, cents: line.monthlyPriceCents });
  };

  const counted = new Set<string>();
  for (const report of siteReports) {
    for (const row of report.rows) {
      if (counted.has(row.userId)) continue;
      counted.add(row.userId);
      row.licenses.forEach(add);
    }
  }
  for (const account of uncovered) {
    if (counted.has(account.userId)) continue;
    counted.add(account.userId);
    account.licenses.forEach(add);
  }

  return {
    schema: 1,
    period,
    takenAt: takenAt.toISOString(),
    bySite: siteReports.map((report) => ({ code: report.site.code, name: report.site.name, cents: report.monthlyCostCents })),
    byLicense: [...byLicense.values()].sort((a, b) => b.cents - a.cents || a.label.localeCompare(b.label)),
  };
}
