import type { AccountRow } from '../types.js';
import { accountName } from './accountName.js';
import { isPaid } from './isPaid.js';
import type { ReviewItem, ReviewReason, SignInMap } from './types.js';

const DAY_MS = 86_400_000;
const REASON_ORDER: readonly ReviewReason[] = ['disabled-with-paid-license', 'guest-with-paid-license', 'inactive'];

/**
 * The accounts a site should look at, each with its reason: disabled accounts still holding a paid
 * license, guests holding one, and (when the tenant lets us read sign-ins) accounts without a
 * sign-in for `inactiveDays`. An account that never signed in counts as inactive once it is older
 * than `inactiveDays` (or of unknown age: Graph has no creation date for accounts before 2018).
 * A disabled account is not listed again as inactive: it cannot sign in, the first reason says it all.
 */
export function findAccountsToReview(
  rows: readonly AccountRow[],
  signIns: SignInMap | 'unavailable',
  inactiveDays: number,
  now: Date,
): ReviewItem[] {
  const cutoff = now.getTime() - inactiveDays * DAY_MS;
  const items: ReviewItem[] = [];
  for (const row of rows) {
    const paid = row.licenses.filter(isPaid).map((line) => line.label);
    const base = {
      userId: row.userId,
      name: accountName(row),
      email: row.email,
      licenses: row.licenses.map((line) => line.label),
      monthlyCostCents: row.monthlyCostCents,
    };
    if (row.disabled && paid.length > 0) items.push({ ...base, reason: 'disabled-with-paid-license', detail: paid.join(', ') });
    if (row.guest && paid.length > 0) items.push({ ...base, reason: 'guest-with-paid-license', detail: paid.join(', ') });
    if (row.disabled || signIns === 'unavailable') continue;

    const info = signIns.get(row.userId);
    if (!info) continue; // created after the sign-ins were read: nothing to say yet
    if (info.lastSignInAt) {
      if (info.lastSignInAt.getTime() < cutoff) {
        items.push({ ...base, reason: 'inactive', detail: info.lastSignInAt.toISOString().slice(0, 10), lastSignInAt: info.lastSignInAt.toISOString() });
      }
    } else if (!info.createdAt || info.createdAt.getTime() < cutoff) {
      items.push({ ...base, reason: 'inactive', detail: 'never signed in', lastSignInAt: null });
    }
  }
  // Grouped by reason, in the rows' order (already sorted by name) within a reason.
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => REASON_ORDER.indexOf(a.item.reason) - REASON_ORDER.indexOf(b.item.reason) || a.index - b.index)
    .map(({ item }) => item);
}
