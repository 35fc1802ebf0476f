// Pure: the company subscriptions central IT should act on (expired, suspended, locked out, trials,
// a next date within 60 days), each with its seats and the monthly and annual cost at stake; or why
// they could not be read (Organization.Read.All not granted).
import type { RunInsights } from '../insights/types.js';
import type { AttentionReason, SubscriptionAttention } from '../insights/waste/wasteTypes.js';
import type { StatusView } from './buildSitesView.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { lines, shadedAt, textIf, type Flag, type Text } from './viewParts.js';

export type SubscriptionsView = {
  title: string;
  intro: readonly Text[];
  notes: readonly Text[];
  /** One item when there are subscriptions to show. */
  table: readonly { colLicense: string; colCost: string; items: readonly SubscriptionItem[] }[];
  more: readonly Text[];
};

type SubscriptionItem = {
  shaded: Flag;
  label: string;
  sku: readonly Text[];
  status: readonly StatusView[];
  lines: readonly Text[];
  cost: string;
  annual: readonly Text[];
};

const COLORS: Record<AttentionReason, string> = {
  'locked-out': '#b42318',
  suspended: '#b42318',
  warning: '#a15c00',
  trial: '#1d4f91',
  'lifecycle-soon': '#a15c00',
};

export function buildSubscriptionsView(insights: RunInsights, shown: number, fmt: Formatters): SubscriptionsView[] {
  const waste = insights.waste;
  if (!waste) return [];
  const w = fmt.labels.waste;
  const n = waste.subscriptions.length;
  const unavailable = waste.subscriptionsCheck === 'unavailable';
  const items = waste.subscriptions.slice(0, shown);
  const hidden = n - items.length;
  return [
    {
      title: w.subscriptionsTitle(fmt.count(n), fmt.isOne(n)),
      intro: textIf(n > 0 && w.subscriptionsIntro),
      notes: [
        ...textIf(unavailable && (waste.subscriptionsUnavailable === 'forbidden' ? w.subscriptionsForbidden : w.subscriptionsError)),
        ...textIf(!unavailable && n === 0 && w.subscriptionsNone),
      ],
      table:
        items.length === 0
          ? []
          : [
              {
                colLicense: w.subscriptionColumns.subscription,
                colCost: w.subscriptionColumns.cost,
                items: items.map((item, index) => subscriptionItem(item, index, fmt)),
              },
            ],
      more: textIf(hidden > 0 && fmt.labels.insights.more(fmt.count(hidden), fmt.isOne(hidden))),
    },
  ];
}

function subscriptionItem(item: SubscriptionAttention, index: number, fmt: Formatters): SubscriptionItem {
  const w = fmt.labels.waste;
  const stated = item.reasons.filter((reason) => reason !== 'lifecycle-soon');
  const first = item.reasons[0];
  const next = item.nextLifecycleAt === null ? undefined : new Date(item.nextLifecycleAt);
  const days = item.daysToLifecycle;
  const price = item.unitPriceCents === null ? fmt.labels.notAvailable : fmt.money(item.unitPriceCents);
  return {
    shaded: shadedAt(index),
    label: truncateForDisplay(item.label, 100),
    sku: textIf(item.skuPartNumber !== item.label && truncateForDisplay(item.skuPartNumber, 100)),
    status: stated.length > 0 && first ? [{ text: stated.map((reason) => w.subscriptionReasons[reason]).join(' · '), color: COLORS[first] }] : [],
    lines: lines([
      next && !Number.isNaN(next.getTime()) && days !== null && w.nextLifecycle(item.status, item.isTrial, fmt.date(next), days, fmt.count(days)),
      w.subscriptionSeats({ n: fmt.count(item.seats), one: fmt.isOne(item.seats) }, price),
    ]),
    cost: item.monthlyCostAtStakeCents === null ? fmt.labels.notAvailable : fmt.money(item.monthlyCostAtStakeCents),
    annual: item.monthlyCostAtStakeCents === null ? [] : [{ text: w.perYearShort(fmt.money(item.monthlyCostAtStakeCents * 12)) }],
  };
}
