import type { RawRecord } from '../ports.js';
import type { SignInBasis, SignInInfo } from './types.js';

/** Entra ID records successful sign-ins since this day and did not backfill them (signinactivity.md). */
export const SUCCESSFUL_SIGN_INS_RECORDED_SINCE = new Date('2023-12-01T00:00:00Z');

const ATTEMPT_FIELDS = ['lastSignInDateTime', 'lastNonInteractiveSignInDateTime'] as const;
const SUCCESS_FIELD = 'lastSuccessfulSignInDateTime';

/** Graph writes "no date" as null, "" or 0001-01-01T00:00:00Z: none of them is a sign-in. */
export function readGraphDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 ? null : date;
}

function latest(dates: ReadonlyArray<Date | null>): Date | null {
  let last: Date | null = null;
  for (const date of dates) if (date && (!last || date > last)) last = date;
  return last;
}

/**
 * Which date says whether an account is used. lastSignInDateTime and lastNonInteractiveSignInDateTime
 * move on failed attempts too (password spraying keeps abandoned accounts "recent"), so the last
 * successful sign-in decides when Graph gives it. When it is empty: an attempt from before
 * 2023-12-01 may have succeeded unrecorded, so that attempt is the best date known; an attempt
 * since then with no success recorded was a failure.
 */
function basisOf(successField: 'absent' | Date | null, lastAttemptAt: Date | null): { basis: SignInBasis; lastSignInAt: Date | null } {
  if (successField instanceof Date) return { basis: 'successful', lastSignInAt: successField };
  if (!lastAttemptAt) return { basis: 'never', lastSignInAt: null };
  if (successField === 'absent' || lastAttemptAt < SUCCESSFUL_SIGN_INS_RECORDED_SINCE) return { basis: 'attempt', lastSignInAt: lastAttemptAt };
  return { basis: 'failed-attempts-only', lastSignInAt: null };
}

/**
 * Sign-in facts per user id from GET /users?$select=id,createdDateTime,signInActivity.
 * signInActivity null = never signed in. A record without an id is skipped.
 */
export function parseSignInActivity(rawUsers: readonly RawRecord[]): Map<string, SignInInfo> {
  const signIns = new Map<string, SignInInfo>();
  for (const raw of rawUsers) {
    const id = typeof raw['id'] === 'string' ? raw['id'].trim() : '';
    if (!id) continue;
    const value = raw['signInActivity'];
    const activity = value && typeof value === 'object' ? (value as RawRecord) : {};
    const lastAttemptAt = latest(ATTEMPT_FIELDS.map((field) => readGraphDate(activity[field])));
    // A tenant (or cloud) that does not return the property at all cannot tell successes apart.
    const success = SUCCESS_FIELD in activity || value === null ? readGraphDate(activity[SUCCESS_FIELD]) : 'absent';
    signIns.set(id, { ...basisOf(success, lastAttemptAt), lastAttemptAt, createdAt: readGraphDate(raw['createdDateTime']) });
  }
  return signIns;
}
