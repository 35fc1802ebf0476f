import { guidOf, isRecord, listOf, textOf } from './readRaw.js';
import type { Parsed, ServicePlan, SkippedItem, SkuServicePlans } from './wasteTypes.js';

/**
 * The service plans of each subscribed SKU, from GET /subscribedSkus items (subscribedsku-list.md:
 * `servicePlans: [{ servicePlanId, servicePlanName, provisioningStatus, appliesTo }]`). Never throws:
 * an item without a skuId, or whose servicePlans is not a list, is skipped with the reason; so is a
 * plan without a servicePlanId (its SKU is kept).
 */
export function parseSkuServicePlans(raw: readonly unknown[]): Parsed<SkuServicePlans> {
  const items: SkuServicePlans[] = [];
  const skipped: SkippedItem[] = [];
  raw.forEach((item, index) => {
    const at = `value[${index}]`;
    if (!isRecord(item)) return void skipped.push({ at, reason: 'not an object' });
    const skuId = guidOf(item['skuId']);
    if (!skuId) return void skipped.push({ at, reason: 'no skuId (GUID)' });
    const plans = listOf(item, 'servicePlans');
    if (!plans) return void skipped.push({ at, reason: `SKU ${skuId}: servicePlans is not a list` });
    const servicePlans: ServicePlan[] = [];
    plans.forEach((plan, planIndex) => {
      const planAt = `${at}.servicePlans[${planIndex}]`;
      const servicePlanId = isRecord(plan) ? guidOf(plan['servicePlanId']) : null;
      if (!isRecord(plan) || !servicePlanId) return void skipped.push({ at: planAt, reason: `SKU ${skuId}: a service plan without servicePlanId (GUID)` });
      servicePlans.push({
        servicePlanId,
        servicePlanName: textOf(plan['servicePlanName']) ?? '',
        appliesTo: textOf(plan['appliesTo']),
        provisioningStatus: textOf(plan['provisioningStatus']),
      });
    });
    items.push({ skuId, skuPartNumber: textOf(item['skuPartNumber']) ?? '', servicePlans });
  });
  return { items, skipped };
}
