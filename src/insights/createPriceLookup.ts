import type { PriceIndex } from '../core/buildPriceIndex.js';
import { matchPrice } from '../core/matchPrice.js';
import { productNameOf } from './productNameOf.js';
import type { PriceLookup, ProductNames } from './types.js';

/**
 * Names and prices a SKU exactly as the site reports do (the core's join rule), except that a SKU
 * with no price row shows Microsoft's product name instead of its technical name when known.
 */
export function createPriceLookup(index: PriceIndex, productNames: ProductNames): PriceLookup {
  return (skuId) => {
    const { label, monthlyPriceCents, match, skuPartNumber } = matchPrice(index, skuId);
    const named = match === 'unpriced' ? productNameOf(productNames, skuId, skuPartNumber) : undefined;
    return { label: named ?? label, monthlyPriceCents, match, skuPartNumber };
  };
}
