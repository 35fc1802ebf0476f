// GET /subscribedSkus (learn.microsoft.com/graph/api/subscribedsku-list).
// consumedUnits is derived from the users so tests cannot make it inconsistent.
import { jsonResponse } from '../http.js';
import type { TenantData } from '../types.js';

export function listSubscribedSkus(data: TenantData, url: URL): Response {
  const consumed = new Map<string, number>();
  for (const user of data.users) {
    for (const license of user.assignedLicenses) {
      const key = license.skuId.toLowerCase();
      consumed.set(key, (consumed.get(key) ?? 0) + 1);
    }
  }
  const value = data.skus.map((sku) => ({
    accountId: data.tenantId,
    accountName: data.organisationName,
    appliesTo: 'User',
    capabilityStatus: sku.capabilityStatus ?? 'Enabled',
    consumedUnits: consumed.get(sku.skuId.toLowerCase()) ?? 0,
    id: `${data.tenantId}_${sku.skuId}`,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    prepaidUnits: { enabled: sku.prepaidUnits, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: (sku.servicePlans ?? []).map((plan) => ({
      servicePlanId: plan.servicePlanId,
      servicePlanName: plan.servicePlanName,
      provisioningStatus: 'Success',
      appliesTo: 'User',
    })),
  }));
  return jsonResponse(200, { '@odata.context': `${url.origin}/v1.0/$metadata#subscribedSkus`, value });
}
