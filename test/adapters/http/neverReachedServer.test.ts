import { describe, expect, it } from 'vitest';
import { isNetworkFailure } from '../../../src/adapters/http/isNetworkFailure.js';
import { neverReachedServer } from '../../../src/adapters/http/neverReachedServer.js';
import { pathWithoutQuery } from '../../../src/adapters/http/pathWithoutQuery.js';
import { TimeoutError } from '../../../src/errors.js';

const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });

describe('neverReachedServer', () => {
  it.each([
    ['connection refused', fetchFailed({ code: 'ECONNREFUSED' }), true],
    ['unknown host', fetchFailed({ code: 'ENOTFOUND' }), true],
    ['connect timeout', fetchFailed({ code: 'UND_ERR_CONNECT_TIMEOUT' }), true],
    ['refused on every address (happy eyeballs)', fetchFailed(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }])), true],
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
