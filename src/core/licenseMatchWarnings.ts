import type { RunWarning, SiteReport } from '../types.js';
import { skuIdKey, type PriceIndex } from './buildPriceIndex.js';
import { matchPrice } from './matchPrice.js';

const accountsText = (n: number): string => `${n} account${n === 1 ? '' : 's'}`;

/**
 * One warning per license shown as "N/A" anywhere in the run, with how many accounts hold it
 * (each account once even when it belongs to several sites), so IT fixes the price list once.
 */
export function licenseMatchWarnings(reports: readonly SiteReport[], index: PriceIndex): RunWarning[] {
  const holders = new Map<string, { skuId: string; users: Set<string> }>();
  for (const report of reports) {
    for (const row of report.rows) {
      for (const line of row.licenses) {
        if (line.match === 'priced') continue;
        const key = skuIdKey(line.skuId);
        const entry = holders.get(key) ?? { skuId: line.skuId, users: new Set<string>() };
        entry.users.add(row.userId);
        holders.set(key, entry);
      }
    }
  }

  const warnings = [...holders.values()].map(({ skuId, users }): RunWarning & { sortKey: string } => {
    const match = matchPrice(index, skuId);
    const sku = match.technicalName;
    const accounts = users.size;
    if (match.match === 'duplicate') {
      const rows = match.rows.map((row) => ({ rowId: row.rowId, name: row.commercialName }));
      const named = rows.map((row) => `Id ${row.rowId} "${row.name}"`).join(', ');
      return {
        sortKey: sku,
        code: 'duplicate-price-rows',
        message: `License ${sku} matches ${rows.length} price rows (${named}): shown as N/A for ${accountsText(accounts)}; keep one row`,
        details: { sku, skuId, accounts, rows },
      };
    }
    return {
      sortKey: sku,
      code: 'unpriced-sku',
      message: `License ${sku} has no row in the price list: shown as N/A for ${accountsText(accounts)}`,
      details: { sku, skuId, accounts },
    };
  });
  return warnings.sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map(({ sortKey: _sortKey, ...warning }) => warning);
}
