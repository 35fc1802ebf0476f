import type { PriceEntry, SubscribedSku } from '../types.js';

/** Built once per run so that pricing a license is two Map lookups, not a scan of the price list. */
export interface PriceIndex {
  /** Price rows by SKU id (lower case); only rows that carry a SkuId. */
  bySkuId: ReadonlyMap<string, readonly PriceEntry[]>;
  /** Price rows by SKU part number (trimmed, upper case). */
  byPartNumber: ReadonlyMap<string, readonly PriceEntry[]>;
  /** The tenant's SKU part numbers by SKU id (lower case), from /subscribedSkus. */
  partNumberBySkuId: ReadonlyMap<string, string>;
}

export const skuIdKey = (skuId: string): string => skuId.trim().toLowerCase();
export const partNumberKey = (partNumber: string): string => partNumber.trim().toUpperCase();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildPriceIndex(prices: readonly PriceEntry[], skus: readonly SubscribedSku[]): PriceIndex {
  const bySkuId = new Map<string, PriceEntry[]>();
  const byPartNumber = new Map<string, PriceEntry[]>();
  for (const entry of prices) {
    if (entry.skuId) push(bySkuId, skuIdKey(entry.skuId), entry);
    if (entry.skuPartNumber) push(byPartNumber, partNumberKey(entry.skuPartNumber), entry);
  }
  const partNumberBySkuId = new Map<string, string>();
  for (const sku of skus) {
    if (sku.skuPartNumber) partNumberBySkuId.set(skuIdKey(sku.skuId), sku.skuPartNumber);
  }
  return { bySkuId, byPartNumber, partNumberBySkuId };
}
