// GET {site}/_api/web/lists/getByTitle('T')/items with $select, $top and
// server-driven paging through $skiptoken=Paged=TRUE&p_ID=<last id>.
import { jsonResponse, spError } from '../http.js';
import type { FakeList } from '../types.js';
import { collectionBody, formatFromAccept, itemEnvelope, type SpFormat } from './format.js';

export const SP_DEFAULT_PAGE = 100;
export const SP_MAX_PAGE = 5000;

/** Fields every list item has besides its custom columns; values the fake does not store get fixed defaults. */
const SYSTEM_FIELDS: Record<string, unknown> = {
  FileSystemObjectType: 0,
  ContentTypeId: '0x0100',
  Attachments: false,
  Created: '2024-01-02T08:00:00Z',
  Modified: '2024-01-02T08:00:00Z',
  AuthorId: 6,
  EditorId: 6,
  OData__UIVersionString: '1.0',
  GUID: null,
};

const UNSUPPORTED = ['$filter', '$orderby', '$expand', '$skip'];

export function contentType(format: SpFormat): string {
  const odata = format === 'verbose' ? 'verbose' : format === 'nometadata' ? 'nometadata' : 'minimalmetadata';
  return `application/json;odata=${odata};streaming=true;charset=utf-8`;
}

function itemId(item: Record<string, unknown>): number {
  return Number(item.ID ?? item.Id ?? 0);
}

export function listItems(request: Request, url: URL, siteUrl: string, list: FakeList): Response {
  const params = url.searchParams;
  for (const option of UNSUPPORTED) {
    if (params.has(option)) return spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The fake tenant does not implement ${option}.`);
  }
  const known = ['Id', 'ID', 'Title', ...list.fields.filter((f) => !['Id', 'ID', 'Title'].includes(f)), ...Object.keys(SYSTEM_FIELDS)];
  let select: string[] | null = null;
  const selectText = params.get('$select');
  if (selectText !== null) {
    select = [];
    for (const raw of selectText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      // Exact internal name first (Id and ID differ only by case), then case-insensitive.
      const field = known.find((k) => k === raw) ?? known.find((k) => k.toLowerCase() === raw.toLowerCase());
      if (!field)
        return spError(400, '-2146232832, Microsoft.SharePoint.SPException', `Column '${raw}' does not exist. It may have been deleted by another user.`);
      if (!select.includes(field)) select.push(field);
    }
  }

  let top = SP_DEFAULT_PAGE;
  const topText = params.get('$top');
  if (topText !== null) {
    if (!/^\d+$/.test(topText.trim()))
      return spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `Invalid value '${topText}' for $top.`);
    // Pages never exceed the 5,000-item list view threshold.
    top = Math.min(Number(topText), SP_MAX_PAGE);
  }

  let afterId = 0;
  const skipToken = params.get('$skiptoken');
  if (skipToken !== null) {
    const match = /(?:^|&)p_ID=(\d+)/i.exec(skipToken);
    if (!match || !/Paged=TRUE/i.test(skipToken)) return spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'Invalid $skiptoken.');
    afterId = Number(match[1]);
  }

  const ordered = list.items.filter((item) => itemId(item) > afterId).sort((a, b) => itemId(a) - itemId(b));
  const page = ordered.slice(0, top);
  const format = formatFromAccept(request.headers.get('accept'));
  const values = page.map((item) => {
    const names = select ?? [...new Set(['Id', 'ID', 'Title', ...Object.keys(item), ...Object.keys(SYSTEM_FIELDS)])];
    const fields: Record<string, unknown> = {};
    for (const name of names) fields[name] = item[name] !== undefined ? item[name] : name in SYSTEM_FIELDS ? SYSTEM_FIELDS[name] : null;
    return itemEnvelope(format, siteUrl, list.title, item, fields);
  });

  let nextLink: string | undefined;
  const last = page[page.length - 1];
  if (last && ordered.length > page.length) {
    const keep = [`%24skiptoken=${encodeURIComponent(`Paged=TRUE&p_ID=${itemId(last)}`)}`];
    if (topText !== null) keep.push(`%24top=${encodeURIComponent(topText)}`);
    if (selectText !== null) keep.push(`%24select=${encodeURIComponent(selectText)}`);
    nextLink = `${url.origin}${url.pathname}?${keep.join('&')}`;
  }
  return jsonResponse(200, collectionBody(format, siteUrl, list.title, values, nextLink), { 'Content-Type': contentType(format) });
}
