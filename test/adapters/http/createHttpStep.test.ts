import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHttpStep, fetchWithTimeout, READ_POLICY, retryDelayMs, type RetryPolicy } from '../../../src/adapters/http/createHttpStep.js';
import { NetworkError } from '../../../src/adapters/http/networkFailure.js';
import { decoratedUserAgent } from '../../../src/adapters/http/userAgent.js';
import { HttpError, TimeoutError } from '../../../src/errors.js';

const URL_WITH_SECRET = 'https://graph.fake.test/v1.0/users?$skiptoken=secret';
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

type Answer = number | { status: number; retryAfter?: string } | Error;

/** A send step over a scripted fetch (answers in order, then 200) and a fake clock. */
function scripted(answers: Answer[], options: { deadlineMs?: number; minutes?: number } = {}) {
  const waits: number[] = [];
  const userAgents: Array<string | null> = [];
  let clock = Date.parse('2026-02-01T06:00:00Z');
  const start = clock;
  let calls = 0;
  const fetchImpl: typeof fetch = async (_url, init) => {
    userAgents.push(new Headers(init?.headers).get('user-agent'));
    const next = answers[calls++] ?? 200;
    if (next instanceof Error) throw next;
    const { status, retryAfter } = typeof next === 'number' ? { status: next, retryAfter: undefined } : next;
    return new Response(status === 200 ? '{}' : null, { status, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
  };
  const http = createHttpStep({
    requestTimeoutMs: 1_000,
    deadline: { at: start + (options.deadlineMs ?? 25 * 60_000), setting: `RUN_DEADLINE_MINUTES=${options.minutes ?? 25}` },
    userAgent: decoratedUserAgent('Association Horizon'),
    fetch: fetchImpl,
    backoff: { baseDelayMs: 100, maxDelayMs: 1_000 },
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
  });
  return { send: (policy?: RetryPolicy) => http.send(URL_WITH_SECRET, {}, policy), waits, userAgents, calls: () => calls };
}

const refused = () => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }) });

describe('the send step: throttling waits what the service asks, until the run deadline', () => {
  it('retries 429, 503 and 504, waiting each Retry-After, until another answer', async () => {
    const s = scripted([
      { status: 429, retryAfter: '0.25' },
      { status: 503, retryAfter: '0.25' },
      { status: 504, retryAfter: '0.25' },
    ]);
    expect((await s.send()).status).toBe(200);
    expect(s.calls()).toBe(4);
    expect(s.waits).toEqual([250, 250, 250]);
  });

  it("waits SharePoint's whole-second Retry-After: 120 in full, then reads (fake clock)", async () => {
    const s = scripted([
      { status: 429, retryAfter: '120' },
      { status: 429, retryAfter: '120' },
    ]);
    expect((await s.send()).status).toBe(200);
    expect(s.waits).toEqual([120_000, 120_000]);
  });

  it('honours a fractional Retry-After and an HTTP date', async () => {
    const s = scripted([
      { status: 429, retryAfter: '0.05' },
      { status: 503, retryAfter: 'Sun, 01 Feb 2026 06:00:04 GMT' },
    ]);
    await s.send();
    // The date is 4 s after the start; the first wait took 0.05 s of it.
    expect(s.waits).toEqual([50, 3_950]);
  });

  it("returns other statuses at once for the caller to report, and retries only the policy's statuses", async () => {
    const server = scripted([500]);
    expect((await server.send()).status).toBe(500);
    expect(server.calls()).toBe(1);
    const sendMail = scripted([503]);
    expect((await sendMail.send({ retryStatuses: [429], retryError: () => false })).status).toBe(503);
    expect(sendMail.calls()).toBe(1);
  });

  it('gives up when the next wait would pass the run deadline, saying so, without the query string', async () => {
    const s = scripted(Array(100).fill({ status: 429, retryAfter: '4' }), { deadlineMs: 10_000, minutes: 0.17 });
    const error = await s.send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    // 0 s, 4 s, 8 s: a third wait would end at 12 s, past the deadline at 10 s.
    expect(s.waits).toEqual([4_000, 4_000]);
    expect((error as HttpError).message).toBe(
      'GET /v1.0/users answered 429: throttled after 3 attempt(s); waiting 4 s more (Retry-After: 4) would pass the run deadline (RUN_DEADLINE_MINUTES=0.17, 2 s left)',
    );
  });

  it('fails at once a Retry-After of 120 s when the deadline is 100 s away', async () => {
    const s = scripted([{ status: 429, retryAfter: '120' }], { deadlineMs: 100_000 });
    const error = await s.send().catch((e: unknown) => e);
    expect(s.calls()).toBe(1);
    expect(s.waits).toEqual([]);
    expect((error as Error).message).toContain('waiting 120 s more (Retry-After: 120) would pass the run deadline (RUN_DEADLINE_MINUTES=25, 100 s left)');
  });

  it('backs off without Retry-After, and says so when the deadline stops it', async () => {
    const s = scripted(Array(100).fill(503), { deadlineMs: 3_000 });
    const error = await s.send().catch((e: unknown) => e);
    expect(s.waits.length).toBeGreaterThan(2);
    expect(s.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3_000);
    expect((error as Error).message).toMatch(/service unavailable after \d+ attempt\(s\); waiting [\d.]+ s more \(backoff\) would pass the run deadline/);
  });

  it('identifies itself on every attempt: NONISV|<ORG_NAME>|m365-license-report/<version>', async () => {
    const s = scripted([{ status: 429, retryAfter: '1' }]);
    await s.send();
    expect(s.userAgents).toEqual(Array(2).fill(`NONISV|Association Horizon|m365-license-report/${VERSION}`));
  });
});

describe('the send step: failures without an answer', () => {
  it('retries a refused connection when the policy allows it, within the deadline', async () => {
    const s = scripted([refused(), refused()]);
    expect((await s.send()).status).toBe(200);
    expect(s.calls()).toBe(3);
  });

  it('names the host, the path and the cause instead of "fetch failed"', async () => {
    const s = scripted([refused()]);
    const error = await s.send({ retryStatuses: [], retryError: () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe('GET graph.fake.test/v1.0/users failed: connection refused (ECONNREFUSED)');
    expect(s.calls()).toBe(1);
  });

  it('stops retrying a dropped connection at the deadline, with the same description', async () => {
    const s = scripted(Array(100).fill(refused()), { deadlineMs: 500 });
    const error = await s.send(READ_POLICY).catch((e: unknown) => e);
    expect((error as Error).message).toContain('connection refused (ECONNREFUSED)');
    expect(s.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(500);
  });
});

describe('decoratedUserAgent', () => {
  it.each([
    ['Association Horizon', 'Association Horizon'],
    ['Société Générale', 'Societe Generale'],
    ['A|B ☃', 'A-B -'],
    ['   ', 'Organisation'],
  ])('%j -> NONISV|%s|m365-license-report/1.2.3', (org, shown) => {
    expect(decoratedUserAgent(org, '1.2.3')).toBe(`NONISV|${shown}|m365-license-report/1.2.3`);
  });
});

describe('retryDelayMs', () => {
  const backoff = { baseDelayMs: 1_000, maxDelayMs: 30_000 };
  const NOW = Date.parse('2025-02-01T06:00:00Z');

  it.each([
    ['0.05', 50],
    ['0.5', 500],
    ['1.5', 1_500],
    ['2', 2_000],
    [' 3 ', 3_000],
    ['120', 120_000],
    ['0', 0],
    ['Sat, 01 Feb 2025 06:00:04 GMT', 4_000],
    ['Sat, 01 Feb 2025 05:59:00 GMT', 0],
  ])('honours Retry-After %j as %i ms', (header, expected) => {
    expect(retryDelayMs(header, 1, backoff, NOW)).toBe(expected);
  });

  it.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [3, 2_000, 4_000],
    [6, 15_000, 30_000],
    [20, 15_000, 30_000],
  ])('without Retry-After, attempt %i waits between %i and %i ms (doubling, capped)', (attempt, min, max) => {
    expect(retryDelayMs(null, attempt, backoff, NOW, () => 0)).toBe(min);
    expect(retryDelayMs(null, attempt, backoff, NOW, () => 1)).toBe(max);
  });

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs('soon', 1, backoff, NOW, () => 0)).toBe(500);
    expect(retryDelayMs('-1', 1, backoff, NOW, () => 0)).toBe(500);
  });
});

describe('fetchWithTimeout', () => {
  const request = { method: 'GET', url: 'https://contoso.sharepoint.fake.test/sites/it/_api/web?sig=SECRET', timeoutMs: 30 };

  it('hands back the answer, body buffered, headers and status kept', async () => {
    const response = await fetchWithTimeout(async () => new Response('{"a":1}', { status: 201, headers: { 'Content-Type': 'application/json' } }), request);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('keeps a body-less 204', async () => {
    const response = await fetchWithTimeout(async () => new Response(null, { status: 204 }), request);
    expect(response.status).toBe(204);
  });

  it('aborts a request that never answers and names it without the query string', async () => {
    let aborted = false;
    const error = await fetchWithTimeout(
      (signal) =>
        new Promise<Response>((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
      request,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('GET /sites/it/_api/web did not answer within 30 ms');
    expect(aborted).toBe(true);
  });

  it('times out a server that sends headers and then stalls the body', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"val')) });
    const error = await fetchWithTimeout(async () => new Response(stalled, { status: 200 }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('times out even with a fetch that ignores the abort signal', async () => {
    const error = await fetchWithTimeout(() => new Promise<Response>(() => undefined), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('lets other failures through unchanged', async () => {
    const failure = new TypeError('fetch failed');
    await expect(fetchWithTimeout(() => Promise.reject(failure), request)).rejects.toBe(failure);
  });
});
