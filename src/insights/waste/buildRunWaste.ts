import type { DirectoryUser, SiteReport } from '../../types.js';
import type { PriceLookup, SeatLine, UncoveredAccount } from '../types.js';
import { accountFactsOf, type SignInRules, type WasteRules } from './accountFactsOf.js';
import { computePossibleSavings } from './computePossibleSavings.js';
import { findRunAssignmentErrors } from './findRunAssignmentErrors.js';
import { findSubscriptionsNeedingAttention } from './findSubscriptionsNeedingAttention.js';
import type { SubscriptionsRead } from './readCompanySubscriptions.js';
import type { GroupNames } from './readGroupNames.js';
import type { RunWaste } from './wasteReportTypes.js';

const pairText = (exception: { a: string; b: string }): string => `${exception.a}+${exception.b}`;

/**
 * Central IT's view of the waste, pure: the organisation's possible savings (idle paid seats, then
 * every account once, in a site or in none, by the same facts as the site mails) and the sites
 * ranked by theirs; the subscriptions to act on; every assignment in error, with its group.
 */
export function buildRunWaste(input: {
  siteReports: readonly SiteReport[];
  /** Licensed accounts no site reports (findCoverage), priced as the summary prices them. */
  uncovered: readonly UncoveredAccount[];
  /** The tenant's licensed users (their assignment states), or 'unavailable' (a partial run, a failed read). */
  tenantUsers: readonly DirectoryUser[] | 'unavailable';
  seats: readonly SeatLine[];
  signIns: SignInRules;
  rules: WasteRules;
  lookup: PriceLookup;
  subscriptions: SubscriptionsRead;
  groupNames: GroupNames;
}): RunWaste {
  const { signIns, rules } = input;
  const statesOf = new Map((input.tenantUsers === 'unavailable' ? [] : input.tenantUsers).map((user) => [user.id, user.licenseStates]));
  const savings = computePossibleSavings({
    sites: input.siteReports.map((report) => ({
      code: report.site.code,
      name: report.site.name,
      accounts: report.rows.map((row) => accountFactsOf(row, signIns, rules)),
    })),
    accountsInNoSite: input.uncovered.map((account) => {
      const licenseStates = statesOf.get(account.userId);
      return accountFactsOf({ ...account, ...(licenseStates ? { licenseStates } : {}) }, signIns, rules);
    }),
    seats: input.seats,
  });
  const read = input.subscriptions;
  return {
    savings: savings.organisation,
    sites: savings.sites,
    subscriptionsCheck: read.subscriptions === 'unavailable' ? 'unavailable' : 'ok',
    ...(read.subscriptions === 'unavailable' ? { subscriptionsUnavailable: read.reason } : {}),
    subscriptions:
      read.subscriptions === 'unavailable' ? [] : findSubscriptionsNeedingAttention(read.subscriptions, { now: signIns.now, lookup: input.lookup }),
    assignmentErrors: findRunAssignmentErrors(input),
    overlapExceptions: rules.exceptions.map(pairText),
    inactiveDays: signIns.inactiveDays,
  };
}
