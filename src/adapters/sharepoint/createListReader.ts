import type { TimelinePipe } from '@pnp/core/index.js';
import { DefaultParse, InjectHeaders, type Queryable } from '@pnp/queryable/index.js';
import { DefaultHeaders, DefaultInit } from '@pnp/sp/index.js';
import { Items } from '@pnp/sp/items/index.js';
import { Lists } from '@pnp/sp/lists/index.js';
import { Web, type IWeb } from '@pnp/sp/webs/index.js';
import type { Config } from '../../config/Config.js';
import type { ListReader, RawRecord } from '../../ports.js';
import { sharePointScope, type TokenProvider } from '../auth/createTokenProvider.js';
import { READ_POLICY, type HttpStep } from '../http/createHttpStep.js';
import { explainListError } from './explainListError.js';

export type SharePointConfig = Pick<Config, 'sharePointSiteUrl'>;

// SharePoint's largest page; PnPjs follows odata.nextLink for the rest.
const PAGE_SIZE = 5000;

/**
 * Reads SharePoint lists of SHAREPOINT_SITE_URL: every item, every page, only the named columns
 * plus Id (the core names rows by it). Items come back raw: parsing is the core's job.
 */
export function createListReader(config: SharePointConfig, tokens: TokenProvider, http: HttpStep): ListReader {
  const web = sharePointWeb(config.sharePointSiteUrl, tokens, http);
  return {
    async readItems(listTitle, columns) {
      const select = [...new Set(['Id', ...columns])];
      // = web.lists.getByTitle(listTitle).items (see sharePointWeb for why the factories)
      const items = Items(Lists(web).getByTitle(listTitle))
        .select(...select)
        .top(PAGE_SIZE);
      const rows: RawRecord[] = [];
      try {
        for await (const page of items) rows.push(...(page as RawRecord[]));
      } catch (error) {
        throw await explainListError(error, web, config.sharePointSiteUrl, listTitle);
      }
      return rows;
    },
  };
}

/**
 * The PnPjs web of the site, set up for Node the way @pnp/nodejs's SPDefault would be (JSON
 * headers, default init, parse), with our two behaviours: a fresh token on every request (the
 * provider's msal cache keeps it; PnPjs's BearerToken() takes a fixed string that would expire
 * in a long run, and @pnp/azidjsclient exists for v3 only) and our send step instead of PnPjs's
 * (its retry reads Retry-After with parseInt and counts retries instead of bounding time; its
 * Timeout() is one timer per request shared by all retries: docs/decisions/own-retry-step.md).
 * Built with the Web() factory rather than spfi(url).web: the same object at run time, but PnPjs
 * adds `sp.web`, `web.lists` and `list.items` through module augmentations written as
 * extensionless paths (declare module "../fi"), which TypeScript ignores under NodeNext.
 */
export function sharePointWeb(siteUrl: string, tokens: TokenProvider, http: HttpStep): IWeb {
  const scope = sharePointScope(siteUrl);
  const withOurSteps: TimelinePipe<Queryable<unknown>> = (instance) => {
    instance.on.auth(async function (url, init) {
      const token = await tokens.getToken(scope);
      init.headers = { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
      return [url, init];
    });
    instance.on.send.replace(async function (url, init) {
      // Only reads go through this adapter: a dropped connection is safe to retry.
      return http.send(url.toString(), init, READ_POLICY);
    });
    return instance;
  };
  return Web(siteUrl).using(
    DefaultHeaders(),
    // Items carry only the selected columns, without odata.type/id/etag/editLink noise.
    InjectHeaders({ Accept: 'application/json;odata=nometadata' }),
    DefaultInit(),
    withOurSteps,
    DefaultParse(),
  );
}
