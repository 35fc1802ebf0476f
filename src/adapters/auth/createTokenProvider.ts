import { DefaultAzureCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import type { Config } from '../../config/Config.js';
import { redactSecrets } from '../../errors.js';

/** Bearer tokens for a resource scope (`https://graph.microsoft.com/.default`...). */
export interface TokenProvider {
  getToken(scope: string): Promise<string>;
}

// Renew a little before expiry so a token never expires between "got it" and "the service read it".
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * STATIC_ACCESS_TOKEN (local test tenants) is used as-is for every scope. Otherwise tokens come
 * from `credential`, by default DefaultAzureCredential: the managed identity in Azure, locally a
 * certificate through AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_CLIENT_CERTIFICATE_PATH
 * (SharePoint rejects app-only tokens obtained with a client secret). Tokens are kept per scope
 * until shortly before they expire, and concurrent callers share one in-flight request, so
 * parallel sites do not stampede the managed-identity endpoint.
 */
export function createTokenProvider(
  config: Pick<Config, 'staticAccessToken'>,
  credential?: TokenCredential,
): TokenProvider {
  const staticToken = config.staticAccessToken;
  if (staticToken) return { getToken: async () => staticToken };

  let source = credential;
  const tokens = new Map<string, AccessToken>();
  const inFlight = new Map<string, Promise<AccessToken>>();

  const requestToken = async (scope: string): Promise<AccessToken> => {
    source ??= new DefaultAzureCredential();
    let token: AccessToken | null;
    try {
      token = await source.getToken(scope);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not get an access token for ${scope}: ${redactSecrets(reason)}`);
    }
    if (!token?.token) throw new Error(`Could not get an access token for ${scope}: the credential returned none`);
    return token;
  };

  return {
    async getToken(scope) {
      const known = tokens.get(scope);
      const renewAt = known && (known.refreshAfterTimestamp ?? known.expiresOnTimestamp - REFRESH_MARGIN_MS);
      if (known && renewAt !== undefined && Date.now() < renewAt) return known.token;
      let pending = inFlight.get(scope);
      if (!pending) {
        pending = requestToken(scope).finally(() => inFlight.delete(scope));
        inFlight.set(scope, pending);
      }
      const fresh = await pending;
      tokens.set(scope, fresh);
      return fresh.token;
    },
  };
}
