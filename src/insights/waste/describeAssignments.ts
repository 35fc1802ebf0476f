import type { AssignmentError, LicenseAssignment, LicenseAssignmentState, UserLicenseStates } from './wasteTypes.js';

const ERROR_STATES = new Set(['error', 'activewitherror']);

/** Graph's assignment is in error: state Error / ActiveWithError, or any error code. */
export const isAssignmentError = (state: LicenseAssignmentState): boolean => ERROR_STATES.has(state.state.toLowerCase()) || state.error !== null;

/** One state in error, for the account that holds it. */
export const toAssignmentError = (userId: string, state: LicenseAssignmentState): AssignmentError => ({
  userId,
  skuId: state.skuId,
  groupId: state.assignedByGroup,
  state: state.state,
  error: state.error,
  lastUpdatedAt: state.lastUpdatedAt,
});

/**
 * How each license reaches one account: directly, through group(s), or both. A license assigned
 * both ways is named once with every source (Graph lists one state per source); the sources in
 * error are kept on it, each with the group at fault (null = the direct assignment). In Graph's order.
 */
export function describeAssignments(user: UserLicenseStates): LicenseAssignment[] {
  const bySku = new Map<string, LicenseAssignment>();
  for (const state of user.states) {
    let assignment = bySku.get(state.skuId);
    if (!assignment) {
      assignment = { skuId: state.skuId, source: 'direct', direct: false, groupIds: [], errors: [] };
      bySku.set(state.skuId, assignment);
    }
    if (state.assignedByGroup === null) assignment.direct = true;
    else if (!assignment.groupIds.includes(state.assignedByGroup)) assignment.groupIds.push(state.assignedByGroup);
    if (isAssignmentError(state)) assignment.errors.push(toAssignmentError(user.userId, state));
  }
  for (const assignment of bySku.values()) {
    assignment.source = assignment.direct && assignment.groupIds.length > 0 ? 'both' : assignment.direct ? 'direct' : 'group';
  }
  return [...bySku.values()];
}

/**
 * Every assignment in error across the tenant, for IT: grouped by the group at fault (direct
 * assignments last), then by error code, user and SKU, so one broken group reads as one block.
 */
export function findAssignmentErrors(users: readonly UserLicenseStates[]): AssignmentError[] {
  const errors = users.flatMap((user) => user.states.filter(isAssignmentError).map((state) => toAssignmentError(user.userId, state)));
  const text = (value: string | null): string => value ?? '\uffff';
  return errors.sort(
    (a, b) =>
      text(a.groupId).localeCompare(text(b.groupId)) ||
      text(a.error).localeCompare(text(b.error)) ||
      a.userId.localeCompare(b.userId) ||
      a.skuId.localeCompare(b.skuId),
  );
}
