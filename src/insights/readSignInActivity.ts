import type { Directory } from '../ports.js';
import { parseSignInActivity } from './parseSignInActivity.js';
import { signInUnavailable } from './signInUnavailable.js';
import type { SignInRead } from './types.js';

// createdDateTime tells an account that never signed in because it is new from an abandoned one.
export const SIGN_IN_SELECT = ['id', 'createdDateTime', 'signInActivity'] as const;

/**
 * Every user's last sign-in, the whole tenant in pages (120 or 500 users each with signInActivity,
 * one after the other), or 'unavailable' (signInUnavailable). The run reads a large tenant's
 * sign-ins by id instead (createSignInReader).
 */
export async function readSignInActivity(directory: Pick<Directory, 'pageUsers'>): Promise<SignInRead> {
  try {
    const users = [];
    for await (const page of directory.pageUsers(SIGN_IN_SELECT)) users.push(...page);
    return { signIns: parseSignInActivity(users) };
  } catch (error) {
    return signInUnavailable(error);
  }
}
