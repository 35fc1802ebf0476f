import { GraphError } from '@microsoft/microsoft-graph-client';
import { HttpError, redactSecrets, toError } from '../../errors.js';
import { pathWithoutQuery } from '../http/pathWithoutQuery.js';
import { uncarryError } from './carryError.js';

/**
 * Turns what the Graph client threw into the project's errors: an HTTP answer becomes an HttpError
 * naming method, path (no query string), status and Graph's error code and message; errors our
 * middlewares carried (TimeoutError, HttpError, fetch failures) come out as they were thrown.
 */
export function toAdapterError(error: unknown, method: string, url: string): Error {
  const carried = uncarryError(error);
  if (carried !== error) return toError(carried);
  // Error statuses are thrown by HttpErrorMiddleware (carried above); a GraphError with a 2xx status
  // is an answer the client could not parse, a failed read rather than an HTTP error.
  if (error instanceof GraphError && error.statusCode >= 400) {
    const detail = [error.code, error.message].filter(Boolean).join(': ');
    return new HttpError(method, pathWithoutQuery(url), error.statusCode, redactSecrets(detail));
  }
  const reason = redactSecrets(toError(error).message);
  return new Error(`${method} ${pathWithoutQuery(url)} failed: ${reason}`, { cause: error });
}
