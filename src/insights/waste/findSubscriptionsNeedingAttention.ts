import type { PriceLookup } from '../types.js';
import type { AttentionReason, CompanySubscription, SubscriptionAttention } from './wasteTypes.js';

const DAY_MS = 86_400_000;
export const LIFECYCLE_WINDOW_DAYS = 60;

const STATUS_REASONS: Record<string, AttentionReason> = { lockedout: 'locked-out', suspended: 'suspended', warning: 'warning' };
const SEVERITY: readonly AttentionReason[] = ['locked-out', 'suspended', 'warning', 'lifecycle-soon', 'trial'];
const severityOf = (item: SubscriptionAttention): number => Math.min(...item.reasons.map((reason) => SEVERITY.indexOf(reason)));

/**
 * The company subscriptions IT should act on: status Warning, Suspended or LockedOut, trials, and
 * those whose next lifecycle date (renewal or end) falls within `withinDays` of `now` (or has
 * passed), each with its seats and the monthly cost at stake (seats x the SKU's price; null when
 * it has no single price). Deleted subscriptions are gone and not listed. Most urgent first: by
 * status, then the nearest date, then the largest cost.
 */
export function findSubscriptionsNeedingAttention(
  subscriptions: readonly CompanySubscription[],
  options: { now: Date; lookup: PriceLookup; withinDays?: number },
): SubscriptionAttention[] {
  const horizon = options.now.getTime() + (options.withinDays ?? LIFECYCLE_WINDOW_DAYS) * DAY_MS;
  const items: SubscriptionAttention[] = [];
  for (const subscription of subscriptions) {
    const status = subscription.status.toLowerCase();
    if (status === 'deleted') continue;
    const next = subscription.nextLifecycleAt ? Date.parse(subscription.nextLifecycleAt) : undefined;
    const reasons: AttentionReason[] = [];
    const statusReason = STATUS_REASONS[status];
    if (statusReason) reasons.push(statusReason);
    if (subscription.isTrial) reasons.push('trial');
    if (next !== undefined && next <= horizon) reasons.push('lifecycle-soon');
    if (reasons.length === 0) continue;

    const { label, monthlyPriceCents } = options.lookup(subscription.skuId);
    items.push({
      subscriptionId: subscription.id,
      skuId: subscription.skuId,
      skuPartNumber: subscription.skuPartNumber,
      label,
      status: subscription.status,
      isTrial: subscription.isTrial,
      reasons,
      nextLifecycleAt: subscription.nextLifecycleAt,
      daysToLifecycle: next === undefined ? null : Math.floor((next - options.now.getTime()) / DAY_MS),
      seats: subscription.totalLicenses,
      unitPriceCents: monthlyPriceCents,
      monthlyCostAtStakeCents: monthlyPriceCents === null ? null : subscription.totalLicenses * monthlyPriceCents,
    });
  }
  const days = (item: SubscriptionAttention): number => item.daysToLifecycle ?? Number.POSITIVE_INFINITY;
  return items.sort(
    (a, b) =>
      severityOf(a) - severityOf(b) ||
      days(a) - days(b) ||
      (b.monthlyCostAtStakeCents ?? -1) - (a.monthlyCostAtStakeCents ?? -1) ||
      a.skuPartNumber.localeCompare(b.skuPartNumber) ||
      a.subscriptionId.localeCompare(b.subscriptionId),
  );
}
