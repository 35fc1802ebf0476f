import type { TimelinePipe } from '@pnp/core/index.js';
import type { Queryable } from '@pnp/queryable/index.js';
import { isNetworkFailure } from '../http/isNetworkFailure.js';
import type { Backoff } from '../http/retryDelayMs.js';
import { TRANSIENT_STATUSES } from '../http/retryRequest.js';
import { sendWithRetryAndTimeout } from '../http/sendWithRetryAndTimeout.js';

export interface FetchWithRetryAndTimeoutProps {
  fetch?: typeof fetch;
  /** Deadline of one attempt, body included (REQUEST_TIMEOUT_MS). */
  timeoutMs: number;
  /** Time budget of one request across retries (RETRY_GIVE_UP_MS). */
  giveUpMs: number;
  backoff: Backoff;
}

/**
 * PnPjs send behavior: 429/503/504 retried honouring Retry-After, each attempt under a deadline.
 * Replaces PnPjs's own options because they do not fit: BrowserFetchWithRetry reads Retry-After
 * with parseInt (SharePoint's "0.5" becomes 0 ms, an HTTP date NaN) and counts retries instead
 * of bounding time; Timeout() sets one timer per request, never cleared, shared by all retries,
 * and rejects with a bare AbortError; NodeFetchWithRetry lives in @pnp/nodejs, which we do not use.
 */
export function FetchWithRetryAndTimeout(props: FetchWithRetryAndTimeoutProps): TimelinePipe<Queryable<unknown>> {
  return (instance) => {
    instance.on.send.clear();
    instance.on.send(async function (url, init) {
      const request = { method: (init.method ?? 'GET').toUpperCase(), url: url.toString() };
      const send = props.fetch ?? globalThis.fetch;
      return sendWithRetryAndTimeout(
        (signal) => send(request.url, { ...init, signal }),
        request,
        {
          giveUpMs: props.giveUpMs,
          backoff: props.backoff,
          retryStatuses: TRANSIENT_STATUSES,
          // Only reads go through this adapter: a dropped connection is safe to retry.
          retryError: isNetworkFailure,
        },
        props.timeoutMs,
      );
    });
    return instance;
  };
}
