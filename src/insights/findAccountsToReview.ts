import { isPaid } from './isPaid.js';
import type { AccountRow } from '../types.js';
import { accountName } from './accountName.js';
import type { SignInVerdict } from './judgeSignIn.js';
import type { ReviewItem, ReviewReason, SignInMap } from './types.js';
import { accountFactsOf, NO_WASTE_RULES, type WasteRules } from './waste/accountFactsOf.js';
import { listReviewReasons } from './waste/listReviewReasons.js';
import type { GroupNames } from './waste/readGroupNames.js';
import type { NamedLicense } from './waste/wasteReportTypes.js';
import type { AccountFacts, ReviewReasonEntry } from './waste/wasteTypes.js';
import type { PriceLookup } from './types.js';

const REASON_ORDER: readonly ReviewReason[] = [
  'disabled-with-paid-license',
  'guest-with-paid-license',
  'inactive',
  'never-used',
  'redundant-license',
  'assignment-error',
];

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** How the review lines name what the rows do not: a license in error (not held), a group at fault. */
export interface ReviewNames {
  lookup?: PriceLookup;
  groupNames?: GroupNames;
}

type ReasonFields = Omit<ReviewItem, 'userId' | 'name' | 'email' | 'licenses' | 'monthlyCostCents'>;

/** The review item fields that say why an account is unused, or undefined when it is used (or not judged). */
function unusedBecause(verdict: SignInVerdict): ReasonFields | undefined {
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

function reasonFields(entry: ReviewReasonEntry, facts: AccountFacts, row: AccountRow, names: ReviewNames): ReasonFields | undefined {
  const named = (skuId: string): NamedLicense => {
    const line = row.licenses.find((l) => l.skuId.toLowerCase() === skuId.toLowerCase()) ?? (names.lookup ? { skuId, ...names.lookup(skuId) } : undefined);
    return { skuId: line?.skuId ?? skuId, label: line?.label ?? skuId, monthlyPriceCents: line?.monthlyPriceCents ?? null };
  };
  switch (entry.code) {
    case 'disabled-with-paid-licenses':
    case 'guest-with-paid-licenses':
      return {
        reason: entry.code === 'disabled-with-paid-licenses' ? 'disabled-with-paid-license' : 'guest-with-paid-license',
        detail: entry.skuIds.map((skuId) => named(skuId).label).join(', '),
      };
    case 'inactive':
    case 'never-used':
      return unusedBecause(facts.signIn);
    case 'redundant-license': {
      const [license, coveredBy] = [named(entry.skuId), named(entry.coveredBySkuId)];
      return { reason: 'redundant-license', detail: `${license.label} next to ${coveredBy.label}`, license, coveredBy, redundancy: entry.source };
    }
    case 'assignment-error': {
      const license = named(entry.skuId);
      const groupName = entry.groupId === null ? null : (names.groupNames?.get(entry.groupId.toLowerCase()) ?? null);
      const source = entry.groupId === null ? 'direct assignment' : `group ${groupName ?? entry.groupId}`;
      return {
        reason: 'assignment-error',
        detail: `${license.label}: ${entry.error ?? entry.state} (${source})`,
        license,
        assignment: { state: entry.state, error: entry.error, groupId: entry.groupId, groupName },
      };
    }
  }
}

/**
 * The review items of a site's rows, from their facts (accountFactsOf, same order): one item per
 * reason (listReviewReasons), grouped by reason in REASON_ORDER, in the rows' order within one.
 */
export function reviewItemsOf(rows: readonly AccountRow[], facts: readonly AccountFacts[], names: ReviewNames = {}): ReviewItem[] {
  const items: ReviewItem[] = [];
  rows.forEach((row, index) => {
    const accountFacts = facts[index];
    if (!accountFacts) return;
    const base = {
      userId: row.userId,
      name: accountName(row),
      email: row.email,
      licenses: row.licenses.map((line) => line.label),
      monthlyCostCents: row.monthlyCostCents,
    };
    for (const entry of listReviewReasons(accountFacts)) {
      const fields = reasonFields(entry, accountFacts, row, names);
      if (fields) items.push({ ...base, ...fields });
    }
  });
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => REASON_ORDER.indexOf(a.item.reason) - REASON_ORDER.indexOf(b.item.reason) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The accounts a site should look at, each with its reasons. Only accounts holding a license that
 * costs money are listed for being disabled, a guest, inactive for `inactiveDays` or never used
 * (judgeSignIn's rule, when the tenant lets us read sign-ins); a redundant license that costs
 * money, next to the one that includes it, on an account otherwise in use; and every assignment
 * in error (listReviewReasons). A disabled account is not listed again as unused: it cannot sign
 * in, the first reason says it all.
 */
export function findAccountsToReview(
  rows: readonly AccountRow[],
  signIns: SignInMap | 'unavailable',
  inactiveDays: number,
  now: Date,
  rules: WasteRules = NO_WASTE_RULES,
  names: ReviewNames = {},
): ReviewItem[] {
  const facts = rows.map((row) => accountFactsOf(row, { signIns, inactiveDays, now }, rules));
  return reviewItemsOf(rows, facts, names);
}
