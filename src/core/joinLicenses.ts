import type { LicenseLine } from '../types.js';
import type { PriceIndex } from './buildPriceIndex.js';
import { matchPrice } from './matchPrice.js';

/** An account's licenses with their labels and prices, sorted by label in the report's language. */
export function joinLicenses(skuIds: readonly string[], index: PriceIndex, collator: Intl.Collator): LicenseLine[] {
  return skuIds
    .map((skuId): LicenseLine => {
      const { label, monthlyPriceCents, match, skuPartNumber } = matchPrice(index, skuId);
      return { skuId, label, monthlyPriceCents, match, skuPartNumber };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
