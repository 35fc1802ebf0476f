/** Waits used when the service gives no Retry-After. */
export interface Backoff {
  /** Wait before the first retry, doubled for each further one. */
  baseDelayMs: number;
  /** Longest single wait. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * Milliseconds to wait before retry number `attempt` (1 = first retry). Retry-After wins when
 * present: seconds, fractional included (Graph sends "0.5" style values; parseInt would make it
 * 0), or an HTTP date. Without it: capped exponential backoff with "equal jitter", so parallel
 * sites that were throttled together do not come back together.
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
