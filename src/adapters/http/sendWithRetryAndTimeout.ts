import { fetchWithTimeout } from './fetchWithTimeout.js';
import { retryRequest, type RetryPolicy } from './retryRequest.js';

/**
 * The send step of both adapters (Graph and SharePoint): each attempt under its own deadline
 * (REQUEST_TIMEOUT_MS), retried as `policy` says. The deadline sits below the retry, so what the
 * policy sees is the answer, the TimeoutError or the fetch failure of one attempt.
 */
export function sendWithRetryAndTimeout(
  send: (signal: AbortSignal) => Promise<Response>,
  request: { method: string; url: string },
  policy: RetryPolicy,
  timeoutMs: number,
): Promise<Response> {
  return retryRequest(() => fetchWithTimeout(send, { ...request, timeoutMs }), request, policy);
}
