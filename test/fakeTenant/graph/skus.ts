// GET /subscribedSkus (learn.microsoft.com/graph/api/subscribedsku-list, resources/subscribedsku).
// consumedUnits is derived from the users so tests cannot make it inconsistent; it may exceed
// prepaidUnits.enabled, as after seats were removed from a subscription whose licenses stay assigned.
import { jsonResponse } from '../http.js';
import { insufficientPrivileges, mayAny, PERMISSIONS } from '../permissions.js';
import type { GraphContext } from './router.js';

export function listSubscribedSkus(ctx: GraphContext, url: URL): Response {
  if (!mayAny(ctx.grant, PERMISSIONS.subscribedSkus)) return insufficientPrivileges();
  const { data } = ctx;
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
    // enabled: active seats; warning: seats in their grace period after the subscription expired;
    // suspended: seats of a suspended subscription; lockedOut: seats of a canceled one (licenseUnitsDetail).
    prepaidUnits: { enabled: sku.prepaidUnits, suspended: sku.suspendedUnits ?? 0, warning: sku.warningUnits ?? 0, lockedOut: sku.lockedOutUnits ?? 0 },
    servicePlans: (sku.servicePlans ?? []).map((plan) => ({
      servicePlanId: plan.servicePlanId,
      servicePlanName: plan.servicePlanName,
      provisioningStatus: plan.provisioningStatus ?? 'Success',
      appliesTo: plan.appliesTo ?? 'User',
    })),
  }));
  return jsonResponse(200, { '@odata.context': `${url.origin}/v1.0/$metadata#subscribedSkus`, value });
}
