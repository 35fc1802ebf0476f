// The insights' types: what is kept from month to month (snapshots, JSON-safe), what a site's mail adds
// (changes since its last report, accounts to review), central IT's view (seats, coverage, costs).
import type { Cents, LicenseLine } from '../core/types.js';
import type { InactivityUnavailable, ProductNamesResult, SignInBasis } from './signInTypes.js';
import type { ReviewWasteFields, RunWaste } from './waste/wasteReportTypes.js';
import type { SavingsHeadline } from './waste/wasteTypes.js';

export type * from './signInTypes.js';

/** "YYYY-MM", the report month. Periods compare as strings. */
export type Period = string;

/** Who a line of an insight is about. */
interface NamedAccount {
  userId: string;
  name: string;
  email: string;
}

// ---------------------------------------------------------------- snapshots
/** A license as remembered in a snapshot: the id to compare on, the label to show. */
export type SnapshotLicense = Pick<LicenseLine, 'skuId' | 'label'>;

export interface SnapshotAccount extends NamedAccount {
  licenses: SnapshotLicense[];
  monthlyCostCents: Cents;
}

/** One site's rows as they were reported in one period. */
export interface SiteSnapshot {
  schema: 1;
  period: Period;
  siteCode: string;
  siteName: string;
  /** ISO instant. */
  takenAt: string;
  accounts: SnapshotAccount[];
  monthlyCostCents: Cents;
}

/** The run-level figures kept to compare next month's costs with this month's. */
export interface RunCosts {
  schema: 1;
  period: Period;
  takenAt: string;
  bySite: Array<{ code: string; name: string; cents: Cents }>;
  /** Per SKU, over every licensed account counted once (sites deduplicated, plus accounts in no site). */
  byLicense: Array<{ skuId: string; label: string; cents: Cents }>;
}

// ---------------------------------------------------------------- site insights
/** An account that arrived in or left a site. `licenses` are labels. */
export interface AccountChange extends NamedAccount {
  licenses: string[];
  monthlyCostCents: Cents;
}

export interface LicenseChange extends NamedAccount {
  /** Labels. */
  added: string[];
  removed: string[];
  costThenCents: Cents;
  costNowCents: Cents;
}

export interface SiteChanges {
  /** No earlier snapshot for this site: the mail says "first report". */
  firstReport: boolean;
  previousPeriod?: Period;
  arrived: AccountChange[];
  left: AccountChange[];
  licenseChanges: LicenseChange[];
  costThenCents?: Cents;
  costNowCents: Cents;
  deltaCents?: Cents;
}

export type ReviewReason = 'disabled-with-paid-license' | 'inactive' | 'never-used' | 'guest-with-paid-license' | 'redundant-license' | 'assignment-error';

/** One reason to review one account: an account with several reasons has one item for each. */
export interface ReviewItem extends NamedAccount, ReviewWasteFields {
  reason: ReviewReason;
  /** Neutral text for logs and JSON: the sign-in date used (YYYY-MM-DD), "never signed in", "no successful sign-in since YYYY-MM-DD", license labels, "X next to Y", or "X: error (group)". */
  detail: string;
  /** Labels of the account's licenses (all of them, so the reader sees what a removal frees). */
  licenses: string[];
  monthlyCostCents: Cents;
  /** For 'inactive' and 'never-used': ISO instant of the sign-in the rule used, null = none. */
  lastSignInAt?: string | null;
  /** For 'inactive': which date the rule used (SignInBasis); absent in results written before it existed. */
  signInBasis?: Exclude<SignInBasis, 'never'>;
  /** For 'inactive' on failed attempts only: ISO instant of the last (failed) attempt. */
  lastAttemptAt?: string;
}

export type CheckStatus = 'ok' | 'unavailable';

export interface SiteInsights {
  /** null when the previous snapshot could not be read: the mail says the comparison is unavailable. */
  changes: SiteChanges | null;
  changesError?: string;
  review: ReviewItem[];
  inactivityCheck: CheckStatus;
  /** Why the check is unavailable: 'forbidden' = the tenant lacks Entra ID P1 or AuditLog.Read.All (403). */
  inactivityUnavailable?: InactivityUnavailable;
  inactiveDays: number;
  /** The site's possible savings, each account once (docs/decisions/possible-savings-counted-once.md). */
  savings?: SavingsHeadline;
}

/** How one SKU is named and priced: the core's join rule, plus Microsoft's name when unpriced. */
export type PriceLookup = (skuId: string) => Pick<LicenseLine, 'label' | 'monthlyPriceCents' | 'match' | 'skuPartNumber'>;

// ---------------------------------------------------------------- run insights
export interface SeatLine {
  skuId: string;
  skuPartNumber: string;
  label: string;
  capabilityStatus: string;
  purchased: number;
  assigned: number;
  /** purchased - assigned, never below 0. */
  idle: number;
  /** assigned - purchased when more seats are assigned than purchased (a warning, not "0 idle"). */
  overAssigned?: number;
  /** Seats in grace period, suspended and locked out (/subscribedSkus prepaidUnits), shown as such. */
  warning?: number;
  suspended?: number;
  lockedOut?: number;
  unitPriceCents: Cents | null;
  /** idle x unit price; 0 when unpriced. */
  idleCostCents: Cents;
}

export type LicenseCost = Pick<LicenseLine, 'skuId' | 'label' | 'monthlyPriceCents'>;

export interface UncoveredAccount extends NamedAccount {
  disabled: boolean;
  guest: boolean;
  licenses: LicenseCost[];
  monthlyCostCents: Cents;
}

export interface MultiSiteAccount extends NamedAccount {
  siteCodes: string[];
  monthlyCostCents: Cents;
  /** What the sum of the site totals counts too much for this account: cost x (sites - 1). */
  overcountCents: Cents;
}

export interface Coverage {
  uncovered: UncoveredAccount[];
  uncoveredCostCents: Cents;
  multiSite: MultiSiteAccount[];
  /** Sum of the site totals: what the site mails add up to. */
  sitesTotalCents: Cents;
  /** The sites' accounts each counted once. */
  organisationCostCents: Cents;
  /** sitesTotalCents - organisationCostCents. */
  overcountCents: Cents;
}

export interface CostComparison {
  previousPeriod: Period | null;
  costBySite: Array<{ code: string; name: string; nowCents: Cents; thenCents: Cents | null }>;
  costByLicense: Array<{ skuId: string; label: string; nowCents: Cents; thenCents: Cents | null }>;
}

export interface RunInsights extends CostComparison, Coverage {
  seats: SeatLine[];
  idleCostCents: Cents;
  /** 'unavailable' when the tenant's users could not be read: uncovered accounts are then unknown. */
  coverageCheck: CheckStatus;
  /** organisationCostCents + uncoveredCostCents: every licensed account of the tenant, once. */
  tenantCostCents: Cents;
  /** Sites without a report this run: their members may show as "in no site". */
  incompleteSites: string[];
  inactivityCheck: CheckStatus;
  inactivityUnavailable?: InactivityUnavailable;
  productNamesSource: ProductNamesResult['source'];
  /** ISO instant Microsoft's product names were downloaded (fresh or cached copy). */
  productNamesFetchedAt?: string;
  /** 'some-sites' for a --site run: accounts in no site are not looked for, costs by license cover those sites only. */
  scope: 'all-sites' | 'some-sites';
  /** Possible savings, subscriptions to act on, assignment errors (issue 15); absent when they could not be computed. */
  waste?: RunWaste | undefined;
}
