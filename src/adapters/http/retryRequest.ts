import { HttpError } from '../../errors.js';
import { pathWithoutQuery } from './pathWithoutQuery.js';
import { retryDelayMs, type Backoff } from './retryDelayMs.js';

/** How one request is retried. Built per request: sendMail gets a stricter policy than reads. */
export interface RetryPolicy {
  /** Longest time spent on one request, retries and waits included (RETRY_GIVE_UP_MS). */
  giveUpMs: number;
  /** HTTP statuses worth another attempt. */
  retryStatuses: readonly number[];
  /** Fetch failures (no HTTP answer) worth another attempt. */
  retryError: (error: unknown) => boolean;
  backoff: Backoff;
  /** Injectable for tests: a fake clock that `sleep` advances. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The statuses Graph and SharePoint use for "try again later". */
export const TRANSIENT_STATUSES: readonly number[] = [429, 503, 504];

const STATUS_TEXT: Record<number, string> = { 429: 'throttled', 503: 'service unavailable', 504: 'gateway timeout' };

/**
 * Sends a request until it gets an answer that is not in `retryStatuses`, honouring Retry-After,
 * and stops before the next wait would pass `giveUpMs` (counted from the first attempt): then it
 * throws an HttpError naming method, path and the last status.
 */
export async function retryRequest(
  send: () => Promise<Response>,
  request: { method: string; url: string },
  policy: RetryPolicy,
): Promise<Response> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = policy.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt += 1) {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      if (!policy.retryError(error)) throw error;
      const wait = retryDelayMs(null, attempt, policy.backoff);
      if (now() - started + wait > policy.giveUpMs) throw error;
      await sleep(wait);
      continue;
    }
    if (!policy.retryStatuses.includes(response.status)) return response;
    const wait = retryDelayMs(response.headers.get('Retry-After'), attempt, policy.backoff, now());
    const elapsed = now() - started;
    if (elapsed + wait > policy.giveUpMs) {
      const what = STATUS_TEXT[response.status] ?? 'failed';
      throw new HttpError(
        request.method,
        pathWithoutQuery(request.url),
        response.status,
        `${what}; gave up after ${attempt} attempt(s) in ${elapsed} ms (RETRY_GIVE_UP_MS=${policy.giveUpMs}, next wait ${wait} ms)`,
      );
    }
    await response.body?.cancel();
    await sleep(wait);
  }
}
