// Identity-based Blob Storage (shared keys disabled on the account): a bearer token from the injected
// token function, never a key. Against Azurite over HTTPS with its "basic" OAuth, which checks each
// token's issuer, audience and lifetime as Azure Storage does (not its signature).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobTextStore } from '../../../src/adapters/store/createBlobTextStore.js';
import { createTextStore } from '../../../src/adapters/store/createTextStore.js';
import { parseConfig } from '../../../src/config/parseConfig.js';
import { startAzurite, type RunningAzurite } from './startAzurite.js';
import { describeTextStoreBehaviour } from './textStoreBehaviour.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ httpsWithOAuth: true });
  // This worker only: what NODE_EXTRA_CA_CERTS does for a child process.
  setDefaultCACertificates([...getCACertificates('default'), readFileSync('test/fakeTenant/certs/ca.crt', 'utf8')]);
});
afterAll(async () => {
  await azurite?.stop();
});

/** An Entra ID access token's shape (claims as learn.microsoft.com/entra/identity-platform/access-token-claims-reference lists them), unsigned. */
function accessToken(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    aud: 'https://storage.azure.com',
    iss: 'https://sts.windows.net/8f4a1c2e-0b6d-4e1a-9c3f-2d5e7a9b1c4d/',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...claims,
  };
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(payload)}.c2lnbmF0dXJl`;
}

const scopes: string[] = [];
const getToken = async (scope: string) => (scopes.push(scope), accessToken());
const identityStore = () => createBlobTextStore({ serviceUrl: azurite.blobServiceUri, credential: { kind: 'token', getToken } }, `id-${randomUUID()}`);

describeTextStoreBehaviour('blob store with a managed identity token (Azurite, HTTPS)', identityStore, 15);

describe('identity-based Blob Storage', () => {
  it('asks the token function for the Azure Storage scope', async () => {
    scopes.length = 0;
    await identityStore().put('a.json', '{}');
    expect(new Set(scopes)).toEqual(new Set(['https://storage.azure.com/.default']));
  });

  it('is what the identity-based app settings configure (AzureWebJobsStorage__blobServiceUri)', async () => {
    const config = parseConfig({
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it',
      MAIL_TRANSPORT: 'outbox',
      AzureWebJobsStorage__blobServiceUri: azurite.blobServiceUri,
      AzureWebJobsStorage__credential: 'managedidentity',
    });
    const store = createTextStore(config, { getToken });
    await store.put('runs/r.json', '{"state":"queued"}');
    expect(await store.get('runs/r.json')).toBe('{"state":"queued"}');
  });

  it('names a refused token without showing it', async () => {
    const wrong = accessToken({ aud: 'https://graph.microsoft.com' });
    const store = createBlobTextStore({ serviceUrl: azurite.blobServiceUri, credential: { kind: 'token', getToken: async () => wrong } }, `id-${randomUUID()}`);
    const error = await store.get('a.json').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Blob storage: creating container "id-[^"]+" failed: 40[13]/);
    expect(JSON.stringify({ message: error?.message, stack: error?.stack })).not.toContain(wrong.split('.')[1]);
  });

  it('names a token function that fails, and sends nothing without a token', async () => {
    const store = createBlobTextStore(
      {
        serviceUrl: azurite.blobServiceUri,
        credential: { kind: 'token', getToken: async () => Promise.reject(new Error('ManagedIdentityCredential: no managed identity endpoint')) },
      },
      `id-${randomUUID()}`,
      { maxTries: 1 },
    );
    await expect(store.get('a.json')).rejects.toThrow(
      /^Blob storage: creating container "id-[^"]+" failed: ManagedIdentityCredential: no managed identity endpoint/,
    );
  });
});
