import { HttpError } from '../errors.js';

/** The HTTP status an adapter error carries, if any (HttpError, or a library error with statusCode). */
export function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpError) return error.status;
  if (error && typeof error === 'object') {
    for (const key of ['status', 'statusCode']) {
      const value = (error as Record<string, unknown>)[key];
      if (typeof value === 'number') return value;
    }
  }
  return undefined;
}
