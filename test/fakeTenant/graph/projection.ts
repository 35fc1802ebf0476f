// $select handling for directory objects. Graph returns a fixed default property
// set for users; assignedLicenses, accountEnabled, userType and signInActivity
// appear only when selected (learn.microsoft.com/graph/api/user-list, "Properties").
import type { FakeGroup, FakeLicenseAssignmentState, FakeUser } from '../types.js';
import { isGroup } from './directory.js';

export const USER_DEFAULT_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'businessPhones',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
] as const;

/** Properties the fake knows; the ones it does not model come back as null / []. */
const USER_PROPERTIES = [
  ...USER_DEFAULT_PROPERTIES,
  'accountEnabled',
  'userType',
  'assignedLicenses',
  'signInActivity',
  'department',
  'companyName',
  'employeeId',
  'usageLocation',
  'mailNickname',
  'createdDateTime',
  'otherMails',
  'proxyAddresses',
  'assignedPlans',
  'onPremisesSyncEnabled',
  'employeeType',
  'licenseAssignmentStates',
];
const GROUP_PROPERTIES = ['id', 'displayName', 'description', 'mail', 'mailEnabled', 'securityEnabled', 'groupTypes', 'assignedLicenses'];
const GROUP_DEFAULT_PROPERTIES = GROUP_PROPERTIES.filter((p) => p !== 'assignedLicenses');
const ARRAY_PROPERTIES = new Set(['businessPhones', 'otherMails', 'proxyAddresses', 'assignedPlans', 'groupTypes', 'assignedLicenses']);

/** What a projection may need beyond the entry itself. */
export interface ProjectionContext {
  /** licenseAssignmentStates of a user (explicit, or derived from group-based licensing). */
  licenseStates?: (user: FakeUser) => FakeLicenseAssignmentState[];
  /**
   * The caller may not read user properties (no User.Read.All): "only the @odata.type property
   * for the object type and the id is returned, while other properties are indicated as null"
   * (learn.microsoft.com/graph/api/directoryobject-getbyids, "Limited information returned").
   */
  usersLimited?: boolean;
}

/** Canonical property names for a $select list, or the first unknown name. */
export function resolveSelect(raw: string[], type: 'user' | 'directoryObject'): { ok: true; select: string[] } | { ok: false; unknown: string } {
  const known = type === 'user' ? USER_PROPERTIES : [...new Set([...USER_PROPERTIES, ...GROUP_PROPERTIES])];
  const select: string[] = [];
  for (const name of raw) {
    const canonical = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!canonical) return { ok: false, unknown: name };
    if (!select.includes(canonical)) select.push(canonical);
  }
  return { ok: true, select };
}

function userValue(user: FakeUser, property: string, context: ProjectionContext): unknown {
  if (context.usersLimited) return null;
  if (property === 'licenseAssignmentStates') return context.licenseStates?.(user) ?? user.licenseAssignmentStates ?? [];
  const value = (user as unknown as Record<string, unknown>)[property];
  if (value !== undefined) return value;
  return ARRAY_PROPERTIES.has(property) ? [] : null;
}

function groupValue(group: FakeGroup, property: string): unknown {
  switch (property) {
    case 'mailEnabled':
      return Boolean(group.mail);
    case 'securityEnabled':
      return true;
    default: {
      const value = (group as unknown as Record<string, unknown>)[property];
      if (value !== undefined) return value;
      return ARRAY_PROPERTIES.has(property) ? [] : null;
    }
  }
}

/**
 * One directory object as Graph serialises it: `id` always, then the selected (or default)
 * properties the object's type has. `withType` adds "@odata.type", as on member collections.
 */
export function projectEntry(
  entry: FakeUser | FakeGroup,
  select: string[] | null,
  withType: boolean,
  context: ProjectionContext = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (withType) out['@odata.type'] = isGroup(entry) ? '#microsoft.graph.group' : '#microsoft.graph.user';
  out.id = entry.id;
  if (isGroup(entry)) {
    const props = select ?? GROUP_DEFAULT_PROPERTIES;
    for (const p of props) if (GROUP_PROPERTIES.includes(p) && p !== 'id') out[p] = groupValue(entry, p);
    return out;
  }
  const props = select ?? USER_DEFAULT_PROPERTIES;
  for (const p of props) if (USER_PROPERTIES.includes(p) && p !== 'id') out[p] = userValue(entry, p, context);
  return out;
}
