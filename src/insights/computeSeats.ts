import type { SubscribedSku } from '../types.js';
import type { PriceLookup, SeatLine } from './types.js';

/**
 * Seats bought vs seats assigned per SKU, and what the idle ones cost a month. Over-assigned SKUs
 * (a subscription in its grace period) have no idle seat. Most expensive idle seats first.
 */
export function computeSeats(skus: readonly SubscribedSku[], lookup: PriceLookup): SeatLine[] {
  return skus
    .map((sku): SeatLine => {
      const { label, monthlyPriceCents } = lookup(sku.skuId);
      const idle = Math.max(0, sku.prepaidEnabled - sku.consumedUnits);
      return {
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        label,
        capabilityStatus: sku.capabilityStatus,
        purchased: sku.prepaidEnabled,
        assigned: sku.consumedUnits,
        idle,
        unitPriceCents: monthlyPriceCents,
        idleCostCents: monthlyPriceCents === null ? 0 : idle * monthlyPriceCents,
      };
    })
    .sort((a, b) => b.idleCostCents - a.idleCostCents || b.idle - a.idle || a.label.localeCompare(b.label));
}
