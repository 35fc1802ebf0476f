import { TimeoutError } from '../../errors.js';
import { pathWithoutQuery } from './pathWithoutQuery.js';

export interface TimedRequest {
  method: string;
  url: string;
  timeoutMs: number;
}

// Statuses whose Response may not carry a body (the Response constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Runs one HTTP exchange under a deadline, the body included: `send` gets the AbortSignal to
 * hand to fetch, and the body is read before the deadline is lifted, so a server that sends
 * headers and then stalls times out too. Resolves with an equivalent, fully buffered Response.
 * A missed deadline rejects with TimeoutError naming method and path (never the query string),
 * even if the fetch in use ignores the signal.
 */
export async function fetchWithTimeout(
  send: (signal: AbortSignal) => Promise<Response>,
  request: TimedRequest,
): Promise<Response> {
  const deadline = new AbortController();
  let expired!: () => void;
  const timedOut = new Promise<never>((_, reject) => {
    expired = () => reject(new TimeoutError(request.method, pathWithoutQuery(request.url), request.timeoutMs));
  });
  timedOut.catch(() => undefined); // observed through the races below
  const timer = setTimeout(() => {
    expired();
    deadline.abort();
  }, request.timeoutMs);
  try {
    const response = await Promise.race([send(deadline.signal), timedOut]);
    const body = await Promise.race([response.arrayBuffer(), timedOut]);
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } finally {
    clearTimeout(timer);
  }
}
