import { skuIdKey } from '../core/buildPriceIndex.js';
import type { CostComparison, RunCosts } from './types.js';

const codeKey = (code: string): string => code.trim().toUpperCase();

/**
 * This month's costs next to last month's. Sites are this run's (a site without a report this
 * month has no "now" to show); a license nobody holds any more stays listed at 0 so that the
 * saving shows. `thenCents` null = not in last month's figures (or no previous run at all).
 */
export function compareCosts(current: RunCosts, previous: RunCosts | undefined): CostComparison {
  const sitesThen = new Map(previous?.bySite.map((site) => [codeKey(site.code), site.cents]));
  const licensesThen = new Map(previous?.byLicense.map((license) => [skuIdKey(license.skuId), license]));

  const costByLicense: CostComparison['costByLicense'] = current.byLicense.map((license) => ({
    skuId: license.skuId,
    label: license.label,
    nowCents: license.cents,
    thenCents: licensesThen.get(skuIdKey(license.skuId))?.cents ?? null,
  }));
  const licensesNow = new Set(current.byLicense.map((license) => skuIdKey(license.skuId)));
  for (const license of previous?.byLicense ?? []) {
    if (!licensesNow.has(skuIdKey(license.skuId))) {
      costByLicense.push({ skuId: license.skuId, label: license.label, nowCents: 0, thenCents: license.cents });
    }
  }

  return {
    previousPeriod: previous?.period ?? null,
    costBySite: current.bySite.map((site) => ({
      code: site.code,
      name: site.name,
      nowCents: site.cents,
      thenCents: sitesThen.get(codeKey(site.code)) ?? null,
    })),
    costByLicense,
  };
}
