import { redactSecrets, toError } from '../errors.js';

/** An error as one line for warnings and logs, without any token a library put into it. */
export function describeFailure(error: unknown): string {
  return redactSecrets(toError(error).message).replace(/\s+/g, ' ').trim();
}
