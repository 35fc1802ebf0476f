import type { SiteReport } from '../types.js';
import { productNameOf } from './productNameOf.js';
import type { ProductNames } from './types.js';

/**
 * The report with Microsoft's product name on each license that has no price row ("Visio Plan 2"
 * rather than VISIOCLIENT). Licenses matched by several price rows keep their technical name: the
 * mail must show the name the price list needs fixed. Returns the same report when nothing changes.
 */
export function applyProductNames(report: SiteReport, names: ProductNames, collator?: Intl.Collator): SiteReport {
  if (names.size === 0) return report;
  let changed = false;
  const rows = report.rows.map((row) => {
    let rowChanged = false;
    const licenses = row.licenses.map((line) => {
      const name = line.match === 'unpriced' ? productNameOf(names, line.skuId, line.skuPartNumber) : undefined;
      if (!name || name === line.label) return line;
      rowChanged = true;
      return { ...line, label: name };
    });
    if (!rowChanged) return row;
    changed = true;
    if (collator) licenses.sort((a, b) => collator.compare(a.label, b.label));
    return { ...row, licenses };
  });
  return changed ? { ...report, rows } : report;
}
