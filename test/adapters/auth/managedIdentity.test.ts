// The managed identity of a function app: Azure Functions (like App Service) sets IDENTITY_ENDPOINT
// and IDENTITY_HEADER, and msal-node asks that endpoint. Its own file: msal-node picks the
// managed-identity source once per process.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenProvider, MissingCredentialsError } from '../../../src/adapters/auth/createTokenProvider.js';

const ENDPOINT = 'http://localhost:8081/msi/token';
const HEADER = 'identity-header-secret';
const USER_ASSIGNED = '5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

let requests: URL[] = [];
let headers: Array<string | null> = [];
let answer: (url: URL) => Response;

// Shape of the App Service / Functions identity endpoint's answer (learn.microsoft.com/azure/app-service/overview-managed-identity, REST endpoint reference).
const granted = (url: URL) =>
  HttpResponse.json({
    access_token: `mi-token-for-${url.searchParams.get('resource')}`,
    expires_on: String(Math.floor(Date.now() / 1000) + 3600),
    resource: url.searchParams.get('resource'),
    token_type: 'Bearer',
    client_id: url.searchParams.get('client_id') ?? '0f1e2d3c-0000-4000-8000-000000000000',
  });

const server = setupServer(
  http.get(ENDPOINT, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    headers.push(request.headers.get('x-identity-header'));
    return answer(url);
  }),
);
beforeAll(() => {
  vi.stubEnv('IDENTITY_ENDPOINT', ENDPOINT);
  vi.stubEnv('IDENTITY_HEADER', HEADER);
  server.listen({ onUnhandledRequest: 'error' });
});
beforeEach(() => {
  requests = [];
  headers = [];
  answer = granted;
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

describe('the managed identity', () => {
  it('asks the identity endpoint with its header for the resource of the scope (system-assigned)', async () => {
    const tokens = createTokenProvider({});
    await expect(tokens.getToken('https://graph.microsoft.com/.default')).resolves.toBe('mi-token-for-https://graph.microsoft.com');
    expect(headers).toEqual([HEADER]);
    expect(requests[0]?.searchParams.get('client_id')).toBeNull();
    // msal-node keeps the token: a second request for it asks nothing.
    await tokens.getToken('https://graph.microsoft.com/.default');
    expect(requests).toHaveLength(1);
  });

  it('names a user-assigned identity with AZURE_CLIENT_ID', async () => {
    const tokens = createTokenProvider({ azureClientId: USER_ASSIGNED });
    expect(tokens.credential).toEqual({ kind: 'managed-identity', description: `managed identity, user-assigned (AZURE_CLIENT_ID=${USER_ASSIGNED})` });
    await expect(tokens.getToken('https://contoso.sharepoint.com/.default')).resolves.toBe('mi-token-for-https://contoso.sharepoint.com');
    expect(requests[0]?.searchParams.get('client_id')).toBe(USER_ASSIGNED);
  });

  it('reports a refusal of the endpoint in one line naming the identity, not as missing credentials', async () => {
    answer = () =>
      HttpResponse.json(
        { statusCode: 400, message: 'Unable to load the proper Managed Identity.', correlationId: 'c0ffee00-0000-4000-8000-000000000000' },
        { status: 400 },
      );
    const error = (await createTokenProvider({ azureClientId: '00000000-0000-4000-8000-0000000000aa' })
      .getToken('https://contoso-admin.sharepoint.com/.default')
      .catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(MissingCredentialsError);
    expect(error.message).toMatch(/^Could not get an access token for https:\/\/contoso-admin\.sharepoint\.com\/\.default \(managed identity, user-assigned/);
    expect(error.message).not.toContain(HEADER);
    expect(error.message).not.toContain('\n');
  });
});
