import { parseDirectoryUser } from '../core/parseDirectoryUser.js';
import type { Directory } from '../ports.js';
import type { DirectoryUser, RunWarning } from '../types.js';
import { describeError } from '../errors.js';

const LICENSED_USERS_SELECT = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'accountEnabled',
  'userType',
  'assignedLicenses',
  'licenseAssignmentStates',
] as const;

export type LicensedUsersRead = { users: DirectoryUser[]; unreadable: number } | { users: 'unavailable'; warning: RunWarning };

/**
 * Every tenant user holding at least one license, to find the licensed accounts no site reports
 * (and, with licenseAssignmentStates, an account whose only license is in error: it holds none).
 * A record that cannot be parsed is counted, not fatal; a failed read is a warning, never a failed run.
 * `onFirstPage` hears how many users the first page held (pages of 999): the sign-ins read by it.
 */
export async function readAllLicensedUsers(directory: Pick<Directory, 'pageUsers'>, onFirstPage?: (users: number) => void): Promise<LicensedUsersRead> {
  const users: DirectoryUser[] = [];
  let unreadable = 0;
  let pages = 0;
  try {
    // Parsed page by page: a 50,000-user tenant's raw records are never all in memory at once.
    for await (const page of directory.pageUsers(LICENSED_USERS_SELECT)) {
      if (pages++ === 0) onFirstPage?.(page.length);
      for (const record of page) {
        try {
          const user = parseDirectoryUser(record);
          if (user.assignedSkuIds.length > 0 || (user.licenseStates?.length ?? 0) > 0) users.push(user);
        } catch {
          unreadable++;
        }
      }
    }
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
  return { users, unreadable };
}
