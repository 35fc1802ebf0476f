// GET /directory/subscriptions and /directory/subscriptions/{id}
// (learn.microsoft.com/graph/api/directory-list-subscriptions, companysubscription-get).
// The body follows the documented example: value[] of companySubscription, serviceStatus from the SKU's plans.
import { graphError, jsonResponse } from '../http.js';
import { insufficientPrivileges, mayAny, PERMISSIONS } from '../permissions.js';
import { stableGuid } from '../sharepoint/format.js';
import type { FakeSku, FakeSubscription, TenantData } from '../types.js';
import type { GraphContext } from './router.js';

const STATUS_OF: Record<NonNullable<FakeSku['capabilityStatus']>, FakeSubscription['status']> = {
  Enabled: 'Enabled',
  Warning: 'Warning',
  Suspended: 'Suspended',
  Deleted: 'Deleted',
  LockedOut: 'LockedOut',
};

/** Subscriptions of the data, or one per SKU holding all its units when the data names none. */
export function subscriptionsOf(data: TenantData): FakeSubscription[] {
  if (data.subscriptions) return data.subscriptions;
  return data.skus.map((sku) => ({
    id: stableGuid(`subscription:${sku.skuId}`),
    commerceSubscriptionId: stableGuid(`commerce:${sku.skuId}`),
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    status: STATUS_OF[sku.capabilityStatus ?? 'Enabled'],
    isTrial: false,
    totalLicenses: sku.prepaidUnits + (sku.warningUnits ?? 0) + (sku.suspendedUnits ?? 0) + (sku.lockedOutUnits ?? 0),
    createdDateTime: '2023-01-01T00:00:00Z',
    nextLifecycleDateTime: null,
  }));
}

function serialise(data: TenantData, subscription: FakeSubscription): Record<string, unknown> {
  const sku = data.skus.find((s) => s.skuId.toLowerCase() === subscription.skuId.toLowerCase());
  return {
    id: subscription.id,
    commerceSubscriptionId: subscription.commerceSubscriptionId,
    createdDateTime: subscription.createdDateTime,
    isTrial: subscription.isTrial,
    nextLifecycleDateTime: subscription.nextLifecycleDateTime,
    ownerId: null,
    ownerTenantId: null,
    ownerType: null,
    serviceStatus: (sku?.servicePlans ?? []).map((plan) => ({
      appliesTo: plan.appliesTo ?? 'User',
      provisioningStatus: plan.provisioningStatus ?? 'Success',
      servicePlanId: plan.servicePlanId,
      servicePlanName: plan.servicePlanName,
    })),
    skuId: subscription.skuId,
    skuPartNumber: subscription.skuPartNumber,
    status: subscription.status,
    totalLicenses: subscription.totalLicenses,
  };
}

export function listSubscriptions(ctx: GraphContext, url: URL, id: string | undefined): Response {
  if (!mayAny(ctx.grant, PERMISSIONS.subscriptions)) return insufficientPrivileges();
  const all = subscriptionsOf(ctx.data);
  if (id !== undefined) {
    const found = all.find((s) => s.id.toLowerCase() === id.toLowerCase() || s.commerceSubscriptionId.toLowerCase() === id.toLowerCase());
    if (!found)
      return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
    return jsonResponse(200, { '@odata.context': `${url.origin}/v1.0/$metadata#directory/subscriptions/$entity`, ...serialise(ctx.data, found) });
  }
  return jsonResponse(200, { '@odata.context': `${url.origin}/v1.0/$metadata#directory/subscriptions`, value: all.map((s) => serialise(ctx.data, s)) });
}
