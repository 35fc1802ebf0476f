import type { RawRecord } from '../ports.js';
import type { SignInInfo } from './types.js';

const SIGN_IN_FIELDS = ['lastSignInDateTime', 'lastNonInteractiveSignInDateTime', 'lastSuccessfulSignInDateTime'] as const;

function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value);
  // Graph writes 0001-01-01T00:00:00Z for "never" in some tenants: not a sign-in.
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 ? null : date;
}

/**
 * Last sign-in per user id from GET /users?$select=id,createdDateTime,signInActivity. The most
 * recent of the interactive, non-interactive and successful dates counts: a user who only syncs
 * mail in Outlook signs in non-interactively and is not inactive. signInActivity null = never.
 */
export function parseSignInActivity(rawUsers: readonly RawRecord[]): Map<string, SignInInfo> {
  const signIns = new Map<string, SignInInfo>();
  for (const raw of rawUsers) {
    const id = typeof raw['id'] === 'string' ? raw['id'].trim() : '';
    if (!id) continue;
    const activity = raw['signInActivity'];
    let lastSignInAt: Date | null = null;
    if (activity && typeof activity === 'object') {
      for (const field of SIGN_IN_FIELDS) {
        const date = toDate((activity as RawRecord)[field]);
        if (date && (!lastSignInAt || date > lastSignInAt)) lastSignInAt = date;
      }
    }
    signIns.set(id, { lastSignInAt, createdAt: toDate(raw['createdDateTime']) });
  }
  return signIns;
}
