// Plain data of issue 15's waste rules: what Graph says of SKUs, assignments and subscriptions,
// and what the rules conclude. Ids are compared in lower case (GUIDs), part numbers in upper case.
import type { Cents } from '../../types.js';
import type { SignInVerdict } from '../judgeSignIn.js';

// ---------------------------------------------------------------- parsing

/** An item of a Graph list that could not be read: skipped with the reason, never thrown. */
export interface SkippedItem {
  /** Where it was: "value[3]" or "value[3].licenseAssignmentStates[1]". */
  at: string;
  reason: string;
}

export interface Parsed<T> {
  items: T[];
  skipped: SkippedItem[];
}

/** servicePlanInfo (resources/serviceplaninfo.md). */
export interface ServicePlan {
  servicePlanId: string;
  servicePlanName: string;
  /** 'User' = assignable to a user; 'Company' = tenant-wide; null when Graph did not say. */
  appliesTo: string | null;
  provisioningStatus: string | null;
}

/** A subscribed SKU's service plans (GET /subscribedSkus, servicePlans). */
export interface SkuServicePlans {
  skuId: string;
  skuPartNumber: string;
  servicePlans: ServicePlan[];
}

/** user.licenseAssignmentStates[] (resources/licenseassignmentstate.md). */
export interface LicenseAssignmentState {
  skuId: string;
  /** The group the license comes through; null = assigned directly. */
  assignedByGroup: string | null;
  /** Active, ActiveWithError, Disabled or Error. */
  state: string;
  /** CountViolation, MutuallyExclusiveViolation, DependencyViolation, ...; null = none. */
  error: string | null;
  /** ISO instant; null when Graph gave none. */
  lastUpdatedAt: string | null;
  disabledPlans: string[];
}

export interface UserLicenseStates {
  userId: string;
  states: LicenseAssignmentState[];
}

/** companySubscription (GET /directory/subscriptions, resources/companysubscription.md). */
export interface CompanySubscription {
  id: string;
  skuId: string;
  skuPartNumber: string;
  /** Enabled, Warning, Suspended, Deleted or LockedOut. */
  status: string;
  isTrial: boolean;
  totalLicenses: number;
  /** ISO instant the subscription moves to its next state unless renewed; null = none given. */
  nextLifecycleAt: string | null;
}

// ---------------------------------------------------------------- findings

/** License `skuId` gives nothing that `coveredBySkuId`, held by the same account, does not. */
export interface RedundantLicense {
  skuId: string;
  coveredBySkuId: string;
  /** 'service-plans': every user plan of it is in the other; 'known-pair': KNOWN_REDUNDANT_PAIRS. */
  source: 'service-plans' | 'known-pair';
}

export type AssignmentSource = 'direct' | 'group' | 'both';

/** How one license reaches one account: named once, with every source. */
export interface LicenseAssignment {
  skuId: string;
  source: AssignmentSource;
  direct: boolean;
  /** Groups it comes through, each once, in Graph's order. */
  groupIds: string[];
  errors: AssignmentError[];
}

/** An assignment Graph reports in error (state Error or ActiveWithError, or an error code). */
export interface AssignmentError {
  userId: string;
  skuId: string;
  /** The group at fault; null = the direct assignment. */
  groupId: string | null;
  state: string;
  error: string | null;
  lastUpdatedAt: string | null;
}

export type AttentionReason = 'locked-out' | 'suspended' | 'warning' | 'trial' | 'lifecycle-soon';

export interface SubscriptionAttention {
  subscriptionId: string;
  skuId: string;
  skuPartNumber: string;
  label: string;
  status: string;
  isTrial: boolean;
  reasons: AttentionReason[];
  nextLifecycleAt: string | null;
  /** Whole days from the run to nextLifecycleAt (negative = past); null when there is none. */
  daysToLifecycle: number | null;
  seats: number;
  unitPriceCents: Cents | null;
  /** seats x unit price; null when the SKU has no single price ("N/A"). */
  monthlyCostAtStakeCents: Cents | null;
}

// ---------------------------------------------------------------- accounts, reasons, savings

/** What the rules know of one account: the input of the reasons and the savings. */
export interface AccountFacts {
  userId: string;
  disabled: boolean;
  guest: boolean;
  /** Every license it holds, priced as the site mail prices it (null = "N/A"). */
  licenses: ReadonlyArray<{ skuId: string; monthlyPriceCents: Cents | null }>;
  signIn: SignInVerdict;
  redundant: readonly RedundantLicense[];
  assignmentErrors: readonly AssignmentError[];
}

/** One reason to review an account: a code and its values, worded by the renderers. */
export type ReviewReasonEntry =
  | { code: 'disabled-with-paid-licenses'; skuIds: string[]; monthlyCostCents: Cents }
  | { code: 'guest-with-paid-licenses'; skuIds: string[]; monthlyCostCents: Cents }
  | {
      code: 'inactive';
      basis: 'successful' | 'attempt' | 'failed-attempts-only';
      /** YYYY-MM-DD: the last sign-in the rule used, or (failed attempts only) 2023-12-01. */
      since: string;
      /** YYYY-MM-DD of the last failed attempt, for 'failed-attempts-only'. */
      lastAttempt?: string;
      monthlyCostCents: Cents;
    }
  | { code: 'never-used'; monthlyCostCents: Cents }
  | { code: 'redundant-license'; skuId: string; coveredBySkuId: string; source: RedundantLicense['source']; monthlyCostCents: Cents }
  | { code: 'assignment-error'; skuId: string; groupId: string | null; state: string; error: string | null };

export type ReviewReasonCode = ReviewReasonEntry['code'];

export type SavingsCategory = 'idle-seats' | 'disabled' | 'never-used' | 'inactive' | 'redundant';

export interface SavingsLine {
  category: SavingsCategory;
  /** What `count` counts: idle seats, accounts (whole accounts freed) or redundant licenses. */
  unit: 'seats' | 'accounts' | 'licenses';
  count: number;
  monthlyCents: Cents;
  /** monthlyCents x 12. */
  annualCents: Cents;
}

export interface SavingsHeadline {
  monthlyCents: Cents;
  annualCents: Cents;
  /** One line per category in a fixed order (zero lines included); the site lines have no idle seats. */
  breakdown: SavingsLine[];
}

export interface SiteSavings extends SavingsHeadline {
  code: string;
  name: string;
  /** 1 = the site with the largest possible savings. */
  rank: number;
}
