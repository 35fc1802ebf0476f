import { describeError, HttpError } from '../errors.js';

/** Why a group could not be read, in words IT can act on (a 404 is nearly always a deleted group). */
export function describeGroupError(groupId: string, error: unknown): string {
  if (error instanceof HttpError && error.status === 404) return `group ${groupId} not found (deleted?)`;
  if (error instanceof HttpError && error.status === 403) {
    return `reading group ${groupId} was refused (403: check GroupMember.Read.All and User.Read.All): ${describeError(error)}`;
  }
  return `group ${groupId} could not be read: ${describeError(error)}`;
}
