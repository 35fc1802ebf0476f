import { AuthenticationHandler, Client } from '@microsoft/microsoft-graph-client';
import type { Config } from '../../config/Config.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import { graphScope } from '../auth/graphScope.js';
import { DEFAULT_BACKOFF, type Backoff } from '../http/retryDelayMs.js';
import { carryError } from './carryError.js';
import { graphRetryPolicy } from './graphRetryPolicy.js';
import { HttpErrorMiddleware } from './HttpErrorMiddleware.js';
import { SendMiddleware } from './SendMiddleware.js';

export interface GraphClientOptions {
  /** fetch to send requests with; default the global fetch. */
  fetch?: typeof fetch;
  /** Waits when a 429/503/504 carries no Retry-After; tests make them tiny. */
  backoff?: Backoff;
}

/**
 * A Graph client for GRAPH_BASE_URL (which includes the version: https://graph.microsoft.us/v1.0,
 * https://localhost:8443/v1.0...). Middleware: token -> errors -> send (retry, per-attempt timeout).
 */
export function createGraphClient(
  config: Pick<Config, 'graphBaseUrl' | 'requestTimeoutMs' | 'retryGiveUpMs'>,
  tokens: TokenProvider,
  options: GraphClientOptions = {},
): Client {
  const base = new URL(config.graphBaseUrl);
  // The client joins baseUrl + defaultVersion + path, and reads host and version back out of
  // absolute @odata.nextLink URLs: the version must be the last path segment, not part of baseUrl.
  const segments = base.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const baseUrl = [base.origin, ...segments].join('/');
  const scope = graphScope(config.graphBaseUrl);
  const auth = new AuthenticationHandler({
    getAccessToken: async () => {
      try {
        return await tokens.getToken(scope);
      } catch (error) {
        throw carryError(error);
      }
    },
  });
  const policy = graphRetryPolicy(config.retryGiveUpMs, options.backoff ?? DEFAULT_BACKOFF);
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: version,
    // The token is attached only to graph.microsoft.com and these hosts (host names, no port):
    // without it a national cloud or a loopback test tenant gets unauthenticated requests.
    customHosts: new Set([base.hostname]),
    middleware: [
      auth,
      new HttpErrorMiddleware(),
      new SendMiddleware(policy, config.requestTimeoutMs, options.fetch),
    ],
  });
}
