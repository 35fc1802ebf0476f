import { describe, expect, it } from 'vitest';
import { retryRequest, TRANSIENT_STATUSES, type RetryPolicy } from '../../../src/adapters/http/retryRequest.js';
import { HttpError } from '../../../src/errors.js';

const request = { method: 'GET', url: 'https://graph.fake.test/v1.0/users?$skiptoken=secret' };

/** Answers the given statuses in order (then 200), recording the waits instead of sleeping. */
function scripted(statuses: Array<number | Error>, retryAfter?: string) {
  const waits: number[] = [];
  let calls = 0;
  let clock = 0;
  const send = async (): Promise<Response> => {
    const next = statuses[calls++] ?? 200;
    if (next instanceof Error) throw next;
    return new Response(next === 200 ? '{}' : null, { status: next, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
  };
  const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
    giveUpMs: 10_000,
    retryStatuses: TRANSIENT_STATUSES,
    retryError: () => false,
    backoff: { baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    ...overrides,
  });
  return { send, policy, waits, calls: () => calls };
}

describe('retryRequest', () => {
  it('retries 429, 503 and 504 until an answer that is not one of them', async () => {
    const s = scripted([429, 503, 504], '0.25');
    const response = await retryRequest(s.send, request, s.policy());
    expect(response.status).toBe(200);
    expect(s.calls()).toBe(4);
    expect(s.waits).toEqual([250, 250, 250]);
  });

  it('returns other errors at once for the caller to report', async () => {
    const s = scripted([500]);
    expect((await retryRequest(s.send, request, s.policy())).status).toBe(500);
    expect(s.calls()).toBe(1);
  });

  it('retries only the statuses of the policy (sendMail: 429 only)', async () => {
    const s = scripted([503]);
    expect((await retryRequest(s.send, request, s.policy({ retryStatuses: [429] }))).status).toBe(503);
    expect(s.calls()).toBe(1);
  });

  it('stops before a wait would pass the budget, with an HttpError without the query string', async () => {
    const s = scripted(Array(100).fill(429), '4');
    const error = await retryRequest(s.send, request, s.policy({ giveUpMs: 10_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    // 0 s, 4 s, 8 s: a third wait would end at 12 s, past the 10 s budget.
    expect(s.waits).toEqual([4_000, 4_000]);
    expect((error as HttpError).message).toBe(
      'GET /v1.0/users answered 429: throttled; gave up after 3 attempt(s) in 8000 ms (RETRY_GIVE_UP_MS=10000, next wait 4000 ms)',
    );
  });

  it('retries a failure without an answer only when the policy allows it', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const allowed = scripted([refused, refused]);
    expect((await retryRequest(allowed.send, request, allowed.policy({ retryError: () => true }))).status).toBe(200);
    expect(allowed.calls()).toBe(3);

    const denied = scripted([refused]);
    await expect(retryRequest(denied.send, request, denied.policy())).rejects.toBe(refused);
    expect(denied.calls()).toBe(1);
  });
});
