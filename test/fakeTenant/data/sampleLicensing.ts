// How the sample association buys and assigns licenses: one commercial subscription per SKU
// (GET /directory/subscriptions), and group-based licensing for its managers' Office 365 E3, one of
// whom also kept the E3 assigned directly (the license shows twice in licenseAssignmentStates).
// Ids come from stableGuid, not the PRNG, so the rest of the sample keeps its ids and names.
import { stableGuid } from '../sharepoint/format.js';
import type { FakeGroup, FakeLicenseAssignmentState, FakeSku, FakeSubscription, FakeUser } from '../types.js';
import { SKUS } from './catalog.js';

const DAY_MS = 86_400_000;
const FREE = new Set([SKUS.POWER_BI_STANDARD.skuId, SKUS.FLOW_FREE.skuId]);
const at = (now: Date, days: number) => new Date(Date.parse(now.toISOString().slice(0, 10)) + days * DAY_MS).toISOString().replace('.000Z', 'Z');

/** One Enabled subscription per SKU holding all its seats, renewing 100+ days after `now` (free offers never). */
export function sampleSubscriptions(skus: readonly FakeSku[], now: Date): FakeSubscription[] {
  return skus.map((sku, i) => subscription(sku, now, { index: i, totalLicenses: sku.prepaidUnits }));
}

export function subscription(
  sku: Pick<FakeSku, 'skuId' | 'skuPartNumber'>,
  now: Date,
  details: {
    index: number;
    totalLicenses: number;
    status?: FakeSubscription['status'];
    isTrial?: boolean;
    nextInDays?: number | null;
    createdDaysAgo?: number;
  },
): FakeSubscription {
  const free = FREE.has(sku.skuId);
  const next = details.nextInDays === undefined ? (free ? null : 100 + details.index * 23) : details.nextInDays;
  return {
    id: stableGuid(`subscription:${sku.skuId}:${details.index}`),
    commerceSubscriptionId: stableGuid(`commerce:${sku.skuId}:${details.index}`),
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    status: details.status ?? 'Enabled',
    isTrial: details.isTrial ?? false,
    totalLicenses: details.totalLicenses,
    createdDateTime: at(now, -(details.createdDaysAgo ?? 400 + details.index * 30)),
    nextLifecycleDateTime: next === null ? null : at(now, next),
  };
}

/** "Licences Office 365 E3 - Direction": the site managers holding E3 get it from this group. */
export function managersLicensingGroup(managers: readonly FakeUser[], now: Date): FakeGroup {
  const e3 = SKUS.ENTERPRISEPACK.skuId;
  const members = managers.filter((u) => u.assignedLicenses.some((l) => l.skuId === e3));
  const group: FakeGroup = {
    id: stableGuid('group:licences-e3-direction'),
    displayName: 'Licences Office 365 E3 - Direction',
    memberIds: members.map((u) => u.id),
    mail: null,
    assignedLicenses: [{ skuId: e3, disabledPlans: [] }],
  };
  // The head office's manager had E3 assigned by hand before the group existed: both assignments stay.
  const both = members[0];
  if (both) {
    const updated = at(now, -200);
    both.licenseAssignmentStates = both.assignedLicenses.flatMap((license): FakeLicenseAssignmentState[] => {
      const state = { skuId: license.skuId, state: 'Active' as const, error: null, disabledPlans: license.disabledPlans, lastUpdatedDateTime: updated };
      return license.skuId === e3
        ? [
            { ...state, assignedByGroup: null },
            { ...state, assignedByGroup: group.id },
          ]
        : [{ ...state, assignedByGroup: null }];
    });
  }
  return group;
}
