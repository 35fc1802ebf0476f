// What `npm run setup -- lists` asks of SharePoint: a list's fields, a new list, a new field from
// CAML, a new item. Bodies follow SharePoint's REST reference ("Working with lists and list items
// with REST": POST _api/web/lists, POST .../fields, .../items; the SP.List and SP.Field properties;
// fields/createfieldasxml with SP.XmlSchemaFieldCreationInformation {SchemaXml, Options}) in the
// minimal-metadata JSON PnPjs v4 sends and reads (Content-Type application/json, no __metadata).
// Behaviours of SharePoint Online:
// - a second list with a taken title is refused with SPException -2130575342 "A list, survey,
//   discussion board, or document library with the specified title already exists..." (the message
//   OfficeDev PnP samples test for);
// - CreateFieldAsXml does not fail on a taken internal name: it makes it unique (SiteCode -> SiteCode0);
// - an item property that is not a field is a 400 "does not exist on type 'SP.Data.<Name>ListItem'".
// Returns undefined for every other request, which the read-only routes then answer.
import { jsonResponse, safeDecode, spError } from '../http.js';
import type { FakeColumn, FakeList, TenantData } from '../types.js';
import { BUILT_IN_NAMES, columnsOf } from './fields.js';
import { entityName, stableGuid } from './format.js';

// Column types SharePoint's CAML Type attribute may name, as FakeColumn types.
const CREATABLE_TYPES: ReadonlySet<string> = new Set([
  'Text',
  'Note',
  'Number',
  'Currency',
  'Integer',
  'Boolean',
  'DateTime',
  'Choice',
  'Lookup',
  'User',
  'URL',
]);

/** The list's columns as data (the GET .../fields route reads them), typed from its values until a column is created. */
function ownColumns(list: FakeList): FakeColumn[] {
  list.columns ??= columnsOf(list);
  return list.columns;
}

function listEntity(siteUrl: string, list: FakeList, description = ''): Record<string, unknown> {
  const id = stableGuid(list.title.toLowerCase());
  return {
    'odata.metadata': `${siteUrl}/_api/$metadata#SP.ApiData.Lists/@Element`,
    'odata.type': 'SP.List',
    'odata.id': `${siteUrl}/_api/Web/Lists(guid'${id}')`,
    'odata.editLink': `Web/Lists(guid'${id}')`,
    Id: id,
    Title: list.title,
    Description: description,
    BaseTemplate: 100,
    ItemCount: list.items.length,
    ListItemEntityTypeFullName: `SP.Data.${entityName(list.title)}ListItem`,
  };
}

/** Attribute values of the one <Field .../> element of a SchemaXml (XML entities decoded). */
function fieldAttributes(xml: string): Record<string, string> {
  const element = /^\s*<Field\b([^>]*?)\/?>/i.exec(xml)?.[1] ?? '';
  const decode = (v: string): string =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return Object.fromEntries([...element.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', decode(m[2] ?? '')]));
}

const INVALID = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';

async function readBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function routeListSchema(data: TenantData, request: Request, url: URL, siteUrl: string): Promise<Response | undefined> {
  const rest = safeDecode(url.pathname.slice(url.pathname.toLowerCase().indexOf('/_api/') + '/_api/'.length)).replace(/\/+$/, '');
  const method = request.method.toUpperCase();
  const lists = data.sharePoint.lists;
  const find = (title: string): FakeList | undefined => lists.find((l) => l.title.toLowerCase() === title.toLowerCase());

  if (method === 'POST' && /^web\/lists$/i.test(rest)) {
    const body = await readBody(request);
    const title = typeof body?.Title === 'string' ? body.Title.trim() : '';
    if (!title) return spError(400, INVALID, 'The parameter Title cannot be empty.');
    if (find(title)) {
      return spError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
      );
    }
    const list: FakeList = { title, fields: ['Title'], items: [] };
    lists.push(list);
    return jsonResponse(201, listEntity(siteUrl, list, typeof body?.Description === 'string' ? body.Description : ''));
  }

  const match = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)\/(fields|fields\/createfieldasxml|items)$/i.exec(rest);
  if (!match) return undefined;
  const kind = (match[2] ?? '').toLowerCase();
  if (method === 'GET' && kind === 'items') return undefined; // the read-only route pages items
  const title = (match[1] ?? '').replace(/''/g, "'");
  const list = find(title);
  if (!list) return spError(404, '-2130575322, System.ArgumentException', `List '${title}' does not exist at site with URL '${siteUrl}'.`);
  if (method === 'GET' && kind === 'fields') return undefined; // the read-only route answers fields (fields.ts)
  if (method === 'POST' && kind === 'fields/createfieldasxml') {
    const parameters = (await readBody(request))?.parameters as Record<string, unknown> | undefined;
    const attributes = fieldAttributes(typeof parameters?.SchemaXml === 'string' ? parameters.SchemaXml : '');
    const wanted = attributes.Name ?? attributes.StaticName ?? attributes.DisplayName;
    if (!wanted || !attributes.Type || !CREATABLE_TYPES.has(attributes.Type))
      return spError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Field type is invalid or not installed.');
    const columns = ownColumns(list);
    let internalName = wanted;
    for (let n = 0; list.fields.includes(internalName) || BUILT_IN_NAMES.has(internalName); n++) internalName = `${wanted}${n}`;
    const created: FakeColumn = { internalName, title: attributes.DisplayName ?? internalName, type: attributes.Type as FakeColumn['type'] };
    columns.push(created);
    list.fields.push(internalName);
    return jsonResponse(201, {
      'odata.type': `SP.Field${attributes.Type === 'Boolean' ? '' : attributes.Type}`,
      Id: stableGuid(`${list.title}/${internalName}`),
      InternalName: internalName,
      StaticName: internalName,
      Title: created.title,
      TypeAsString: created.type,
      Hidden: false,
    });
  }
  if (method === 'POST' && kind === 'items') {
    const body = (await readBody(request)) ?? {};
    const type = `SP.Data.${entityName(list.title)}ListItem`;
    const unknown = Object.keys(body).find((key) => key !== '__metadata' && !list.fields.includes(key));
    if (unknown)
      return spError(
        400,
        INVALID,
        `The property '${unknown}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
      );
    const id = Math.max(0, ...list.items.map((item) => Number(item.ID ?? item.Id ?? 0))) + 1;
    const values = Object.fromEntries(Object.entries(body).filter(([key]) => key !== '__metadata'));
    const item = { Id: id, ID: id, ...values };
    list.items.push(item);
    return jsonResponse(201, { 'odata.type': type, 'odata.editLink': `Web/Lists(guid'${stableGuid(list.title.toLowerCase())}')/Items(${id})`, ...item });
  }
  return undefined;
}
