import { describeError, HttpError } from '../errors.js';
import type { Directory } from '../ports.js';
import { parseSignInActivity } from './parseSignInActivity.js';
import type { SignInRead } from './types.js';

// createdDateTime tells an account that never signed in because it is new from an abandoned one.
// With signInActivity selected Graph serves pages of 120 users at most (user-list): 50,000 users
// take ~420 requests, read once per run while the lists load, never per account.
const SIGN_IN_SELECT = ['id', 'createdDateTime', 'signInActivity'] as const;

/**
 * Every user's last sign-in, or 'unavailable'. Graph answers 403 when the tenant lacks Entra ID P1
 * or the app lacks AuditLog.Read.All: that is a tenant's choice, not a failure, so the mails say
 * the check is unavailable and no warning is raised. Any other error is a warning, never a failed
 * run: the inactivity check is an extra.
 */
export async function readSignInActivity(directory: Pick<Directory, 'listUsers'>): Promise<SignInRead> {
  try {
    return { signIns: parseSignInActivity(await directory.listUsers(SIGN_IN_SELECT)) };
  } catch (error) {
    const message = describeError(error);
    if (error instanceof HttpError && error.status === 403) {
      return {
        signIns: 'unavailable',
        reason: 'forbidden',
        message: `sign-in activity not readable (needs AuditLog.Read.All and Microsoft Entra ID P1): ${message}`,
      };
    }
    return {
      signIns: 'unavailable',
      reason: 'error',
      message,
      warning: {
        code: 'insights-unavailable',
        message: `Inactive accounts could not be checked this month: the users' sign-in activity could not be read: ${message}`,
        details: { insight: 'inactivity', reason: message },
      },
    };
  }
}
