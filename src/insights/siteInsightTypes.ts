// What a site's mail adds: changes since its last report, accounts to review, sign-ins.
import type { Cents, RunWarning } from '../types.js';
import type { Period } from './snapshotTypes.js';

// ---------------------------------------------------------------- site insights

/** An account that arrived in or left a site. `licenses` are labels. */
export interface AccountChange {
  userId: string;
  name: string;
  email: string;
  licenses: string[];
  monthlyCostCents: Cents;
}

export interface LicenseChange {
  userId: string;
  name: string;
  email: string;
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

export type ReviewReason = 'disabled-with-paid-license' | 'inactive' | 'never-used' | 'guest-with-paid-license';

export interface ReviewItem {
  userId: string;
  name: string;
  email: string;
  reason: ReviewReason;
  /**
   * Neutral text for logs and JSON: the last sign-in date (YYYY-MM-DD), "never signed in", "no successful
   * sign-in since YYYY-MM-DD", or license labels.
   */
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
}

export type InactivityUnavailable = 'forbidden' | 'error';

// ---------------------------------------------------------------- sign-ins

/**
 * Which signInActivity date the inactivity rule reads (docs/decisions/inactive-means-no-successful-sign-in.md):
 * 'successful' = lastSuccessfulSignInDateTime; 'attempt' = the last attempt, when Graph cannot say whether
 * it succeeded (property not returned, or an attempt from before 2023-12-01, when successes were not yet
 * recorded); 'failed-attempts-only' = attempts since 2023-12-01 but no success recorded; 'never' = no date.
 */
export type SignInBasis = 'successful' | 'attempt' | 'failed-attempts-only' | 'never';

export interface SignInInfo {
  /** The date the inactivity rule uses (see basis); null for 'failed-attempts-only' and 'never'. */
  lastSignInAt: Date | null;
  basis: SignInBasis;
  /** The most recent attempt, interactive or not, successful or not; null = none recorded. */
  lastAttemptAt: Date | null;
  /** createdDateTime; null when Graph does not know it (accounts created before mid-2018). */
  createdAt: Date | null;
}

export type SignInMap = ReadonlyMap<string, SignInInfo>;

export type SignInRead =
  | { signIns: SignInMap }
  | { signIns: 'unavailable'; reason: 'forbidden' | 'error'; message: string; warning?: RunWarning };

