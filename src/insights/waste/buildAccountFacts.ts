import type { AccountRow, LicenseLine } from '../../types.js';
import type { SignInVerdict } from '../judgeSignIn.js';
import { isAssignmentError, toAssignmentError } from './describeAssignments.js';
import { findRedundantLicenses, type HeldLicense, type RedundancyOptions, type ServicePlanCatalog } from './findRedundantLicenses.js';
import type { AccountFacts, LicenseAssignmentState } from './wasteTypes.js';

/** Plans off in every assignment of the SKU: a plan one source turns off, another may turn on. */
function disabledEverywhere(states: readonly LicenseAssignmentState[]): string[] {
  const [first, ...others] = states;
  return (first?.disabledPlans ?? []).filter((plan) => others.every((state) => state.disabledPlans.includes(plan)));
}

/**
 * The facts the reasons and the savings read for one account of a site report (or one licensed
 * account in no site): its priced licenses, its sign-in verdict (judgeSignIn, or 'unknown' when
 * sign-ins could not be read), its redundant licenses and its assignment errors. Without
 * assignment states (not read), every license counts as active with all its plans.
 */
export function buildAccountFacts(input: {
  /** An AccountRow, or a licensed account in no site (UncoveredAccount). */
  row: Pick<AccountRow, 'userId' | 'disabled' | 'guest'> & { licenses: ReadonlyArray<Pick<LicenseLine, 'skuId' | 'monthlyPriceCents'>> };
  signIn: SignInVerdict;
  /** The account's licenseAssignmentStates (parseLicenseAssignmentStates). */
  assignmentStates?: readonly LicenseAssignmentState[];
  catalog: ServicePlanCatalog;
  redundancy?: RedundancyOptions;
}): AccountFacts {
  const states = input.assignmentStates ?? [];
  const held: HeldLicense[] = input.row.licenses.map((line) => {
    const own = states.filter((state) => state.skuId === line.skuId.toLowerCase());
    return {
      skuId: line.skuId,
      disabledPlanIds: disabledEverywhere(own),
      // A license works when one of its sources does; with no state known, assume it works.
      active: own.length === 0 || own.some((state) => !isAssignmentError(state)),
      monthlyPriceCents: line.monthlyPriceCents,
    };
  });
  return {
    userId: input.row.userId,
    disabled: input.row.disabled,
    guest: input.row.guest,
    licenses: input.row.licenses.map((line) => ({ skuId: line.skuId, monthlyPriceCents: line.monthlyPriceCents })),
    signIn: input.signIn,
    redundant: findRedundantLicenses(held, input.catalog, input.redundancy),
    assignmentErrors: states.filter(isAssignmentError).map((state) => toAssignmentError(input.row.userId, state)),
  };
}
