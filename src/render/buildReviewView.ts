// Pure: a site's accounts to review, one block per account with one line per reason in words, and
// whether the inactivity check could run -> what the site mail shows.
import type { ReviewItem, SiteInsights } from '../insights/types.js';
import type { AccountRow } from '../types.js';
import { buildAccountListView, type AccountListView } from './buildAccountListView.js';
import type { Formatters } from './createFormatters.js';
import { labelLines, licenseLines } from './licenseLines.js';
import { reviewReasonText } from './reviewReasonText.js';
import { textIf, type Text } from './viewParts.js';

export type ReviewView = {
  title: string;
  intro: readonly Text[];
  /** The inactivity check could not run: said plainly, the rest of the list still stands. */
  notes: readonly Text[];
  none: readonly Text[];
  lists: readonly AccountListView[];
};

/** An account to review and its reasons, in the items' order (disabled first, then guests, unused...). */
export function reviewAccounts(review: readonly ReviewItem[]): ReviewItem[][] {
  const byAccount = new Map<string, ReviewItem[]>();
  for (const item of review) {
    const items = byAccount.get(item.userId);
    if (items) items.push(item);
    else byAccount.set(item.userId, [item]);
  }
  return [...byAccount.values()];
}

/**
 * `shown`: accounts the list may show; `rows`: the site's accounts by id, so that an account to
 * review reads exactly as in the account list.
 */
export function buildReviewView(insights: SiteInsights, shown: number, fmt: Formatters, rows: ReadonlyMap<string, AccountRow> = new Map()): ReviewView {
  const labels = fmt.labels.insights;
  const accounts = reviewAccounts(insights.review);
  const unavailable =
    insights.inactivityCheck !== 'unavailable'
      ? undefined
      : insights.inactivityUnavailable === 'forbidden'
        ? labels.inactivityForbidden
        : labels.inactivityError;
  const list = buildAccountListView(accounts, shown, fmt, {
    toLine: (items) => {
      const [item] = items as [ReviewItem, ...ReviewItem[]];
      const row = rows.get(item.userId);
      return {
        name: row ? fmt.labels.fullName(row.lastName, row.firstName) : item.name,
        email: item.email,
        ...(row?.jobTitle ? { meta: [row.jobTitle] } : {}),
        notes: items.map((reason) => reviewReasonText(reason, insights.inactiveDays, fmt)),
        licenses: row ? licenseLines(row.licenses, fmt) : labelLines(item.licenses, fmt),
        cost: fmt.money(row ? row.monthlyCostCents : item.monthlyCostCents),
        disabled: row?.disabled ?? items.some((reason) => reason.reason === 'disabled-with-paid-license'),
        guest: row?.guest ?? items.some((reason) => reason.reason === 'guest-with-paid-license'),
      };
    },
  });
  const n = accounts.length;
  return {
    title: labels.reviewTitle(fmt.count(n), fmt.isOne(n)),
    intro: textIf(n > 0 && labels.reviewIntro),
    notes: textIf(unavailable),
    none: textIf(n === 0 && labels.reviewNone),
    lists: n > 0 ? [list] : [],
  };
}
