import { isNetworkFailure } from '../http/isNetworkFailure.js';
import { neverReachedServer } from '../http/neverReachedServer.js';
import type { Backoff } from '../http/retryDelayMs.js';
import { TRANSIENT_STATUSES, type RetryPolicy } from '../http/retryRequest.js';

const SEND_MAIL = /\/sendMail\/?$/i;

/**
 * Retry rules per Graph request. Reads are retried on 429/503/504 and on dropped connections.
 * sendMail is not idempotent: a 5xx, a timeout or a dropped connection may hide a message that
 * went out, so it is retried only when Graph refused it before acting (429) or when the
 * connection never opened.
 */
export function graphRetryPolicy(giveUpMs: number, backoff: Backoff): (method: string, url: string) => RetryPolicy {
  return (method, url) => {
    if (method === 'POST' && SEND_MAIL.test(new URL(url).pathname)) {
      return { giveUpMs, backoff, retryStatuses: [429], retryError: neverReachedServer };
    }
    const idempotent = method === 'GET' || method === 'HEAD';
    return {
      giveUpMs,
      backoff,
      retryStatuses: TRANSIENT_STATUSES,
      retryError: idempotent ? isNetworkFailure : neverReachedServer,
    };
  };
}
