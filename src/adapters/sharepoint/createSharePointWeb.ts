import { DefaultParse, InjectHeaders } from '@pnp/queryable/index.js';
import { DefaultHeaders, DefaultInit } from '@pnp/sp/index.js';
import { Web, type IWeb } from '@pnp/sp/webs/index.js';
import type { Config } from '../../config/Config.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import { sharePointScope } from '../auth/sharePointScope.js';
import { DEFAULT_BACKOFF, type Backoff } from '../http/retryDelayMs.js';
import { BearerTokenAuth } from './BearerTokenAuth.js';
import { FetchWithRetryAndTimeout } from './FetchWithRetryAndTimeout.js';

export interface SharePointOptions {
  /** fetch to send requests with; default the global fetch. */
  fetch?: typeof fetch;
  /** Waits when a 429/503/504 carries no Retry-After; tests make them tiny. */
  backoff?: Backoff;
}

export type SharePointConfig = Pick<Config, 'sharePointSiteUrl' | 'requestTimeoutMs' | 'retryGiveUpMs'>;

/**
 * The PnPjs web of SHAREPOINT_SITE_URL, set up for Node the way @pnp/nodejs's SPDefault would be
 * (JSON headers, default init, parse) with our token provider and our retry/timeout send.
 * Built with the Web() factory rather than spfi(url).web: the same object at run time, but PnPjs
 * adds `sp.web`, `web.lists` and `list.items` through module augmentations written as
 * extensionless paths (declare module "../fi"), which TypeScript ignores under NodeNext.
 */
export function createSharePointWeb(config: SharePointConfig, tokens: TokenProvider, options: SharePointOptions = {}): IWeb {
  return Web(config.sharePointSiteUrl).using(
    DefaultHeaders(),
    // Items carry only the selected columns, without odata.type/id/etag/editLink noise.
    InjectHeaders({ Accept: 'application/json;odata=nometadata' }),
    DefaultInit(),
    BearerTokenAuth(tokens, sharePointScope(config.sharePointSiteUrl)),
    FetchWithRetryAndTimeout({
      fetch: options.fetch,
      timeoutMs: config.requestTimeoutMs,
      giveUpMs: config.retryGiveUpMs,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
    }),
    DefaultParse(),
  );
}
