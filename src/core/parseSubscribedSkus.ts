import type { RawRecord } from '../ports.js';
import type { SubscribedSku } from '../types.js';

const numberOr0 = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** GET /subscribedSkus items as plain data; an item without a skuId cannot be joined and is dropped. */
export function parseSubscribedSkus(raw: RawRecord[]): SubscribedSku[] {
  const skus: SubscribedSku[] = [];
  for (const item of raw) {
    const skuId = typeof item['skuId'] === 'string' ? item['skuId'].trim() : '';
    if (!skuId) continue;
    const prepaid = item['prepaidUnits'];
    const enabled = prepaid && typeof prepaid === 'object' ? (prepaid as Record<string, unknown>)['enabled'] : undefined;
    skus.push({
      skuId,
      skuPartNumber: typeof item['skuPartNumber'] === 'string' ? item['skuPartNumber'].trim() : '',
      prepaidEnabled: numberOr0(enabled),
      consumedUnits: numberOr0(item['consumedUnits']),
      capabilityStatus: typeof item['capabilityStatus'] === 'string' ? item['capabilityStatus'] : '',
    });
  }
  return skus;
}
