import type { SiteReport } from '../types.js';
import { diffSnapshots } from './diffSnapshots.js';
import { findAccountsToReview } from './findAccountsToReview.js';
import type { InactivityUnavailable, SignInMap, SiteInsights, SiteSnapshot } from './types.js';

/**
 * What a site's mail adds to the account list: the changes since its last report and the accounts
 * to review. `previous` is the last sent report's snapshot, undefined for a first report, or the
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
}): SiteInsights {
  const { previous } = input;
  const unreadable = previous !== undefined && 'error' in previous;
  return {
    changes: unreadable ? null : diffSnapshots(previous, input.current),
    ...(unreadable ? { changesError: previous.error } : {}),
    review: findAccountsToReview(input.report.rows, input.signIns, input.inactiveDays, input.now),
    inactivityCheck: input.signIns === 'unavailable' ? 'unavailable' : 'ok',
    ...(input.signIns === 'unavailable' ? { inactivityUnavailable: input.inactivityUnavailable ?? 'error' } : {}),
    inactiveDays: input.inactiveDays,
  };
}
