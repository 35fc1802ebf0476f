import type { RawRecord } from '../ports.js';
import type { SubscribedSku } from '../types.js';

const numberOr0 = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * GET /subscribedSkus items as plain data; an item without a skuId cannot be joined and is dropped.
 * prepaidUnits carries enabled, warning, suspended and lockedOut seats (subscribedsku-list.md).
 */
export function parseSubscribedSkus(raw: RawRecord[]): SubscribedSku[] {
  const skus: SubscribedSku[] = [];
  for (const item of raw) {
    const skuId = typeof item['skuId'] === 'string' ? item['skuId'].trim() : '';
    if (!skuId) continue;
    const prepaid = item['prepaidUnits'];
    const units = prepaid && typeof prepaid === 'object' ? (prepaid as Record<string, unknown>) : {};
    skus.push({
      skuId,
      skuPartNumber: typeof item['skuPartNumber'] === 'string' ? item['skuPartNumber'].trim() : '',
      prepaidEnabled: numberOr0(units['enabled']),
      prepaidWarning: numberOr0(units['warning']),
      prepaidSuspended: numberOr0(units['suspended']),
      prepaidLockedOut: numberOr0(units['lockedOut']),
      consumedUnits: numberOr0(item['consumedUnits']),
      capabilityStatus: typeof item['capabilityStatus'] === 'string' ? item['capabilityStatus'] : '',
    });
  }
  return skus;
}
