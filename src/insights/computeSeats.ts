import type { SubscribedSku } from '../types.js';
import type { PriceLookup, SeatLine } from './types.js';

const needsAttention = (seat: SeatLine): boolean =>
  (seat.overAssigned ?? 0) > 0 || (seat.warning ?? 0) > 0 || (seat.suspended ?? 0) > 0 || (seat.lockedOut ?? 0) > 0;

/**
 * Seats bought vs seats assigned per SKU, and what the idle ones cost a month. "Purchased" is the
 * enabled seats; seats in grace period (warning), suspended or locked out are counted apart, and a
 * SKU with more seats assigned than purchased says by how many (it has no idle seat). SKUs that
 * need attention come first, then the most expensive idle seats.
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
        overAssigned: Math.max(0, sku.consumedUnits - sku.prepaidEnabled),
        warning: sku.prepaidWarning ?? 0,
        suspended: sku.prepaidSuspended ?? 0,
        lockedOut: sku.prepaidLockedOut ?? 0,
        unitPriceCents: monthlyPriceCents,
        idleCostCents: monthlyPriceCents === null ? 0 : idle * monthlyPriceCents,
      };
    })
    .sort(
      (a, b) => Number(needsAttention(b)) - Number(needsAttention(a)) || b.idleCostCents - a.idleCostCents || b.idle - a.idle || a.label.localeCompare(b.label),
    );
}
