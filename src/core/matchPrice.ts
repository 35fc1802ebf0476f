import type { LicenseLine, PriceEntry } from '../types.js';
import { partNumberKey, skuIdKey, type PriceIndex } from './buildPriceIndex.js';

interface PriceMatch extends Omit<LicenseLine, 'skuId'> {
  /** The price rows that matched: one when priced, several when duplicate, none when unpriced. */
  rows: readonly PriceEntry[];
  /** The name used in warnings: the tenant's SKU part number, or the SKU id when the tenant no longer knows it. */
  technicalName: string;
}

/**
 * The join rule: price rows that carry the license's SkuId win; otherwise rows with its SKU part
 * number (case-insensitive). Exactly one row prices the license; none or several give "N/A",
 * because picking one of two conflicting prices would put a guess into a bill.
 */
export function matchPrice(index: PriceIndex, skuId: string): PriceMatch {
  const tenantPartNumber = index.partNumberBySkuId.get(skuIdKey(skuId)) ?? null;
  const technicalName = tenantPartNumber ?? skuId;
  const rows = index.bySkuId.get(skuIdKey(skuId)) ?? (tenantPartNumber ? index.byPartNumber.get(partNumberKey(tenantPartNumber)) : undefined) ?? [];

  const [only] = rows;
  if (rows.length === 1 && only) {
    return {
      rows,
      technicalName,
      label: only.commercialName,
      monthlyPriceCents: only.monthlyPriceCents,
      match: 'priced',
      skuPartNumber: tenantPartNumber ?? (only.skuPartNumber || null),
    };
  }
  return {
    rows,
    technicalName,
    label: technicalName,
    monthlyPriceCents: null,
    match: rows.length === 0 ? 'unpriced' : 'duplicate',
    skuPartNumber: tenantPartNumber,
  };
}
