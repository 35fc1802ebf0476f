import { HttpError, TimeoutError } from '../../errors.js';
import { isNetworkFailure, pathWithoutQuery, toNetworkError } from './networkFailure.js';

/** Waits used when the service gives no Retry-After: the first, doubled for each further one, capped. */
export interface Backoff {
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** How one request is retried: sendMail gets a stricter policy than reads. */
export interface RetryPolicy {
  /** HTTP statuses worth another attempt. */
  retryStatuses: readonly number[];
  /** Failures without an HTTP answer worth another attempt. */
  retryError: (error: unknown) => boolean;
}

/** Reads: Graph's and SharePoint's "try again later" answers and dropped connections are retried. */
export const TRANSIENT_STATUSES: readonly number[] = [429, 503, 504];
export const READ_POLICY: RetryPolicy = { retryStatuses: TRANSIENT_STATUSES, retryError: isNetworkFailure };

/** The moment the run stops waiting (epoch ms), and the setting that put it there, for messages. */
export interface RunDeadline {
  at: number;
  setting: string;
}

export interface HttpStepOptions {
  /** Deadline of one attempt, body included (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** No wait before a retry may end past it (RUN_DEADLINE_MINUTES after the run started). */
  deadline: RunDeadline;
  /** Sent on every request (decoratedUserAgent). */
  userAgent: string;
  fetch?: typeof fetch; // default: the global one, looked up per call (msw intercepts it)
  backoff?: Backoff;
  /** Injectable for tests: a fake clock that `sleep` advances, so a 120 s Retry-After costs nothing. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Sends one HTTP request for the Graph and SharePoint adapters. */
export interface HttpStep {
  send(url: string, init?: RequestInit, policy?: RetryPolicy): Promise<Response>;
}

const STATUS_TEXT: Record<number, string> = { 429: 'throttled', 503: 'service unavailable', 504: 'gateway timeout' };

/**
 * The send step of both adapters: each attempt under its own timeout, answers in
 * `policy.retryStatuses` retried after the wait the service asks (Retry-After) or a capped
 * exponential backoff. The budget is the run's: a request gives up only when the next wait would
 * end past the run deadline, with an HttpError saying so. A failure without an answer comes out
 * as a NetworkError naming host and cause.
 */
export function createHttpStep(options: HttpStepOptions): HttpStep {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const { deadline } = options;
  const fits = (waitMs: number): boolean => now() + waitMs <= deadline.at;
  const left = (): string => seconds(Math.max(0, deadline.at - now()));

  return {
    async send(url, init = {}, policy = READ_POLICY) {
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = new Headers(init.headers);
      headers.set('User-Agent', options.userAgent);
      const fetchImpl = options.fetch ?? globalThis.fetch;
      for (let attempt = 1; ; attempt += 1) {
        let response: Response;
        try {
          response = await fetchWithTimeout((signal) => fetchImpl(url, { ...init, headers, signal }), {
            method,
            url,
            timeoutMs: options.requestTimeoutMs,
          });
        } catch (error) {
          if (!isNetworkFailure(error)) throw error;
          const failure = toNetworkError(error, method, url);
          const wait = retryDelayMs(null, attempt, backoff);
          if (!policy.retryError(error) || !fits(wait)) throw failure;
          await sleep(wait);
          continue;
        }
        if (!policy.retryStatuses.includes(response.status)) return response;
        const retryAfter = response.headers.get('Retry-After');
        const wait = retryDelayMs(retryAfter, attempt, backoff, now());
        if (!fits(wait)) {
          const asked = parseRetryAfter(retryAfter, now()) === undefined ? 'backoff' : `Retry-After: ${retryAfter}`;
          throw new HttpError(
            method,
            pathWithoutQuery(url),
            response.status,
            `${STATUS_TEXT[response.status] ?? 'failed'} after ${attempt} attempt(s); waiting ${seconds(wait)} more (${asked}) ` +
              `would pass the run deadline (${deadline.setting}, ${left()} left)`,
          );
        }
        await sleep(wait);
      }
    },
  };
}

/**
 * Milliseconds to wait before retry number `attempt` (1 = first retry). Retry-After wins when
 * present: seconds, fractional included (Graph may send "0.5"; parseInt would make it 0; SharePoint
 * sends whole seconds, often 120), or an HTTP date. Without it: capped exponential backoff with
 * "equal jitter", so parallel sites throttled together do not come back together.
 */
export function retryDelayMs(
  retryAfter: string | null,
  attempt: number,
  backoff: Backoff,
  nowMs: number = Date.now(),
  random: () => number = Math.random,
): number {
  const fromHeader = parseRetryAfter(retryAfter, nowMs);
  if (fromHeader !== undefined) return fromHeader;
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // An HTTP date names a weekday and month: plain numbers such as "-1" are not dates.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

// Statuses whose Response may not carry a body (the Response constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * One HTTP exchange under a timeout, the body included (read before the timer is lifted: a server
 * that sends headers and then stalls times out too); resolves with a fully buffered Response. A
 * missed timeout rejects with TimeoutError naming method and path, even if fetch ignores the signal.
 */
export async function fetchWithTimeout(
  send: (signal: AbortSignal) => Promise<Response>,
  request: { method: string; url: string; timeoutMs: number },
): Promise<Response> {
  const abort = new AbortController();
  let expired!: () => void;
  const timedOut = new Promise<never>((_, reject) => {
    expired = () => reject(new TimeoutError(request.method, pathWithoutQuery(request.url), request.timeoutMs));
  });
  timedOut.catch(() => undefined); // observed through the races below
  const timer = setTimeout(() => {
    expired();
    abort.abort();
  }, request.timeoutMs);
  try {
    const response = await Promise.race([send(abort.signal), timedOut]);
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

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
