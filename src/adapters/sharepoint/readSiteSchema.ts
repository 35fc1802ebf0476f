import { Fields } from '@pnp/sp/fields/index.js';
import { Lists } from '@pnp/sp/lists/index.js';
import { Web } from '@pnp/sp/webs/index.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import type { HttpStep } from '../http/createHttpStep.js';
import { sharePointWeb, type SharePointConfig } from './createListReader.js';
import { explainListError, explainSiteError } from './explainListError.js';

/** A column as SharePoint lists it (SP.Field: InternalName, Title, TypeAsString, Hidden). */
export interface ListField {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Hidden?: boolean;
}

/** What the doctor reads of the site with the app's own token: the site, and a list's columns. */
export interface SiteSchemaReader {
  /** GET {site}/_api/web?$select=Title,Url; throws the explained error (401 with the certificate hint, 403, 404). */
  readWeb(): Promise<{ title: string; url: string }>;
  /** GET …/getByTitle('T')/fields; undefined when the list does not exist. */
  readListFields(listTitle: string): Promise<ListField[] | undefined>;
}

export function createSiteSchemaReader(config: SharePointConfig, tokens: TokenProvider, http: HttpStep): SiteSchemaReader {
  const web = sharePointWeb(config.sharePointSiteUrl, tokens, http);
  const siteUrl = config.sharePointSiteUrl;
  return {
    async readWeb() {
      try {
        const info = await Web(web).select('Title', 'Url')<{ Title?: unknown; Url?: unknown }>();
        return { title: typeof info.Title === 'string' ? info.Title : '', url: typeof info.Url === 'string' ? info.Url : siteUrl };
      } catch (error) {
        throw await explainSiteError(error, siteUrl);
      }
    },
    async readListFields(listTitle) {
      try {
        return await Fields(Lists(web).getByTitle(listTitle)).select('InternalName', 'Title', 'TypeAsString', 'Hidden')<ListField[]>();
      } catch (error) {
        // SharePoint words a missing list "List 'X' does not exist at site with URL …" (404).
        const status = (error as { status?: unknown }).status;
        const explained = await explainListError(error, web, siteUrl, listTitle);
        if (status === 404 && / not found at /.test(explained.message)) return undefined;
        throw explained;
      }
    },
  };
}
