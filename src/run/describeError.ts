import { redactSecrets, toError } from '../errors.js';

/** An error as one line for the summary and the logs, without any token a library put into it. */
export function describeError(error: unknown): string {
  return redactSecrets(toError(error).message).replace(/\s+/g, ' ').trim();
}
