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
import type { FakeList, TenantData } from '../types.js';
import { entityName, stableGuid } from './format.js';

interface FieldInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  FieldTypeKind: number;
  Hidden: boolean;
}

const KINDS: Record<string, number> = { Counter: 5, Text: 2, Note: 3, DateTime: 4, Boolean: 8, Number: 9, Currency: 10, User: 20, Computed: 12, Guid: 14, Attachments: 19 };
const field = (InternalName: string, TypeAsString: string, Title = InternalName, Hidden = false): FieldInfo => ({
  InternalName,
  Title,
  TypeAsString,
  FieldTypeKind: KINDS[TypeAsString] ?? 0,
  Hidden,
});
/** A few of the fields every custom list has (a real one lists ~70, most of them hidden). */
const SYSTEM_FIELDS = [
  field('ID', 'Counter'),
  field('ContentType', 'Computed', 'Content Type'),
  field('Modified', 'DateTime'),
  field('Created', 'DateTime'),
  field('Author', 'User', 'Created By'),
  field('Editor', 'User', 'Modified By'),
  field('Attachments', 'Attachments'),
  field('GUID', 'Guid', 'GUID', true),
];

// Field types of the lists the fake creates; a list from the sample data gets types read off its values.
const customFields = new WeakMap<FakeList, Map<string, FieldInfo>>();

function fieldsOf(list: FakeList): Map<string, FieldInfo> {
  let fields = customFields.get(list);
  if (!fields) {
    fields = new Map();
    for (const name of list.fields.filter((f) => !['Id', 'ID'].includes(f))) {
      const sample = list.items.map((item) => item[name]).find((value) => value !== null && value !== undefined);
      const type = name === 'Title' || typeof sample === 'string' || sample === undefined ? 'Text' : typeof sample === 'boolean' ? 'Boolean' : 'Number';
      fields.set(name, field(name, type));
    }
    customFields.set(list, fields);
  }
  return fields;
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
  const decode = (v: string): string => v.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
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
      return spError(500, '-2130575342, Microsoft.SharePoint.SPException', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
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
  const fields = fieldsOf(list);

  if (method === 'GET' && kind === 'fields') {
    return jsonResponse(200, { value: [field('Title', 'Text'), ...SYSTEM_FIELDS, ...[...fields.values()].filter((f) => f.InternalName !== 'Title')] });
  }
  if (method === 'POST' && kind === 'fields/createfieldasxml') {
    const parameters = (await readBody(request))?.parameters as Record<string, unknown> | undefined;
    const attributes = fieldAttributes(typeof parameters?.SchemaXml === 'string' ? parameters.SchemaXml : '');
    const wanted = attributes.Name ?? attributes.StaticName ?? attributes.DisplayName;
    if (!wanted || !attributes.Type || !(attributes.Type in KINDS)) return spError(400, '-2146232832, Microsoft.SharePoint.SPException', 'Field type is invalid or not installed.');
    let internalName = wanted;
    for (let n = 0; list.fields.includes(internalName) || SYSTEM_FIELDS.some((f) => f.InternalName === internalName); n++) internalName = `${wanted}${n}`;
    const created = field(internalName, attributes.Type, attributes.DisplayName ?? internalName);
    fields.set(internalName, created);
    list.fields.push(internalName);
    return jsonResponse(201, { 'odata.type': `SP.Field${attributes.Type === 'Boolean' ? '' : attributes.Type}`, Id: stableGuid(`${list.title}/${internalName}`), StaticName: internalName, ...created });
  }
  if (method === 'POST' && kind === 'items') {
    const body = (await readBody(request)) ?? {};
    const type = `SP.Data.${entityName(list.title)}ListItem`;
    const unknown = Object.keys(body).find((key) => key !== '__metadata' && !list.fields.includes(key));
    if (unknown) return spError(400, INVALID, `The property '${unknown}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`);
    const id = Math.max(0, ...list.items.map((item) => Number(item.ID ?? item.Id ?? 0))) + 1;
    const values = Object.fromEntries(Object.entries(body).filter(([key]) => key !== '__metadata'));
    const item = { Id: id, ID: id, ...values };
    list.items.push(item);
    return jsonResponse(201, { 'odata.type': type, 'odata.editLink': `Web/Lists(guid'${stableGuid(list.title.toLowerCase())}')/Items(${id})`, ...item });
  }
  return undefined;
}
