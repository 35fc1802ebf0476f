import { Items } from '@pnp/sp/items/index.js';
import { Lists } from '@pnp/sp/lists/index.js';
import type { ListReader, RawRecord } from '../../ports.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import { createSharePointWeb, type SharePointConfig, type SharePointOptions } from './createSharePointWeb.js';
import { explainListError } from './explainListError.js';

// SharePoint's largest page; PnPjs follows odata.nextLink for the rest.
const PAGE_SIZE = 5000;

/**
 * Reads SharePoint lists of SHAREPOINT_SITE_URL: every item, every page, only the named columns
 * plus Id (the core names rows by it). Items come back raw: parsing is the core's job.
 */
export function createListReader(config: SharePointConfig, tokens: TokenProvider, options: SharePointOptions = {}): ListReader {
  const web = createSharePointWeb(config, tokens, options);
  return {
    async readItems(listTitle, columns) {
      const select = [...new Set(['Id', ...columns])];
      // = web.lists.getByTitle(listTitle).items (see createSharePointWeb for why the factories)
      const items = Items(Lists(web).getByTitle(listTitle)).select(...select).top(PAGE_SIZE);
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
