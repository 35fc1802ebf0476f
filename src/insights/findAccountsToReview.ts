import type { AccountRow } from '../types.js';
import { accountName } from './accountName.js';
import { isPaid } from './isPaid.js';
import { judgeSignIn, type SignInVerdict } from './judgeSignIn.js';
import type { ReviewItem, ReviewReason, SignInMap } from './types.js';

const REASON_ORDER: readonly ReviewReason[] = ['disabled-with-paid-license', 'guest-with-paid-license', 'inactive', 'never-used'];

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The review item fields that say why an account is unused, or undefined when it is used (or not judged). */
function unusedBecause(verdict: SignInVerdict): Pick<ReviewItem, 'reason' | 'detail' | 'lastSignInAt' | 'signInBasis' | 'lastAttemptAt'> | undefined {
  if (verdict.status === 'never-signed-in') return { reason: 'never-used', detail: 'never signed in', lastSignInAt: null };
  if (verdict.status !== 'inactive') return undefined;
  if (verdict.basis === 'failed-attempts-only') {
    return {
      reason: 'inactive',
      detail: `no successful sign-in since ${day(verdict.noSuccessSince)}`,
      lastSignInAt: null,
      signInBasis: verdict.basis,
      lastAttemptAt: verdict.lastAttemptAt.toISOString(),
    };
  }
  return { reason: 'inactive', detail: day(verdict.lastSignInAt), lastSignInAt: verdict.lastSignInAt.toISOString(), signInBasis: verdict.basis };
}

/** The accounts whose sign-ins findAccountsToReview judges: enabled, holding a license that costs money. */
export function signInsNeededFor(rows: readonly AccountRow[]): string[] {
  return rows.filter((row) => !row.disabled && row.licenses.some(isPaid)).map((row) => row.userId);
}

/**
 * The accounts a site should look at, each with its reason. Only accounts holding a license that
 * costs money are listed: disabled accounts, guests, and (when the tenant lets us read sign-ins)
 * accounts without a successful sign-in for `inactiveDays` ("inactive") or that never signed in
 * ("never used"), by judgeSignIn's rule. A disabled account is not listed again as unused: it
 * cannot sign in, the first reason says it all.
 */
export function findAccountsToReview(
  rows: readonly AccountRow[],
  signIns: SignInMap | 'unavailable',
  inactiveDays: number,
  now: Date,
): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const row of rows) {
    const paid = row.licenses.filter(isPaid).map((line) => line.label);
    if (paid.length === 0) continue;
    const base = {
      userId: row.userId,
      name: accountName(row),
      email: row.email,
      licenses: row.licenses.map((line) => line.label),
      monthlyCostCents: row.monthlyCostCents,
    };
    if (row.disabled) items.push({ ...base, reason: 'disabled-with-paid-license', detail: paid.join(', ') });
    if (row.guest) items.push({ ...base, reason: 'guest-with-paid-license', detail: paid.join(', ') });
    if (row.disabled || signIns === 'unavailable') continue;
    const unused = unusedBecause(judgeSignIn(signIns.get(row.userId), inactiveDays, now));
    if (unused) items.push({ ...base, ...unused });
  }
  // Grouped by reason, in the rows' order (already sorted by name) within a reason.
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => REASON_ORDER.indexOf(a.item.reason) - REASON_ORDER.indexOf(b.item.reason) || a.index - b.index)
    .map(({ item }) => item);
}
