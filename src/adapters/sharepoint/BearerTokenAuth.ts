import type { TimelinePipe } from '@pnp/core/index.js';
import type { Queryable } from '@pnp/queryable/index.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';

/**
 * PnPjs v4 auth behavior: a fresh bearer token for the SharePoint scope on every request (the
 * provider caches it). Needed because @pnp/azidjsclient exists only for PnPjs v3, and PnPjs's
 * BearerToken() takes a fixed string that would expire during a long run.
 */
export function BearerTokenAuth(tokens: TokenProvider, scope: string): TimelinePipe<Queryable<unknown>> {
  return (instance) => {
    instance.on.auth(async function (url, init) {
      const token = await tokens.getToken(scope);
      init.headers = { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
      return [url, init];
    });
    return instance;
  };
}
