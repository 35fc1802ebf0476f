import { sumCents } from '../../core/money.js';
import type { Cents } from '../../types.js';
import type { AccountFacts, ReviewReasonEntry } from './wasteTypes.js';

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The account's licenses that cost money (a price above 0; "N/A" is not counted). */
export function paidLicensesOf(facts: Pick<AccountFacts, 'licenses'>): Array<{ skuId: string; monthlyPriceCents: Cents }> {
  return facts.licenses.flatMap((line) =>
    line.monthlyPriceCents !== null && line.monthlyPriceCents > 0 ? [{ skuId: line.skuId, monthlyPriceCents: line.monthlyPriceCents }] : [],
  );
}

const priceOf = (facts: AccountFacts, skuId: string): Cents => {
  const price = facts.licenses.find((line) => line.skuId.toLowerCase() === skuId.toLowerCase())?.monthlyPriceCents;
  return price !== null && price !== undefined && price > 0 ? price : 0;
};

/**
 * Why an account should be reviewed, one entry per line of the mail, as codes and values (the
 * renderers word them). In this order: disabled with paid licenses; guest with paid licenses;
 * inactive since <date> or never used (not for a disabled account: it cannot sign in, the first
 * reason says it all); redundant license X next to Y (only for an account otherwise in use, and
 * only when X costs money: removing the whole account's licenses already covers it); assignment
 * errors, always (the license may not work). Empty when nothing is worth a line.
 */
export function listReviewReasons(facts: AccountFacts): ReviewReasonEntry[] {
  const paid = paidLicensesOf(facts);
  const paidCost = sumCents(paid.map((line) => line.monthlyPriceCents));
  const reasons: ReviewReasonEntry[] = [];
  let wholeAccount = false;
  if (paid.length > 0) {
    const skuIds = paid.map((line) => line.skuId);
    if (facts.disabled) reasons.push({ code: 'disabled-with-paid-licenses', skuIds, monthlyCostCents: paidCost });
    if (facts.guest) reasons.push({ code: 'guest-with-paid-licenses', skuIds, monthlyCostCents: paidCost });
    const verdict = facts.signIn;
    if (!facts.disabled && verdict.status === 'never-signed-in') reasons.push({ code: 'never-used', monthlyCostCents: paidCost });
    if (!facts.disabled && verdict.status === 'inactive') {
      reasons.push(
        verdict.basis === 'failed-attempts-only'
          ? { code: 'inactive', basis: verdict.basis, since: day(verdict.noSuccessSince), lastAttempt: day(verdict.lastAttemptAt), monthlyCostCents: paidCost }
          : { code: 'inactive', basis: verdict.basis, since: day(verdict.lastSignInAt), monthlyCostCents: paidCost },
      );
    }
    wholeAccount = facts.disabled || verdict.status === 'never-signed-in' || verdict.status === 'inactive';
  }
  if (!wholeAccount) {
    for (const redundant of facts.redundant) {
      const cost = priceOf(facts, redundant.skuId);
      if (cost > 0) reasons.push({ code: 'redundant-license', ...redundant, monthlyCostCents: cost });
    }
  }
  for (const error of facts.assignmentErrors) {
    reasons.push({ code: 'assignment-error', skuId: error.skuId, groupId: error.groupId, state: error.state, error: error.error });
  }
  return reasons;
}
