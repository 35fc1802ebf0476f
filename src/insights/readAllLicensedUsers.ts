import { parseDirectoryUser } from '../core/parseDirectoryUser.js';
import type { Directory } from '../ports.js';
import type { DirectoryUser, RunWarning } from '../types.js';
import { describeError } from '../errors.js';

const LICENSED_USERS_SELECT = [
  'id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'accountEnabled', 'userType', 'assignedLicenses', 'licenseAssignmentStates',
] as const;

export type LicensedUsersRead =
  | { users: DirectoryUser[]; unreadable: number }
  | { users: 'unavailable'; warning: RunWarning };

/**
 * Every tenant user holding at least one license, to find the licensed accounts no site reports
 * (and, with licenseAssignmentStates, an account whose only license is in error: it holds none).
 * A record that cannot be parsed is counted, not fatal; a failed read is a warning, never a failed run.
 */
export async function readAllLicensedUsers(directory: Pick<Directory, 'listUsers'>): Promise<LicensedUsersRead> {
  let raw;
  try {
    raw = await directory.listUsers(LICENSED_USERS_SELECT);
  } catch (error) {
    const message = describeError(error);
    return {
      users: 'unavailable',
      warning: {
        code: 'insights-unavailable',
        message: `Licensed accounts in no site could not be looked for this month: the tenant's users could not be read: ${message}`,
        details: { insight: 'coverage', reason: message },
      },
    };
  }
  const users: DirectoryUser[] = [];
  let unreadable = 0;
  for (const record of raw) {
    try {
      const user = parseDirectoryUser(record);
      if (user.assignedSkuIds.length > 0 || (user.licenseStates?.length ?? 0) > 0) users.push(user);
    } catch {
      unreadable++;
    }
  }
  return { users, unreadable };
}
