import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  failureReason,
  isNetworkFailure,
  NetworkError,
  neverReachedServer,
  pathWithoutQuery,
  toNetworkError,
} from '../../../src/adapters/http/networkFailure.js';
import { TimeoutError } from '../../../src/errors.js';

// undici's shape: TypeError('fetch failed') with the socket or TLS error as `cause`.
const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

/** A loopback port nobody listens on: connecting to it is refused before anything is sent. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('what a failed fetch says', () => {
  it.each([
    ['ECONNREFUSED', 'connection refused (ECONNREFUSED)'],
    ['ENOTFOUND', 'host name not resolved (check the URL and DNS) (ENOTFOUND)'],
    ['UND_ERR_CONNECT_TIMEOUT', 'connection timed out (UND_ERR_CONNECT_TIMEOUT)'],
    ['ECONNRESET', 'connection dropped by the server or a proxy (ECONNRESET)'],
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'certificate not trusted (a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS) (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    ],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'certificate not trusted (a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS) (SELF_SIGNED_CERT_IN_CHAIN)'],
    ['CERT_HAS_EXPIRED', 'certificate expired (CERT_HAS_EXPIRED)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'certificate does not match the host name (ERR_TLS_CERT_ALTNAME_INVALID)'],
  ])('%s -> %s', (code, reason) => {
    expect(failureReason(fetchFailed(withCode(code)))).toBe(reason);
  });

  it('names the first known cause among the addresses tried (happy eyeballs)', () => {
    const error = fetchFailed(new AggregateError([withCode('ENETUNREACH'), withCode('ECONNREFUSED')]));
    expect(failureReason(error)).toBe('host unreachable (ENETUNREACH)');
  });

  it('falls back to the deepest message when no code is known', () => {
    expect(failureReason(fetchFailed(new Error('other side closed')))).toBe('other side closed');
    expect(failureReason(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });

  it('becomes a NetworkError with host and path, never the query string', () => {
    const error = toNetworkError(fetchFailed(withCode('ENOTFOUND')), 'GET', 'https://contoso.sharepoint.com/sites/it/_api/web?sig=SECRET');
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('GET contoso.sharepoint.com/sites/it/_api/web failed: host name not resolved (check the URL and DNS) (ENOTFOUND)');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('describes a real refused connection on loopback', async () => {
    const url = `https://127.0.0.1:${await closedPort()}/v1.0/users`;
    const error = await fetch(url).catch((e: unknown) => e);
    expect(toNetworkError(error, 'GET', url).message).toMatch(/^GET 127\.0\.0\.1:\d+\/v1\.0\/users failed: connection refused \(ECONNREFUSED\)$/);
    expect(neverReachedServer(error)).toBe(true);
  });
});

describe('neverReachedServer', () => {
  it.each([
    ['connection refused', fetchFailed({ code: 'ECONNREFUSED' }), true],
    ['unknown host', fetchFailed({ code: 'ENOTFOUND' }), true],
    ['connect timeout', fetchFailed({ code: 'UND_ERR_CONNECT_TIMEOUT' }), true],
    ['refused on every address (happy eyeballs)', fetchFailed(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }])), true],
    ['described by us', toNetworkError(fetchFailed({ code: 'ECONNREFUSED' }), 'POST', 'https://graph.fake.test/v1.0/users/x/sendMail'), true],
    ['connection reset', fetchFailed({ code: 'ECONNRESET' }), false],
    ['socket closed by the server', fetchFailed({ code: 'UND_ERR_SOCKET' }), false],
    ['dropped without a cause (msw)', new TypeError('Failed to fetch'), false],
    ['timeout', new TimeoutError('POST', '/v1.0/users/x/sendMail', 100), false],
  ])('%s -> %s', (_label, error, expected) => {
    expect(neverReachedServer(error)).toBe(expected);
  });
});

describe('isNetworkFailure', () => {
  it.each([
    ['fetch failed', fetchFailed({ code: 'ECONNRESET' }), true],
    ['Failed to fetch', new TypeError('Failed to fetch'), true],
    ['described by us', toNetworkError(new TypeError('Failed to fetch'), 'GET', 'https://x.test/'), true],
    ['our timeout', new TimeoutError('GET', '/x', 1), false],
    ['a programming error', new TypeError('x is not a function'), false],
  ])('%s -> %s', (_label, error, expected) => {
    expect(isNetworkFailure(error)).toBe(expected);
  });
});

describe('pathWithoutQuery', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0/users?$skiptoken=abc&sig=xyz', '/v1.0/users'],
    ["https://contoso.sharepoint.com/sites/it/_api/web/lists/getByTitle('Sites')/items?$top=5000", "/sites/it/_api/web/lists/getByTitle('Sites')/items"],
    ['/groups/abc/members?$top=999#frag', '/groups/abc/members'],
  ])('%s -> %s', (url, expected) => {
    expect(pathWithoutQuery(url)).toBe(expected);
  });
});
