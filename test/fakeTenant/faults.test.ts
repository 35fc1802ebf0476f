// Fault rules (429 + Retry-After, hang, reset, custom responses), latency and
// in-flight tracking, as reliability tests will use them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { throttle } from './faults.js';
import { auth, getJson, GRAPH, mswTenant } from './testkit.js';

const { tenant, server } = mswTenant(undefined, { latencyMs: 20 });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => tenant.reset());
afterAll(() => server.close());

const skus = `${GRAPH}/subscribedSkus`;

describe('fault rules', () => {
  it('throttle(): 429 with Retry-After and a Graph TooManyRequests body, then success', async () => {
    tenant.addFault(throttle({ kind: 'subscribedSkus', times: 2, retryAfterSeconds: 0.2 }));
    const statuses: number[] = [];
    for (;;) {
      const reply = await getJson(skus);
      statuses.push(reply.status);
      if (reply.status !== 429) break;
      expect(reply.headers.get('retry-after')).toBe('0.2');
      expect(reply.body.error).toMatchObject({ code: 'TooManyRequests' });
      await new Promise((r) => setTimeout(r, Number(reply.headers.get('retry-after')) * 1000));
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(tenant.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('matches on method, pathIncludes and predicate, in order, counting times down', async () => {
    tenant.addFault({
      match: { method: 'GET', pathIncludes: '/users', predicate: (r) => r.headers.get('x-test') === '1' },
      times: 1,
      respond: { status: 503, headers: { 'Retry-After': '3' }, body: { error: { code: 'serviceNotAvailable', message: 'down' } } },
    });
    tenant.addFault({ match: { kind: 'users' }, respond: { status: 500 } });
    expect((await getJson(`${GRAPH}/users`, auth({ 'x-test': '1' }))).status).toBe(503);
    expect((await getJson(`${GRAPH}/users`, auth({ 'x-test': '1' }))).status).toBe(500);
    tenant.clearFaults();
    expect((await getJson(`${GRAPH}/users`)).status).toBe(200);
  });

  it("'hang' never answers but honours the client's abort; other requests proceed", async () => {
    tenant.addFault({ match: { kind: 'users' }, times: 1, respond: 'hang' });
    const hung = fetch(`${GRAPH}/users`, { headers: auth(), signal: AbortSignal.timeout(300) });
    expect((await getJson(skus)).status).toBe(200);
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    expect(tenant.requests.find((r) => r.kind === 'users')?.status).toBe(0);
  });

  it("'reset' makes fetch reject with a network TypeError", async () => {
    tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 1, respond: 'reset' });
    await expect(fetch(skus, { headers: auth() })).rejects.toThrow(TypeError);
    expect((await getJson(skus)).status).toBe(200);
  });

  it("handle() itself throws TypeError('fetch failed') on 'reset'", async () => {
    tenant.addFault({ match: {}, times: 1, respond: 'reset' });
    const failure = tenant.handle(new Request(skus, { headers: auth() }));
    await expect(failure).rejects.toBeInstanceOf(TypeError);
    await expect(failure).rejects.toThrow('fetch failed');
  });
});

describe('latency and concurrency', () => {
  it('applies latency per request and records peak in-flight per kind', async () => {
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => getJson(skus)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(18);
    expect(tenant.maxInFlight('subscribedSkus')).toBe(6);
    expect(tenant.maxInFlight('sendMail')).toBe(0);
    const record = tenant.requests[0];
    expect(record).toMatchObject({ method: 'GET', url: skus, kind: 'subscribedSkus', status: 200 });
    expect((record?.endedAt ?? 0) - (record?.startedAt ?? 0)).toBeGreaterThanOrEqual(15);
  });

  it('reset() clears requests, mail, faults and peaks but keeps data', async () => {
    tenant.addFault({ match: {}, respond: { status: 500 } });
    await getJson(skus);
    const users = tenant.data.users.length;
    tenant.reset();
    expect(tenant.requests).toHaveLength(0);
    expect(tenant.maxInFlight('subscribedSkus')).toBe(0);
    expect((await getJson(skus)).status).toBe(200);
    expect(tenant.data.users).toHaveLength(users);
  });
});
