import { SUCCESSFUL_SIGN_INS_RECORDED_SINCE } from './parseSignInActivity.js';
import type { SignInInfo } from './types.js';

const DAY_MS = 86_400_000;

/** What an account's sign-ins say about its use, `inactiveDays` before `now`. */
export type SignInVerdict =
  /** No sign-in data for the account (created after the read, or the check is unavailable). */
  | { status: 'unknown' }
  /** Created less than `inactiveDays` ago: too new to judge. */
  | { status: 'recent-account' }
  | { status: 'active' }
  | { status: 'inactive'; basis: 'successful' | 'attempt'; lastSignInAt: Date }
  /** Only failed attempts since successes are recorded (2023-12-01): the last success, if any, is older. */
  | { status: 'inactive'; basis: 'failed-attempts-only'; lastSignInAt: null; lastAttemptAt: Date; noSuccessSince: Date }
  | { status: 'never-signed-in' };

/**
 * The inactivity rule, shared by the site mails and the savings (docs/decisions/inactive-means-no-successful-sign-in.md).
 * An account created `inactiveDays` ago or less is never flagged; one of unknown age (Graph has no
 * creation date before 2018) counts as old. A date exactly `inactiveDays` old is not yet inactive.
 */
export function judgeSignIn(info: SignInInfo | undefined, inactiveDays: number, now: Date): SignInVerdict {
  if (!info) return { status: 'unknown' };
  const cutoff = now.getTime() - inactiveDays * DAY_MS;
  if (info.createdAt && info.createdAt.getTime() >= cutoff) return { status: 'recent-account' };

  if (info.basis === 'successful' || info.basis === 'attempt') {
    const last = info.lastSignInAt;
    if (!last) return { status: 'never-signed-in' };
    return last.getTime() < cutoff ? { status: 'inactive', basis: info.basis, lastSignInAt: last } : { status: 'active' };
  }
  if (info.basis === 'failed-attempts-only' && info.lastAttemptAt) {
    // Created since successes are recorded and none recorded: it never signed in successfully.
    if (info.createdAt && info.createdAt >= SUCCESSFUL_SIGN_INS_RECORDED_SINCE) return { status: 'never-signed-in' };
    // With INACTIVE_DAYS reaching before 2023-12-01 a success inside the window cannot be ruled out.
    if (SUCCESSFUL_SIGN_INS_RECORDED_SINCE.getTime() > cutoff) return { status: 'active' };
    return {
      status: 'inactive',
      basis: 'failed-attempts-only',
      lastSignInAt: null,
      lastAttemptAt: info.lastAttemptAt,
      noSuccessSince: SUCCESSFUL_SIGN_INS_RECORDED_SINCE,
    };
  }
  return { status: 'never-signed-in' };
}
