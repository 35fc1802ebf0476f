import type { SiteReport } from '../types.js';
import { diffSnapshots } from './diffSnapshots.js';
import { reviewItemsOf, type ReviewNames } from './findAccountsToReview.js';
import type { InactivityUnavailable, SignInMap, SiteInsights, SiteSnapshot } from './types.js';
import { accountFactsOf, NO_WASTE_RULES, type WasteRules } from './waste/accountFactsOf.js';
import { siteSavingsOf } from './waste/computePossibleSavings.js';

/**
 * What a site's mail adds to the account list: the changes since its last report, the accounts
 * to review and the site's possible savings (the same facts for both, so they always agree). `previous` is the last sent report's snapshot, undefined for a first report, or the
 * reason it could not be read (the mail then says the comparison is unavailable, not "first report").
 */
export function buildSiteInsights(input: {
  report: SiteReport;
  current: SiteSnapshot;
  previous: SiteSnapshot | undefined | { error: string };
  signIns: SignInMap | 'unavailable';
  /** Why signIns is 'unavailable', for the mail's wording. */
  inactivityUnavailable?: InactivityUnavailable;
  inactiveDays: number;
  now: Date;
  /** Service plans and overlap exceptions (redundant licenses); none known by default. */
  rules?: WasteRules;
  /** How review lines name a license in error and the group at fault. */
  names?: ReviewNames;
}): SiteInsights {
  const { previous, report } = input;
  const unreadable = previous !== undefined && 'error' in previous;
  const signInRules = { signIns: input.signIns, inactiveDays: input.inactiveDays, now: input.now };
  const facts = report.rows.map((row) => accountFactsOf(row, signInRules, input.rules ?? NO_WASTE_RULES));
  return {
    changes: unreadable ? null : diffSnapshots(previous, input.current),
    ...(unreadable ? { changesError: previous.error } : {}),
    review: reviewItemsOf(report.rows, facts, input.names),
    inactivityCheck: input.signIns === 'unavailable' ? 'unavailable' : 'ok',
    ...(input.signIns === 'unavailable' ? { inactivityUnavailable: input.inactivityUnavailable ?? 'error' } : {}),
    inactiveDays: input.inactiveDays,
    savings: siteSavingsOf(facts),
  };
}
