import type { AccountRow, LicenseLine } from '../../types.js';
import { judgeSignIn } from '../judgeSignIn.js';
import type { SignInMap } from '../types.js';
import { buildAccountFacts } from './buildAccountFacts.js';
import type { ServicePlanCatalog } from './findRedundantLicenses.js';
import type { OverlapException } from './parseOverlapExceptions.js';
import type { AccountFacts, LicenseAssignmentState } from './wasteTypes.js';

/** What the redundancy rule reads, once per run: the tenant's service plans and the pairs held on purpose. */
export interface WasteRules {
  /** Service plans of the tenant's SKUs (/subscribedSkus), by SKU id. */
  catalog: ServicePlanCatalog;
  /** LICENSE_OVERLAP_EXCEPTIONS. */
  exceptions: readonly OverlapException[];
}

/** No service plans known: no license is called redundant (a caller without the tenant's SKUs). */
export const NO_WASTE_RULES: WasteRules = { catalog: new Map(), exceptions: [] };

/** What the inactivity rule reads: every user's sign-ins (or 'unavailable'), INACTIVE_DAYS and the run's start. */
export interface SignInRules {
  signIns: SignInMap | 'unavailable';
  inactiveDays: number;
  now: Date;
}

/** A site's account row, or a licensed account in no site. */
export type AccountToJudge = Pick<AccountRow, 'userId' | 'disabled' | 'guest'> & {
  licenses: ReadonlyArray<Pick<LicenseLine, 'skuId' | 'monthlyPriceCents'>>;
  licenseStates?: readonly LicenseAssignmentState[];
};

/** The facts the review reasons and the savings read for one account, by the run's rules. */
export function accountFactsOf(account: AccountToJudge, signInRules: SignInRules, rules: WasteRules): AccountFacts {
  const { signIns, inactiveDays, now } = signInRules;
  return buildAccountFacts({
    row: account,
    signIn: signIns === 'unavailable' ? { status: 'unknown' } : judgeSignIn(signIns.get(account.userId), inactiveDays, now),
    ...(account.licenseStates ? { assignmentStates: account.licenseStates } : {}),
    catalog: rules.catalog,
    redundancy: { exceptions: rules.exceptions },
  });
}
