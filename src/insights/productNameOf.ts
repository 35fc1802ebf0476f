import { partNumberKey, skuIdKey } from '../core/buildPriceIndex.js';
import type { ProductNames } from './types.js';

/** Microsoft's display name of a SKU, by id first (stable), then by part number. */
export function productNameOf(names: ProductNames, skuId: string, skuPartNumber: string | null): string | undefined {
  return names.get(skuIdKey(skuId)) ?? (skuPartNumber ? names.get(partNumberKey(skuPartNumber)) : undefined);
}
