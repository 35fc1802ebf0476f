// Pure: a site's accounts to review, each with its reason in words, and whether the inactivity
// check could run -> what the site mail shows.
import { SUCCESSFUL_SIGN_INS_RECORDED_SINCE } from '../insights/parseSignInActivity.js';
import type { ReviewItem, SiteInsights } from '../insights/types.js';
import type { AccountRow } from '../types.js';
import { buildAccountListView, type AccountListView } from './buildAccountListView.js';
import type { Formatters } from './createFormatters.js';
import { labelLines, licenseLines } from './licenseLines.js';
import { textIf, type Text } from './viewParts.js';

export type ReviewView = {
  title: string;
  intro: readonly Text[];
  /** The inactivity check could not run: said plainly, the rest of the list still stands. */
  notes: readonly Text[];
  none: readonly Text[];
  lists: readonly AccountListView[];
};

/** `rows`: the site's accounts by id, so that an account to review reads exactly as in the account list. */
export function buildReviewView(insights: SiteInsights, shown: number, fmt: Formatters, rows: ReadonlyMap<string, AccountRow> = new Map()): ReviewView {
  const labels = fmt.labels.insights;
  const { review } = insights;
  const unavailable =
    insights.inactivityCheck !== 'unavailable'
      ? undefined
      : insights.inactivityUnavailable === 'forbidden'
        ? labels.inactivityForbidden
        : labels.inactivityError;
  const list = buildAccountListView(review, shown, fmt, {
    toLine: (item) => {
      const row = rows.get(item.userId);
      return {
        name: row ? fmt.labels.fullName(row.lastName, row.firstName) : item.name,
        email: item.email,
        ...(row?.jobTitle ? { meta: [row.jobTitle] } : {}),
        note: reasonText(item, insights.inactiveDays, fmt),
        licenses: row ? licenseLines(row.licenses, fmt) : labelLines(item.licenses, fmt),
        cost: fmt.money(row ? row.monthlyCostCents : item.monthlyCostCents),
        disabled: row?.disabled ?? item.reason === 'disabled-with-paid-license',
        guest: row?.guest ?? item.reason === 'guest-with-paid-license',
      };
    },
  });
  return {
    title: labels.reviewTitle(fmt.count(review.length), fmt.isOne(review.length)),
    intro: textIf(review.length > 0 && labels.reviewIntro),
    notes: textIf(unavailable),
    none: textIf(review.length === 0 && labels.reviewNone),
    lists: review.length > 0 ? [list] : [],
  };
}

function reasonText(item: ReviewItem, inactiveDays: number, fmt: Formatters): string {
  const { reasons } = fmt.labels.insights;
  const days = fmt.count(inactiveDays);
  if (item.reason === 'disabled-with-paid-license') return reasons.disabled;
  if (item.reason === 'guest-with-paid-license') return reasons.guest;
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
