import type { DirectoryUser, SiteReport } from '../../types.js';
import { accountName } from '../accountName.js';
import type { PriceLookup } from '../types.js';
import { findAssignmentErrors, isAssignmentError } from './describeAssignments.js';
import type { GroupNames } from './readGroupNames.js';
import type { AssignmentErrorLine } from './wasteReportTypes.js';
import type { UserLicenseStates } from './wasteTypes.js';

interface Account {
  name: string;
  email: string;
  siteCodes: string[];
  states: UserLicenseStates;
}

/** Every account once, with its assignment states: the sites' rows first, then the tenant's users in no site. */
function accountsWithStates(siteReports: readonly SiteReport[], tenantUsers: readonly DirectoryUser[] | 'unavailable'): Map<string, Account> {
  const accounts = new Map<string, Account>();
  for (const report of siteReports) {
    for (const row of report.rows) {
      const known = accounts.get(row.userId);
      if (known) {
        if (!known.siteCodes.includes(report.site.code)) known.siteCodes.push(report.site.code);
      } else if (row.licenseStates) {
        accounts.set(row.userId, {
          name: accountName(row),
          email: row.email,
          siteCodes: [report.site.code],
          states: { userId: row.userId, states: row.licenseStates },
        });
      }
    }
  }
  for (const user of tenantUsers === 'unavailable' ? [] : tenantUsers) {
    if (accounts.has(user.id) || !user.licenseStates) continue;
    accounts.set(user.id, {
      name: user.displayName,
      email: user.mail ?? user.userPrincipalName,
      siteCodes: [],
      states: { userId: user.id, states: user.licenseStates },
    });
  }
  return accounts;
}

/** The groups whose name the assignment errors need, to read them once before building the lines. */
export function groupsAtFault(siteReports: readonly SiteReport[], tenantUsers: readonly DirectoryUser[] | 'unavailable'): string[] {
  const ids = [...accountsWithStates(siteReports, tenantUsers).values()].flatMap((account) =>
    account.states.states.filter(isAssignmentError).flatMap((state) => (state.assignedByGroup ? [state.assignedByGroup] : [])),
  );
  return [...new Set(ids)];
}

/**
 * Every license assignment in error across the tenant, for IT: the sites' accounts and the
 * licensed accounts in no site, each account once, grouped by the group at fault (direct
 * assignments last), each with who, which license (named as the reports name it) and which group.
 */
export function findRunAssignmentErrors(input: {
  siteReports: readonly SiteReport[];
  tenantUsers: readonly DirectoryUser[] | 'unavailable';
  lookup: PriceLookup;
  groupNames: GroupNames;
}): AssignmentErrorLine[] {
  const accounts = accountsWithStates(input.siteReports, input.tenantUsers);
  return findAssignmentErrors([...accounts.values()].map((account) => account.states)).map((error) => {
    const account = accounts.get(error.userId);
    return {
      ...error,
      name: account?.name ?? error.userId,
      email: account?.email ?? '',
      label: input.lookup(error.skuId).label,
      groupName: error.groupId === null ? null : (input.groupNames.get(error.groupId.toLowerCase()) ?? null),
      siteCodes: account?.siteCodes ?? [],
    };
  });
}
