import { GraphClientError } from '@microsoft/microsoft-graph-client';

/**
 * GraphRequest turns anything a middleware throws into a GraphError, keeping only the message,
 * unless it is a GraphClientError. Our middlewares throw project errors (TimeoutError, HttpError)
 * and raw fetch failures the callers must classify, so they travel in `customError`, the field the
 * library provides for that; toAdapterError unwraps them.
 */
export function carryError(error: unknown): GraphClientError {
  if (error instanceof GraphClientError) return error;
  const carrier = new GraphClientError(error instanceof Error ? error.message : String(error));
  carrier.customError = error;
  return carrier;
}

/** The error carryError wrapped, or `error` itself. */
export function uncarryError(error: unknown): unknown {
  return error instanceof GraphClientError && error.customError !== undefined ? error.customError : error;
}
