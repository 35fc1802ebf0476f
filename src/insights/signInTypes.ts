// The sign-in facts the inactivity rule reads (GET /users signInActivity) and Microsoft's product
// names (its licensing CSV), as the insights read them once per run. Re-exported by types.ts.
import type { RunWarning } from '../core/types.js';

/**
 * Which signInActivity date the inactivity rule reads (docs/decisions/inactive-means-no-successful-sign-in.md):
 * 'successful' = lastSuccessfulSignInDateTime; 'attempt' = the last attempt, when Graph cannot say whether
 * it succeeded; 'failed-attempts-only' = attempts since 2023-12-01 but no success recorded; 'never' = no date.
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

/** Why the sign-ins could not be read: 'forbidden' = the tenant lacks Entra ID P1 or AuditLog.Read.All (403). */
export type InactivityUnavailable = 'forbidden' | 'error';

export type SignInMap = ReadonlyMap<string, SignInInfo>;

export type SignInRead = { signIns: SignInMap } | { signIns: 'unavailable'; reason: InactivityUnavailable; message: string; warning?: RunWarning };

/** Display names by SKU id (lower case) and by SKU part number (upper case). */
export type ProductNames = ReadonlyMap<string, string>;

export interface ProductNamesResult {
  names: ProductNames;
  source: 'fresh' | 'cache' | 'none';
  /** Why the fresh copy could not be used (the run goes on with the cache or technical names). */
  error?: string;
  /** ISO instant the names were downloaded. */
  fetchedAt?: string;
}
