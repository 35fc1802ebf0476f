// Dispatches {sitePath}/_api/... requests. Only the configured site exists;
// list titles match case-insensitively, with quotes doubled inside the literal.
import { jsonResponse, safeDecode, spError } from '../http.js';
import type { TenantData } from '../types.js';
import { listFields } from './fields.js';
import { formatFromAccept, stableGuid } from './format.js';
import { contentType, listItems } from './items.js';
import { routeListSchema } from './listSchema.js';

function normalisePath(path: string): string {
  return safeDecode(path).replace(/\/+$/, '').toLowerCase();
}

export async function routeSharePoint(data: TenantData, request: Request, url: URL): Promise<Response> {
  const at = url.pathname.toLowerCase().indexOf('/_api/');
  const sitePath = url.pathname.slice(0, at);
  if (normalisePath(sitePath) !== normalisePath(data.sharePoint.sitePath)) {
    return spError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  }
  const siteUrl = `${url.origin}${data.sharePoint.sitePath.replace(/\/+$/, '')}`;
  const schemaResponse = await routeListSchema(data, request, url, siteUrl); // fields, new lists, fields, items
  if (schemaResponse) return schemaResponse;
  if (request.method.toUpperCase() !== 'GET') {
    return spError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The fake tenant is read-only.');
  }
  const rest = safeDecode(url.pathname.slice(at + '/_api/'.length)).replace(/\/+$/, '');
  if (/^web$/i.test(rest)) return jsonResponse(200, { Id: stableGuid(siteUrl), Title: 'IT', Url: siteUrl });

  const match = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(\/items|\/fields)?$/i.exec(rest);
  if (!match) {
    return spError(404, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `Cannot find resource for the request ${rest}.`);
  }
  const title = (match[1] ?? '').replace(/''/g, "'");
  const list = data.sharePoint.lists.find((l) => l.title.toLowerCase() === title.toLowerCase());
  if (!list) {
    return spError(404, '-2130575322, System.ArgumentException', `List '${title}' does not exist at site with URL '${siteUrl}'.`);
  }
  if (!match[2]) {
    return jsonResponse(200, { Id: stableGuid(list.title.toLowerCase()), Title: list.title, ItemCount: list.items.length });
  }
  if (match[2].toLowerCase() === '/fields') {
    const format = formatFromAccept(request.headers.get('accept'));
    return listFields(url, siteUrl, list, format, contentType(format));
  }
  return listItems(request, url, siteUrl, list);
}
