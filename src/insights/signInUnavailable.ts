import { describeError, HttpError } from '../errors.js';
import type { SignInRead } from './types.js';

/**
 * Why the sign-ins cannot be read. Graph answers 403 when the tenant lacks Entra ID P1 or the app
 * lacks AuditLog.Read.All: that is a tenant's choice, not a failure, so the mails say the check is
 * unavailable and no warning is raised. Any other error is a warning, never a failed run: the
 * inactivity check is an extra.
 */
export function signInUnavailable(error: unknown): Extract<SignInRead, { signIns: 'unavailable' }> {
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
