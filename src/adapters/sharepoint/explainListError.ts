import { Web, type IWeb } from '@pnp/sp/webs/index.js';
import { HttpError, TimeoutError } from '../../errors.js';
import { pathWithoutQuery } from '../http/pathWithoutQuery.js';
import { readSharePointError } from './readSharePointError.js';

/**
 * One clear message for a failed list read. A 404 is either the list (SharePoint says "List 'X'
 * does not exist", or the site answers) or the site itself (SHAREPOINT_SITE_URL wrong): a probe of
 * the web tells them apart. Our own errors (timeout, retries given up) pass through unchanged.
 */
export async function explainListError(error: unknown, web: IWeb, siteUrl: string, listTitle: string): Promise<Error> {
  if (error instanceof HttpError || error instanceof TimeoutError) return error;
  const info = await readSharePointError(error);
  const path = pathWithoutQuery(`${siteUrl}/_api/web/lists/getByTitle('${listTitle}')/items`);
  const options = { cause: error };
  switch (info.status) {
    case undefined:
      return new Error(`Reading SharePoint list '${listTitle}' at ${siteUrl} failed: ${info.message}`, options);
    case 404:
      if (/List .* does not exist/i.test(info.message) || (await webAnswers(web))) {
        return new Error(`SharePoint list '${listTitle}' not found at ${siteUrl}`, options);
      }
      return new Error(`SharePoint site ${siteUrl} not found (check SHAREPOINT_SITE_URL)`, options);
    case 401: {
      const hint = /app.?only/i.test(info.message)
        ? ' (SharePoint rejects app-only tokens obtained with a client secret: use a certificate or a managed identity)'
        : '';
      return new HttpError('GET', path, 401, `SharePoint refused the token: ${info.message}${hint}`);
    }
    case 403:
      return new HttpError('GET', path, 403, `the app may not read ${siteUrl} (grant it read access to the site): ${info.message}`);
    default:
      return new HttpError('GET', path, info.status, info.message);
  }
}

async function webAnswers(web: IWeb): Promise<boolean> {
  try {
    // A fresh queryable per probe: one PnPjs instance run twice at once (both lists failing
    // together) never settles its second request.
    await Web(web).select('Title')();
    return true;
  } catch (probeError) {
    return (await readSharePointError(probeError)).status !== 404;
  }
}
