import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../../config/Config.js';
import { redactSecrets } from '../../errors.js';

type Msal = typeof import('@azure/msal-node');

export type CredentialKind = 'static-token' | 'certificate' | 'managed-identity';

/** Bearer tokens for a resource scope (`https://graph.microsoft.com/.default`...). */
export interface TokenProvider {
  /** Where the tokens come from (what `doctor` prints); never a secret. */
  readonly credential: { kind: CredentialKind; description: string };
  getToken(scope: string): Promise<string>;
}

/** No credential could be found at all: the message names the settings to set. Thrown once per run. */
export class MissingCredentialsError extends Error {
  override readonly name = 'MissingCredentialsError';
}

export type TokenConfig = Partial<Pick<Config, 'staticAccessToken' | 'azureTenantId' | 'azureClientId' | 'azureClientCertificatePath' | 'azureAuthorityHost'>>;

export interface TokenProviderOptions {
  /** Loads @azure/msal-node (tests count the loads). */
  loadMsal?: () => Promise<Msal>;
  /** Longest wait for the VM metadata endpoint when no managed-identity endpoint is set. */
  imdsProbeMs?: number;
}

const MISSING =
  'No credentials for Microsoft Graph and SharePoint: no managed identity answered (Azure Functions: turn on the ' +
  "app's identity; a user-assigned one also needs AZURE_CLIENT_ID), no certificate (set AZURE_TENANT_ID, " +
  'AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH) and no STATIC_ACCESS_TOKEN (test tenants only)';

/**
 * Tokens, from the first of: STATIC_ACCESS_TOKEN as-is (test tenants); an app registration's
 * certificate (AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_CERTIFICATE_PATH: SharePoint
 * refuses app-only tokens obtained with a client secret); the managed identity (user-assigned
 * with AZURE_CLIENT_ID). @azure/msal-node caches the tokens and is loaded only when one is
 * needed; concurrent callers of one scope share a request. See docs/decisions/tokens-with-msal-node.md.
 */
export function createTokenProvider(config: TokenConfig, options: TokenProviderOptions = {}): TokenProvider {
  const staticToken = config.staticAccessToken;
  if (staticToken) {
    return { credential: { kind: 'static-token', description: 'STATIC_ACCESS_TOKEN, used as-is' }, getToken: async () => staticToken };
  }
  const loadMsal = options.loadMsal ?? (() => import('@azure/msal-node'));
  const source = config.azureClientCertificatePath
    ? certificateSource(config, loadMsal)
    : managedIdentitySource(config.azureClientId, loadMsal, options.imdsProbeMs ?? 5_000);
  const inFlight = new Map<string, Promise<string>>();
  let missing: MissingCredentialsError | undefined;

  const request = async (scope: string): Promise<string> => {
    let token: string | undefined;
    try {
      token = await source.acquire(scope);
    } catch (error) {
      if (error instanceof MissingCredentialsError) throw (missing = error);
      throw new Error(`Could not get an access token for ${scope} (${source.credential.description}): ${shortReason(error)}`, { cause: error });
    }
    if (!token) throw new Error(`Could not get an access token for ${scope} (${source.credential.description}): none was returned`);
    return token;
  };

  return {
    credential: source.credential,
    getToken(scope) {
      if (missing) return Promise.reject(missing);
      let pending = inFlight.get(scope);
      if (!pending) {
        pending = request(scope).finally(() => inFlight.delete(scope));
        inFlight.set(scope, pending);
      }
      return pending;
    },
  };
}

/** The `.default` scope of the Graph cloud in GRAPH_BASE_URL: https://graph.microsoft.us/v1.0 -> https://graph.microsoft.us/.default */
export function graphScope(graphBaseUrl: string): string {
  return `${new URL(graphBaseUrl).origin}/.default`;
}

/** SharePoint's scope is the tenant host of SHAREPOINT_SITE_URL, never the site path. */
export function sharePointScope(siteUrl: string): string {
  return `https://${new URL(siteUrl).host}/.default`;
}

interface TokenSource {
  credential: TokenProvider['credential'];
  acquire(scope: string): Promise<string | undefined>;
}

function certificateSource(config: TokenConfig, loadMsal: () => Promise<Msal>): TokenSource {
  const path = config.azureClientCertificatePath ?? '';
  let app: Promise<InstanceType<Msal['ConfidentialClientApplication']>> | undefined;
  const create = async () => {
    const clientCertificate = await readCertificate(path);
    const { ConfidentialClientApplication } = await loadMsal();
    const host = (config.azureAuthorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    const authority = `${host}/${config.azureTenantId ?? ''}`;
    return new ConfidentialClientApplication({ auth: { clientId: config.azureClientId ?? '', authority, clientCertificate } });
  };
  return {
    credential: { kind: 'certificate', description: `certificate ${path} of app ${config.azureClientId} in tenant ${config.azureTenantId}` },
    async acquire(scope) {
      // A file that could not be read is read again next time (it may have been fixed meanwhile).
      app ??= create().catch((error: unknown) => {
        app = undefined;
        throw error;
      });
      return (await (await app).acquireTokenByClientCredential({ scopes: [scope] }))?.accessToken;
    },
  };
}

/** The PEM file's private key and certificate(s), as msal-node signs its client assertion with them. */
async function readCertificate(path: string): Promise<{ thumbprintSha256: string; privateKey: string; x5c: string }> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`AZURE_CLIENT_CERTIFICATE_PATH ${path} cannot be read (${(error as { code?: string }).code ?? 'error'})`, { cause: error });
  }
  const keyPem = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const first = certificates[0];
  if (!keyPem || !first) {
    throw new Error(`AZURE_CLIENT_CERTIFICATE_PATH ${path} must hold the unencrypted private key and the certificate (PEM)`);
  }
  return {
    thumbprintSha256: new X509Certificate(first).fingerprint256.replace(/:/g, ''),
    privateKey: createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem' }).toString(),
    x5c: certificates.join('\n'),
  };
}

function managedIdentitySource(clientId: string | undefined, loadMsal: () => Promise<Msal>, imdsProbeMs: number): TokenSource {
  let app: InstanceType<Msal['ManagedIdentityApplication']> | undefined;
  return {
    credential: {
      kind: 'managed-identity',
      description: clientId ? `managed identity, user-assigned (AZURE_CLIENT_ID=${clientId})` : 'managed identity, system-assigned',
    },
    async acquire(scope) {
      if (!app) {
        const { ManagedIdentityApplication } = await loadMsal();
        app = new ManagedIdentityApplication(clientId ? { managedIdentityIdParams: { userAssignedClientId: clientId } } : {});
      }
      const pending = app.acquireToken({ resource: scope });
      // Functions, App Service and Container Apps set IDENTITY_ENDPOINT; without it msal-node tries
      // the VM metadata endpoint, which on a laptop never answers or cannot be reached.
      if (app.getManagedIdentitySource() !== 'DefaultToImds') return (await pending).accessToken;
      let timer: NodeJS.Timeout | undefined;
      const probe = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MissingCredentialsError(MISSING)), imdsProbeMs);
      });
      try {
        return (await Promise.race([pending, probe])).accessToken;
      } catch (error) {
        if (error instanceof MissingCredentialsError || (error as { errorCode?: unknown }).errorCode === 'network_error') {
          throw new MissingCredentialsError(MISSING, { cause: error });
        }
        throw error;
      } finally {
        clearTimeout(timer);
        pending.catch(() => undefined);
      }
    },
  };
}

/** msal-node's errors carry trace and correlation ids over several lines: keep the first, short. */
function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line =
    redactSecrets(text)
      .split(/\r?\n/, 1)[0]
      ?.replace(/\s*Trace ID:.*$/, '') ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
