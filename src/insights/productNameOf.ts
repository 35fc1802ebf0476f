import type { ProductNames } from './types.js';

/** Microsoft's display name of a SKU, by id first (stable), then by part number. */
export function productNameOf(names: ProductNames, skuId: string, skuPartNumber: string | null): string | undefined {
  return names.get(skuId.trim().toLowerCase()) ?? (skuPartNumber ? names.get(skuPartNumber.trim().toUpperCase()) : undefined);
}
