import type { PriceColumns } from '../config/Config.js';
import { partNumberKey, skuIdKey } from '../core/buildPriceIndex.js';
import { readCell } from '../core/readCell.js';
import { productNameOf } from '../insights/productNameOf.js';
import type { ProductNames } from '../insights/types.js';
import type { RawRecord } from '../ports.js';
import type { SubscribedSku } from '../types.js';

export interface PrefillPlan {
  /** New price rows, price left empty, in part-number order. */
  rows: RawRecord[];
  /** Tenant SKUs some row already prices or names (by SKU id or part number). */
  alreadyListed: number;
}

/**
 * Price rows for the tenant's SKUs that no row mentions yet: part number, SKU id and Microsoft's
 * product name (the part number when the name is unknown); the admin fills in the price.
 */
export function planPricePrefill(skus: readonly SubscribedSku[], existing: readonly RawRecord[], columns: PriceColumns, names: ProductNames): PrefillPlan {
  const ids = new Set(
    existing
      .map((row) => readCell(row[columns.skuId]))
      .filter((v): v is string => v !== undefined)
      .map(skuIdKey),
  );
  const parts = new Set(
    existing
      .map((row) => readCell(row[columns.skuPartNumber]))
      .filter((v): v is string => v !== undefined)
      .map(partNumberKey),
  );
  const missing = skus.filter((sku) => !ids.has(skuIdKey(sku.skuId)) && !(sku.skuPartNumber && parts.has(partNumberKey(sku.skuPartNumber))));
  const rows = [...missing]
    .sort((a, b) => a.skuPartNumber.localeCompare(b.skuPartNumber))
    .map((sku): RawRecord => ({
      [columns.commercialName]: productNameOf(names, sku.skuId, sku.skuPartNumber) ?? (sku.skuPartNumber || sku.skuId),
      [columns.skuPartNumber]: sku.skuPartNumber,
      [columns.skuId]: sku.skuId,
    }));
  return { rows, alreadyListed: skus.length - missing.length };
}
