// Pure: one reason to review an account, as a sentence in the mail's language (the site mail's
// review list and the CSV's "to review" column say it the same way).
import { SUCCESSFUL_SIGN_INS_RECORDED_SINCE } from '../insights/parseSignInActivity.js';
import type { ReviewItem } from '../insights/types.js';
import type { NamedLicense } from '../insights/waste/wasteReportTypes.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';

const LICENSE_MAX_CHARS = 80;

export function reviewReasonText(item: ReviewItem, inactiveDays: number, fmt: Formatters): string {
  const { reasons } = fmt.labels.insights;
  const waste = fmt.labels.waste.reasons;
  const days = fmt.count(inactiveDays);
  const label = (license: NamedLicense | undefined) => truncateForDisplay(license?.label ?? '?', LICENSE_MAX_CHARS);
  switch (item.reason) {
    case 'disabled-with-paid-license':
      return reasons.disabled;
    case 'guest-with-paid-license':
      return reasons.guest;
    case 'redundant-license': {
      const price = item.license?.monthlyPriceCents;
      return waste.redundant(label(item.license), price === null || price === undefined ? fmt.labels.notAvailable : fmt.money(price), label(item.coveredBy));
    }
    case 'assignment-error': {
      const assignment = item.assignment;
      const group = assignment?.groupId ? waste.viaGroup(truncateForDisplay(assignment.groupName ?? assignment.groupId, 80)) : waste.direct;
      return waste.assignmentError(label(item.license), isActive(assignment?.state), errorWords(assignment?.error ?? null, assignment?.state, fmt), group);
    }
    default:
      return signInReason(item, days, fmt);
  }
}

/** Graph's error code in words, the code kept for whoever searches it; the state when there is no code. */
export function errorWords(code: string | null, state: string | undefined, fmt: Formatters): string {
  const waste = fmt.labels.waste.reasons;
  return code === null ? waste.otherError(state ?? '?') : (waste.errors[code] ?? waste.otherError(code));
}

/** ActiveWithError: the license works, with an error; Error: it was not assigned. */
export const isActive = (state: string | undefined): boolean => state?.toLowerCase() === 'activewitherror';

function signInReason(item: ReviewItem, days: string, fmt: Formatters): string {
  const { reasons } = fmt.labels.insights;
  if (item.signInBasis === 'failed-attempts-only') {
    // Noon UTC: the same calendar day in every time zone the mails are written in.
    const since = new Date(SUCCESSFUL_SIGN_INS_RECORDED_SINCE.getTime() + 12 * 3_600_000);
    return reasons.noSuccessfulSignIn(fmt.date(since), dateOr(item.lastAttemptAt, fmt));
  }
  if (item.reason === 'never-used' || item.lastSignInAt === null) return reasons.neverSignedIn(days);
  const last = dateOr(item.lastSignInAt ?? item.detail, fmt);
  // Results written before the basis existed keep the older wording.
  if (item.signInBasis === 'successful') return reasons.inactiveSinceSuccess(last, days);
  if (item.signInBasis === 'attempt') return reasons.inactiveSinceAttempt(last, days);
  return reasons.inactiveSince(last, days);
}

/** An ISO date as the mail writes dates, or the text as is when it is not one. */
function dateOr(iso: string | undefined, fmt: Formatters): string {
  const date = new Date(iso ?? '');
  return Number.isNaN(date.getTime()) ? (iso ?? '') : fmt.date(date);
}
