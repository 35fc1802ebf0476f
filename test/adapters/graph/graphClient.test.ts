import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { HttpError, TimeoutError } from '../../../src/errors.js';
import { sampleTenantData, throttle } from '../../fakeTenant/index.js';
import { useFakeTenant } from '../http/useFakeTenant.js';
import { testGraph as defaultTestGraph, type TestGraphOptions } from './testGraph.js';

// A Graph host that is not graph.microsoft.com, with a port: every test proves the token reaches it.
const GRAPH_BASE_URL = 'https://localhost:8443/v1.0';
const fake = useFakeTenant({ graphBaseUrl: GRAPH_BASE_URL });
const testGraph = (options: TestGraphOptions = {}) => defaultTestGraph({ graphBaseUrl: GRAPH_BASE_URL, ...options });
const SELECT = ['id', 'assignedLicenses'];
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function siegeGroupId(): string {
  const row = fake.tenant.data.sharePoint.lists.find((l) => l.title === 'Sites')?.items.find((i) => i['SiteCode'] === 'SIEGE');
  return String(row?.['MembersGroupId']);
}

describe('Graph client: throttling and outages', () => {
  it('waits a fractional Retry-After (0.05 s) after a 429, then succeeds', async () => {
    fake.tenant.addFault(throttle({ kind: 'groupMembers', times: 1, retryAfterSeconds: 0.05 }));
    const graph = testGraph();

    const users = await graph.directory.listGroupUsers(siegeGroupId(), SELECT);

    expect(users).toHaveLength(35);
    expect(fake.tenant.countsByKind()['groupMembers']).toBe(2);
    // parseInt("0.05") would have retried at once.
    expect(graph.waits).toEqual([50]);
  });

  it('waits a 120 s Retry-After in full when the run deadline allows it (fake clock)', async () => {
    fake.tenant.addFault(throttle({ kind: 'subscribedSkus', times: 2, retryAfterSeconds: 120 }));
    const graph = testGraph({ deadlineInMs: 25 * 60_000 });
    await expect(graph.directory.listSubscribedSkus()).resolves.toHaveLength(fake.tenant.data.skus.length);
    expect(graph.waits).toEqual([120_000, 120_000]);
  });

  it('rides out a burst of 503s without Retry-After', async () => {
    fake.tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 3, respond: { status: 503 } });
    const skus = await testGraph().directory.listSubscribedSkus();
    expect(skus.length).toBe(fake.tenant.data.skus.length);
    expect(fake.tenant.countsByKind()['subscribedSkus']).toBe(4);
  });

  it.each([429, 503, 504])('retries a %i, then reads normally', async (status) => {
    fake.tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 1, respond: { status, headers: { 'Retry-After': '0.01' } } });
    await testGraph().directory.listSubscribedSkus();
    expect(fake.tenant.countsByKind()['subscribedSkus']).toBe(2);
  });

  it("does not retry a 500 on a read, and keeps Graph's code and message", async () => {
    fake.tenant.addFault({ match: { kind: 'subscribedSkus' }, respond: { status: 500, body: { error: { code: 'generalException', message: 'boom' } } } });
    const error = await testGraph()
      .directory.listSubscribedSkus()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe('GET /v1.0/subscribedSkus answered 500: generalException: boom');
    expect(fake.tenant.countsByKind()['subscribedSkus']).toBe(1);
  });

  it('reports a 200 whose body is not JSON as a failed read, not as an HTTP error', async () => {
    fake.tenant.addFault({ match: { kind: 'subscribedSkus' }, respond: { status: 200, headers: { 'Content-Type': 'application/json' }, body: 'not json' } });
    const error = await testGraph()
      .directory.listSubscribedSkus()
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(HttpError);
    expect((error as Error).message).toMatch(/^GET \/v1\.0\/subscribedSkus failed: the answer is not JSON/);
  });

  it('fails a group throttled without end only when waiting would pass the run deadline, saying so', async () => {
    fake.tenant.addFault(throttle({ kind: 'groupMembers', times: Infinity, retryAfterSeconds: 120 }));
    const graph = testGraph({ deadlineInMs: 5 * 60_000 });

    const error = await graph.directory.listGroupUsers(siegeGroupId(), SELECT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    const http = error as HttpError;
    expect(http.method).toBe('GET');
    expect(http.path).toBe(`/v1.0/groups/${siegeGroupId()}/transitiveMembers/microsoft.graph.user`);
    expect(http.status).toBe(429);
    expect(http.message).toContain(
      'throttled after 3 attempt(s); waiting 120 s more (Retry-After: 120) would pass the run deadline (RUN_DEADLINE_MINUTES=5, 60 s left)',
    );
    // 0, 120, 240 s: a fourth attempt at 360 s would be past the 300 s deadline.
    expect(graph.waits).toEqual([120_000, 120_000]);
  });

  it('fails a hung request with a TimeoutError naming method and path, not the query string', async () => {
    fake.tenant.addFault({ match: { kind: 'groupMembers' }, times: 1, respond: 'hang' });

    const error = await testGraph({ requestTimeoutMs: 100 })
      .directory.listGroupUsers(siegeGroupId(), SELECT)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe(`GET /v1.0/groups/${siegeGroupId()}/transitiveMembers/microsoft.graph.user did not answer within 100 ms`);
    expect(fake.tenant.countsByKind()['groupMembers']).toBe(1);
  });

  it('retries a read whose connection was dropped', async () => {
    fake.tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 1, respond: 'reset' });
    await expect(testGraph().directory.listSubscribedSkus()).resolves.toHaveLength(fake.tenant.data.skus.length);
    expect(fake.tenant.countsByKind()['subscribedSkus']).toBe(2);
  });
});

describe('Graph client: identification and tokens', () => {
  it('sends NONISV|<ORG_NAME>|m365-license-report/<version> as User-Agent on every request', async () => {
    const agents: Array<string | null> = [];
    fake.tenant.addFault({ match: { predicate: (r) => (agents.push(r.headers.get('user-agent')), false) }, respond: { status: 500 } });
    await testGraph().directory.listSubscribedSkus();
    expect(agents).toEqual([`NONISV|Association Horizon|m365-license-report/${VERSION}`]);
  });

  it('attaches the token on a Graph host that is not graph.microsoft.com (loopback name with a port)', async () => {
    // The fake answers 401 to any request without "Bearer fake-token".
    await expect(testGraph().directory.listSubscribedSkus()).resolves.not.toHaveLength(0);
    expect(new URL(fake.tenant.requests[0]?.url ?? '').host).toBe('localhost:8443');
  });

  it('uses STATIC_ACCESS_TOKEN as-is and asks the scope of the Graph cloud in GRAPH_BASE_URL', async () => {
    fake.use(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') }), { token: 'static-test-token' });
    const graph = testGraph({ tokens: createTokenProvider({ staticAccessToken: 'static-test-token' }) });
    await expect(graph.directory.listSubscribedSkus()).resolves.not.toHaveLength(0);

    const scopes: string[] = [];
    const recording = {
      credential: { kind: 'static-token' as const, description: 'test' },
      getToken: async (scope: string) => (scopes.push(scope), 'static-test-token'),
    };
    await testGraph({ tokens: recording }).directory.listSubscribedSkus();
    expect(scopes).toEqual(['https://localhost:8443/.default']);
  });

  it('never puts the token in an error message', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-payload-1234567890.signature-abcdefghij';
    fake.use(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') }), { token: 'another-token' });
    const graph = testGraph({ tokens: createTokenProvider({ staticAccessToken: token }), requestTimeoutMs: 100 });

    const unauthorized = await graph.directory.listSubscribedSkus().catch((e: unknown) => e);
    fake.tenant.addFault({ match: { kind: 'users' }, respond: 'hang' });
    const timedOut = await graph.directory.listUsers(['id']).catch((e: unknown) => e);

    expect(unauthorized).toBeInstanceOf(HttpError);
    expect((unauthorized as HttpError).status).toBe(401);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    for (const error of [unauthorized, timedOut] as Error[]) {
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('secret-payload');
    }
  });

  it('reports a token failure as it is, without sending anything', async () => {
    const failing = {
      credential: { kind: 'managed-identity' as const, description: 'test' },
      getToken: () => Promise.reject(new Error('Could not get an access token for x: no')),
    };
    const error = await testGraph({ tokens: failing })
      .directory.listSubscribedSkus()
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('Could not get an access token for x: no');
    expect(fake.tenant.requests).toHaveLength(0);
  });
});

describe('Graph client: base URL and next links', () => {
  it('keeps the version of GRAPH_BASE_URL on every request, next pages included', async () => {
    const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
    const tenant = fake.use(data);
    // 1,001 users with $top=999: two pages, the second from an absolute @odata.nextLink.
    const template = data.users[0];
    for (let i = data.users.length; i < 1_001 && template; i++) data.users.push({ ...template, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });

    await testGraph().directory.listUsers(['id']);

    const paths = tenant.requests.map((r) => new URL(r.url).pathname);
    expect(paths).toEqual(['/v1.0/users', '/v1.0/users']);
  });

  it('refuses to send the token to a next link on another host', async () => {
    fake.tenant.addFault({
      match: { kind: 'subscribedSkus' },
      times: 1,
      respond: { status: 200, body: { value: [], '@odata.nextLink': 'https://attacker.example/v1.0/subscribedSkus?$skiptoken=x' } },
    });
    const error = await testGraph()
      .directory.listSubscribedSkus()
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('GET /v1.0/subscribedSkus failed: @odata.nextLink points outside GRAPH_BASE_URL');
    expect(fake.tenant.requests).toHaveLength(1);
  });
});
