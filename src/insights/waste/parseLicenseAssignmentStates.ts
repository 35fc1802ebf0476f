import { guidOf, instantOf, isRecord, listOf, textOf } from './readRaw.js';
import type { LicenseAssignmentState, Parsed, SkippedItem, UserLicenseStates } from './wasteTypes.js';

/** Graph writes a successful assignment's error as null; tools also show "None". */
const errorOf = (value: unknown): string | null => {
  const text = textOf(value);
  return text && text.toLowerCase() !== 'none' ? text : null;
};

function parseState(raw: unknown, userId: string, at: string): LicenseAssignmentState | SkippedItem {
  if (!isRecord(raw)) return { at, reason: `user ${userId}: an assignment state that is not an object` };
  const skuId = guidOf(raw['skuId']);
  if (!skuId) return { at, reason: `user ${userId}: an assignment state without skuId (GUID)` };
  const state = textOf(raw['state']);
  if (!state) return { at, reason: `user ${userId}, SKU ${skuId}: an assignment state without state` };
  const group = raw['assignedByGroup'];
  const assignedByGroup = group === null || group === undefined || group === '' ? null : guidOf(group);
  if (assignedByGroup === null && group !== null && group !== undefined && group !== '') {
    return { at, reason: `user ${userId}, SKU ${skuId}: assignedByGroup is not a group id` };
  }
  const disabledPlans = (listOf(raw, 'disabledPlans') ?? []).map(guidOf).filter((id): id is string => id !== null);
  return { skuId, assignedByGroup, state, error: errorOf(raw['error']), lastUpdatedAt: instantOf(raw['lastUpdatedDateTime']), disabledPlans };
}

/**
 * One user's licenseAssignmentStates (the raw list Graph returned for `userId`). Never throws: a
 * state that cannot be read is skipped with the reason, the user's other states are kept;
 * undefined when the value is not a list at all.
 */
export function parseUserLicenseStates(
  userId: string,
  raw: unknown,
  at = 'licenseAssignmentStates',
): { states: LicenseAssignmentState[]; skipped: SkippedItem[] } | undefined {
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : undefined;
  if (!list) return undefined;
  const states: LicenseAssignmentState[] = [];
  const skipped: SkippedItem[] = [];
  list.forEach((state, stateIndex) => {
    const parsed = parseState(state, userId, `${at}[${stateIndex}]`);
    if ('reason' in parsed) skipped.push(parsed);
    else states.push(parsed);
  });
  return { states, skipped };
}

/**
 * Each user's licenseAssignmentStates (resources/licenseassignmentstate.md: skuId, assignedByGroup
 * null = direct, state Active | ActiveWithError | Disabled | Error, error, lastUpdatedDateTime,
 * disabledPlans), from GET /users?$select=id,licenseAssignmentStates. Never throws: a user without
 * an id or whose states are not a list is skipped, and so is a state that cannot be read (the
 * user's other states are kept), each with the reason.
 */
export function parseLicenseAssignmentStates(rawUsers: readonly unknown[]): Parsed<UserLicenseStates> {
  const items: UserLicenseStates[] = [];
  const skipped: SkippedItem[] = [];
  rawUsers.forEach((user, index) => {
    const at = `value[${index}]`;
    const userId = isRecord(user) ? textOf(user['id']) : null;
    if (!isRecord(user) || !userId) return void skipped.push({ at, reason: 'a user without an id' });
    const parsed = parseUserLicenseStates(userId, user['licenseAssignmentStates'], `${at}.licenseAssignmentStates`);
    if (!parsed) return void skipped.push({ at, reason: `user ${userId}: licenseAssignmentStates is not a list` });
    skipped.push(...parsed.skipped);
    items.push({ userId, states: parsed.states });
  });
  return { items, skipped };
}
