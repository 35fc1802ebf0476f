// Tokens through @azure/msal-node, its requests answered by msw as Microsoft Entra ID and the
// Azure Instance Metadata Service answer them. msal-node uses the global fetch.
import { constants, createHash, createPublicKey, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider, graphScope, MissingCredentialsError, sharePointScope, type TokenConfig } from '../../../src/adapters/auth/createTokenProvider.js';

const TENANT = '6c482541-f706-4168-9e58-8e35a9992f58';
const CLIENT = '2f1c7a3e-9b4d-4e8a-a1c2-3d4e5f6a7b8c';
const TOKEN_URL = `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`;
const IMDS_URL = 'http://169.254.169.254/metadata/identity/oauth2/token';

// The test CA's server certificate and key stand in for an app registration's certificate.
const KEY = readFileSync('test/fakeTenant/certs/server.key', 'utf8');
const CERT = readFileSync('test/fakeTenant/certs/server.crt', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cert-'));
const PEM_PATH = join(dir, 'app.pem');
writeFileSync(PEM_PATH, `${KEY}\n${CERT}`);
const CERT_ONLY_PATH = join(dir, 'cert-only.pem');
writeFileSync(CERT_ONLY_PATH, CERT);

let tokenRequests: URLSearchParams[] = [];
let imdsRequests = 0;
let tokenAnswer: () => Response = () => HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'entra-token' });

const server = setupServer(
  http.post(TOKEN_URL, async ({ request }) => {
    tokenRequests.push(new URLSearchParams(await request.text()));
    return tokenAnswer();
  }),
  http.get(IMDS_URL, () => {
    imdsRequests += 1;
    // No metadata endpoint on this machine: the connection fails.
    return HttpResponse.error();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers(); // a test's own handler (a hanging endpoint) never outlives it
  tokenRequests = [];
  imdsRequests = 0;
  tokenAnswer = () => HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'entra-token' });
});
afterAll(() => server.close());

const certificate: TokenConfig = { azureTenantId: TENANT, azureClientId: CLIENT, azureClientCertificatePath: PEM_PATH };

function countingLoader() {
  let loads = 0;
  return { load: () => ((loads += 1), import('@azure/msal-node')), loads: () => loads };
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe('STATIC_ACCESS_TOKEN', () => {
  it('is used as-is for every scope, and msal-node is never loaded', async () => {
    const msal = countingLoader();
    const tokens = createTokenProvider({ staticAccessToken: 'local-test-token', ...certificate }, { loadMsal: msal.load });
    await expect(tokens.getToken('https://graph.microsoft.com/.default')).resolves.toBe('local-test-token');
    await expect(tokens.getToken('https://contoso.sharepoint.com/.default')).resolves.toBe('local-test-token');
    expect(tokens.credential.kind).toBe('static-token');
    expect(msal.loads()).toBe(0);
    expect(tokenRequests).toHaveLength(0);
  });
});

describe('a certificate (AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_CERTIFICATE_PATH)', () => {
  it('gets a token with a client assertion signed by the key and naming the certificate', async () => {
    const tokens = createTokenProvider(certificate);
    await expect(tokens.getToken('https://contoso.sharepoint.com/.default')).resolves.toBe('entra-token');

    const form = tokenRequests[0];
    expect(form?.get('grant_type')).toBe('client_credentials');
    expect(form?.get('client_id')).toBe(CLIENT);
    expect(form?.get('scope')).toBe('https://contoso.sharepoint.com/.default');
    expect(form?.get('client_secret')).toBeNull();
    const [header = '', payload = '', signature = ''] = (form?.get('client_assertion') ?? '').split('.');
    const thumbprint = createHash('sha256').update(new X509Certificate(CERT).raw).digest('base64url');
    expect(decode(header)).toMatchObject({ alg: 'PS256', 'x5t#S256': thumbprint });
    expect(decode(header)['x5c']).toHaveLength(1);
    expect(decode(payload)).toMatchObject({ aud: TOKEN_URL, iss: CLIENT, sub: CLIENT });
    const signed = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: createPublicKey(CERT), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
      Buffer.from(signature, 'base64url'),
    );
    expect(signed).toBe(true);
  });

  it("reuses msal-node's cached token, and parallel sites share one token request", async () => {
    const tokens = createTokenProvider(certificate);
    const scope = 'https://graph.microsoft.com/.default';
    const all = await Promise.all(Array.from({ length: 8 }, () => tokens.getToken(scope)));
    await tokens.getToken(scope);
    expect(all).toEqual(Array(8).fill('entra-token'));
    expect(tokenRequests).toHaveLength(1);
  });

  it('says which credential is in use, without secrets', () => {
    expect(createTokenProvider(certificate).credential).toEqual({
      kind: 'certificate',
      description: `certificate ${PEM_PATH} of app ${CLIENT} in tenant ${TENANT}`,
    });
  });

  it('names the setting when the file cannot be read or holds no private key, without asking Entra ID', async () => {
    const missing = createTokenProvider({ ...certificate, azureClientCertificatePath: join(dir, 'nope.pem') });
    await expect(missing.getToken('https://graph.microsoft.com/.default')).rejects.toThrow(
      `AZURE_CLIENT_CERTIFICATE_PATH ${join(dir, 'nope.pem')} cannot be read (ENOENT)`,
    );
    const certOnly = createTokenProvider({ ...certificate, azureClientCertificatePath: CERT_ONLY_PATH });
    await expect(certOnly.getToken('https://graph.microsoft.com/.default')).rejects.toThrow('must hold the unencrypted private key and the certificate (PEM)');
    expect(tokenRequests).toHaveLength(0);
  });

  it("reports Entra ID's refusal in one short line naming scope and credential, and tries again next time", async () => {
    // The error response of the client credentials flow (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
    tokenAnswer = () =>
      HttpResponse.json(
        {
          error: 'invalid_client',
          error_description:
            'AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found.] Trace ID: 0a1b2c3d-0000-4000-8000-000000000000 Correlation ID: 9f8e7d6c-0000-4000-8000-000000000000 Timestamp: 2026-11-30 06:00:00Z',
          error_codes: [700027],
          timestamp: '2026-11-30 06:00:00Z',
          trace_id: '0a1b2c3d-0000-4000-8000-000000000000',
          correlation_id: '9f8e7d6c-0000-4000-8000-000000000000',
          error_uri: 'https://login.microsoftonline.com/error?code=700027',
        },
        { status: 401 },
      );
    const tokens = createTokenProvider(certificate);
    const error = (await tokens.getToken('https://graph.microsoft.com/.default').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^Could not get an access token for https://graph\\.microsoft\\.com/\\.default \\(certificate .+\\): .*AADSTS700027: Client assertion contains an invalid signature`,
      ),
    );
    expect(error.message).not.toMatch(/Trace ID|\n/);
    expect(error.message.length).toBeLessThan(500);

    tokenAnswer = () => HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, access_token: 'second-try' });
    await expect(tokens.getToken('https://graph.microsoft.com/.default')).resolves.toBe('second-try');
  });
});

describe('no credentials at all (no token, no certificate, no managed identity endpoint)', () => {
  it('gives one short message naming the settings, once: later requests fail at once with it', async () => {
    const msal = countingLoader();
    const tokens = createTokenProvider({}, { loadMsal: msal.load });
    expect(tokens.credential).toEqual({ kind: 'managed-identity', description: 'managed identity, system-assigned' });

    const first = (await tokens.getToken('https://graph.microsoft.com/.default').catch((e: unknown) => e)) as Error;
    const second = await tokens.getToken('https://contoso.sharepoint.com/.default').catch((e: unknown) => e);

    expect(first).toBeInstanceOf(MissingCredentialsError);
    for (const setting of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_CERTIFICATE_PATH', 'STATIC_ACCESS_TOKEN']) {
      expect(first.message).toContain(setting);
    }
    expect(first.message.length).toBeLessThan(400);
    expect(first.message).not.toContain('\n');
    expect(second).toBe(first);
    expect(imdsRequests).toBe(1);
    expect(msal.loads()).toBe(1);
  });

  it('does not wait longer than the probe for a metadata endpoint that never answers', async () => {
    server.use(http.get(IMDS_URL, () => new Promise<Response>((resolve) => setTimeout(() => resolve(HttpResponse.error()), 2_000))));
    const started = Date.now();
    const error = await createTokenProvider({}, { imdsProbeMs: 50 })
      .getToken('https://graph.microsoft.com/.default')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('resource scopes', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/.default'],
    ['https://graph.microsoft.us/v1.0', 'https://graph.microsoft.us/.default'],
    ['https://localhost:8443/v1.0', 'https://localhost:8443/.default'],
  ])('Graph %s -> %s', (url, scope) => {
    expect(graphScope(url)).toBe(scope);
  });

  it.each([
    ['https://contoso.sharepoint.com/sites/it', 'https://contoso.sharepoint.com/.default'],
    ['https://contoso.sharepoint.us/sites/it/sub', 'https://contoso.sharepoint.us/.default'],
  ])('SharePoint %s -> %s', (url, scope) => {
    expect(sharePointScope(url)).toBe(scope);
  });
});
