// GET {site}/_api/web/lists/getByTitle('T')/fields with $select and $filter (SP.Field properties:
// learn.microsoft.com/previous-versions/office/sharepoint-csom/ee540543(v=office.15); REST in
// working-with-lists-and-list-items-with-rest). What a doctor needs: each column's internal name,
// display title and type (TypeAsString: Text, Number, Currency, Boolean…). A custom list also has
// built-in columns, visible and hidden; the fake lists a representative set of them, so a client
// must look its columns up by internal name and not rely on the built-in set.
import { jsonResponse, spError } from '../http.js';
import type { FakeColumn, FakeList } from '../types.js';
import { stableGuid, type SpFormat } from './format.js';

type FieldType = FakeColumn['type'] | 'Computed' | 'Counter' | 'Attachments' | 'ContentTypeId' | 'Guid';

/** SP.FieldType values (FieldTypeKind) and the names the UI shows (TypeDisplayName). */
const KINDS: Record<FieldType, [kind: number, display: string, odataType: string]> = {
  Integer: [1, 'Integer', 'SP.Field'],
  Text: [2, 'Single line of text', 'SP.FieldText'],
  Note: [3, 'Multiple lines of text', 'SP.FieldMultiLineText'],
  DateTime: [4, 'Date and Time', 'SP.FieldDateTime'],
  Counter: [5, 'Counter', 'SP.Field'],
  Choice: [6, 'Choice', 'SP.FieldChoice'],
  Lookup: [7, 'Lookup', 'SP.FieldLookup'],
  Boolean: [8, 'Yes/No', 'SP.Field'],
  Number: [9, 'Number', 'SP.FieldNumber'],
  Currency: [10, 'Currency', 'SP.FieldCurrency'],
  URL: [11, 'Hyperlink or Picture', 'SP.FieldUrl'],
  Computed: [12, 'Computed', 'SP.FieldComputed'],
  Guid: [14, 'Guid', 'SP.FieldGuid'],
  Attachments: [19, 'Attachments', 'SP.Field'],
  User: [20, 'Person or Group', 'SP.FieldUser'],
  ContentTypeId: [25, 'Content Type Id', 'SP.Field'],
};

interface FieldRow {
  InternalName: string;
  Title: string;
  TypeAsString: FieldType;
  Hidden: boolean;
  ReadOnlyField: boolean;
  FromBaseType: boolean;
}

// [internal name, title, type, hidden, read-only] of the built-in columns of a custom list.
const BUILT_IN: Array<[string, string, FieldType, boolean, boolean]> = [
  ['ContentTypeId', 'Content Type ID', 'ContentTypeId', true, true],
  ['ContentType', 'Content Type', 'Computed', false, false],
  ['Title', 'Title', 'Text', false, false],
  ['Modified', 'Modified', 'DateTime', false, true],
  ['Created', 'Created', 'DateTime', false, true],
  ['Author', 'Created By', 'User', false, true],
  ['Editor', 'Modified By', 'User', false, true],
  ['ID', 'ID', 'Counter', false, true],
  ['_UIVersionString', 'Version', 'Text', false, true],
  ['Attachments', 'Attachments', 'Attachments', false, false],
  ['Edit', 'Edit', 'Computed', false, true],
  ['LinkTitleNoMenu', 'Title', 'Computed', false, true],
  ['LinkTitle', 'Title', 'Computed', false, true],
  ['DocIcon', 'Type', 'Computed', false, true],
  ['ItemChildCount', 'Item Child Count', 'Lookup', false, true],
  ['FolderChildCount', 'Folder Child Count', 'Lookup', false, true],
  ['AppAuthor', 'App Created By', 'Lookup', false, true],
  ['AppEditor', 'App Modified By', 'Lookup', false, true],
  ['FileRef', 'URL Path', 'Lookup', true, true],
  ['GUID', 'GUID', 'Guid', true, true],
  ['Order', 'Order', 'Number', true, false],
];

/** A list's own columns: `columns` when given, else each field titled by its name and typed from the items' values. */
export function columnsOf(list: FakeList): FakeColumn[] {
  if (list.columns) return list.columns;
  return list.fields
    .filter((name) => !['Title', 'Id', 'ID'].includes(name))
    .map((name) => {
      const sample = list.items.map((item) => item[name]).find((v) => v !== null && v !== undefined);
      const type: FakeColumn['type'] = typeof sample === 'number' ? 'Number' : typeof sample === 'boolean' ? 'Boolean' : 'Text';
      return { internalName: name, title: name, type };
    });
}

/** Internal names of the built-in columns: a new column cannot take one of them. */
export const BUILT_IN_NAMES: ReadonlySet<string> = new Set(BUILT_IN.map(([name]) => name));

function rowsOf(list: FakeList): FieldRow[] {
  const own = columnsOf(list);
  const renamedTitle = own.find((c) => c.internalName === 'Title');
  const builtIn = BUILT_IN.map(([InternalName, Title, TypeAsString, Hidden, ReadOnlyField]) => ({
    InternalName,
    Title: InternalName === 'Title' && renamedTitle ? renamedTitle.title : Title,
    TypeAsString,
    Hidden,
    ReadOnlyField,
    FromBaseType: true,
  }));
  const custom = own
    .filter((c) => c.internalName !== 'Title')
    .map((c) => ({ InternalName: c.internalName, Title: c.title, TypeAsString: c.type, Hidden: false, ReadOnlyField: false, FromBaseType: false }));
  return [...builtIn, ...custom];
}

const PROPERTIES = [
  'Id',
  'InternalName',
  'StaticName',
  'EntityPropertyName',
  'Title',
  'TypeAsString',
  'TypeDisplayName',
  'FieldTypeKind',
  'Hidden',
  'ReadOnlyField',
  'Required',
  'CanBeDeleted',
  'FromBaseType',
  'Group',
];

function propertiesOf(row: FieldRow, listId: string): Record<string, unknown> {
  const [kind, display] = KINDS[row.TypeAsString];
  return {
    Id: stableGuid(`${listId}/field/${row.InternalName}`),
    InternalName: row.InternalName,
    StaticName: row.InternalName,
    EntityPropertyName: row.InternalName,
    Title: row.Title,
    TypeAsString: row.TypeAsString,
    TypeDisplayName: display,
    FieldTypeKind: kind,
    Hidden: row.Hidden,
    ReadOnlyField: row.ReadOnlyField,
    Required: false,
    CanBeDeleted: !row.FromBaseType,
    FromBaseType: row.FromBaseType,
    Group: row.FromBaseType ? '_Hidden' : 'Custom Columns',
  };
}

function invalidQuery(message: string): Response {
  return spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
}

/** `Prop eq value` clauses joined by `and`, on the properties a doctor filters by. */
function parseFilter(text: string): Array<[string, unknown]> | null {
  const clauses: Array<[string, unknown]> = [];
  for (const part of text.split(/\s+and\s+/i)) {
    const match = /^\s*(Hidden|ReadOnlyField|FromBaseType|InternalName|Title|TypeAsString)\s+eq\s+(true|false|'((?:[^']|'')*)')\s*$/i.exec(part);
    if (!match) return null;
    const name = PROPERTIES.find((p) => p.toLowerCase() === (match[1] ?? '').toLowerCase()) ?? '';
    const raw = match[2] ?? '';
    clauses.push([name, raw.startsWith("'") ? (match[3] ?? '').replace(/''/g, "'") : raw.toLowerCase() === 'true']);
  }
  return clauses;
}

export function listFields(url: URL, siteUrl: string, list: FakeList, format: SpFormat, contentType: string): Response {
  const params = url.searchParams;
  for (const option of ['$orderby', '$expand', '$skip']) if (params.has(option)) return invalidQuery(`The fake tenant does not implement ${option}.`);
  const listId = stableGuid(list.title.toLowerCase());
  let select: string[] | null = null;
  const selectText = params.get('$select');
  if (selectText !== null) {
    select = [];
    for (const raw of selectText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const name = PROPERTIES.find((p) => p.toLowerCase() === raw.toLowerCase());
      if (!name)
        return invalidQuery(`The property '${raw}' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.`);
      select.push(name);
    }
  }
  const filterText = params.get('$filter');
  const filter = filterText === null ? [] : parseFilter(filterText);
  if (!filter) return invalidQuery(`The fake tenant does not implement this $filter on fields: ${filterText}`);
  const rows = rowsOf(list)
    .map((row) => propertiesOf(row, listId))
    .filter((props) => filter.every(([name, value]) => props[name] === value));
  const values = rows.map((props) => {
    const fields: Record<string, unknown> = {};
    for (const name of select ?? PROPERTIES) fields[name] = props[name];
    const path = `Web/Lists(guid'${listId}')/Fields(guid'${String(props['Id'])}')`;
    const odataType = KINDS[props['TypeAsString'] as FieldType][2];
    if (format === 'nometadata') return fields;
    if (format === 'verbose') return { __metadata: { id: `${siteUrl}/_api/${path}`, uri: `${siteUrl}/_api/${path}`, type: odataType }, ...fields };
    return { 'odata.type': odataType, 'odata.id': `${siteUrl}/_api/${path}`, 'odata.editLink': path, ...fields };
  });
  const body =
    format === 'verbose'
      ? { d: { results: values } }
      : format === 'minimal'
        ? { 'odata.metadata': `${siteUrl}/_api/$metadata#SP.ApiData.Fields`, value: values }
        : { value: values };
  return jsonResponse(200, body, { 'Content-Type': contentType });
}
