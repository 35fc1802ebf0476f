import { parseUserLicenseStates } from '../insights/waste/parseLicenseAssignmentStates.js';
import type { RawRecord } from '../ports.js';
import type { DirectoryUser } from '../types.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * A Graph user as plain data. Throws a clear Error for a record that cannot become a report row;
 * the caller counts that account as skipped (the "n/m" of the summary) and carries on.
 */
export function parseDirectoryUser(raw: RawRecord): DirectoryUser {
  const id = text(raw['id']);
  if (!id) throw new Error('the directory returned a user without an id');
  const displayName = text(raw['displayName']);
  const userPrincipalName = text(raw['userPrincipalName']);
  if (!displayName && !userPrincipalName) {
    // What Graph returns when the app may list members but not read users (User.Read.All missing).
    throw new Error(`user ${id} came without displayName or userPrincipalName (is User.Read.All granted?)`);
  }

  const licenses = raw['assignedLicenses'] ?? [];
  if (!Array.isArray(licenses)) throw new Error(`user ${id}: assignedLicenses is not a list`);
  const assignedSkuIds: string[] = [];
  licenses.forEach((license: unknown, index) => {
    const skuId = license && typeof license === 'object' ? text((license as RawRecord)['skuId']) : null;
    if (!skuId) throw new Error(`user ${id}: assignedLicenses[${index}] has no skuId`);
    if (!assignedSkuIds.includes(skuId)) assignedSkuIds.push(skuId);
  });

  return {
    id,
    displayName: displayName ?? (userPrincipalName as string),
    givenName: text(raw['givenName']),
    surname: text(raw['surname']),
    mail: text(raw['mail']),
    userPrincipalName: userPrincipalName ?? '',
    jobTitle: text(raw['jobTitle']),
    // Graph omits accountEnabled only when it was not selected: assume enabled rather than flag everyone.
    accountEnabled: raw['accountEnabled'] !== false,
    userType: typeof raw['userType'] === 'string' && raw['userType'].toLowerCase() === 'guest' ? 'Guest' : 'Member',
    assignedSkuIds,
    ...createdAtOf(raw['createdDateTime']),
    ...licenseStatesOf(id, raw),
  };
}

/**
 * licenseAssignmentStates when selected: how each license reaches the account, and errors. They
 * only feed the waste insights, so a value that cannot be read never costs the account its row:
 * an unreadable state is left out, an unreadable list is as if not selected.
 */
function licenseStatesOf(id: string, raw: RawRecord): Pick<DirectoryUser, 'licenseStates'> {
  if (!('licenseAssignmentStates' in raw)) return {};
  const parsed = parseUserLicenseStates(id, raw['licenseAssignmentStates']);
  return parsed ? { licenseStates: parsed.states } : {};
}

/** Graph writes "unknown" as null, "" or 0001-01-01T00:00:00Z. */
function createdAtOf(value: unknown): { createdAt?: string } {
  const date = typeof value === 'string' && value.trim() !== '' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 2000 ? { createdAt: date.toISOString() } : {};
}
