// SharePoint REST serialisation: JSON light (minimal/no metadata) or verbose,
// chosen by the Accept header (learn.microsoft.com/sharepoint/dev/sp-add-ins/
// working-with-lists-and-list-items-with-rest; PnPjs v4 sends Accept: application/json).

export type SpFormat = 'minimal' | 'nometadata' | 'verbose';

/** application/json alone means minimal metadata on SharePoint Online; a missing Accept is treated the same. */
export function formatFromAccept(accept: string | null): SpFormat {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) return 'verbose';
  if (value.includes('odata=nometadata')) return 'nometadata';
  return 'minimal';
}

/** Stable pseudo-GUID from a string, so list and item ids look real and stay the same between runs. */
export function stableGuid(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < text.length; i++) {
      h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
      h2 = Math.imul(h2 ^ (h1 + round), 2246822519) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, '0'));
    h1 = (h1 + 0x9e3779b9) >>> 0;
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/** Entity type name SharePoint derives from the list title: SP.Data.<Name>ListItem. */
export function entityName(title: string): string {
  return title.replace(/[^A-Za-z0-9]/g, (c) => (c === ' ' ? '_x0020_' : ''));
}

export function itemEnvelope(
  format: SpFormat,
  siteUrl: string,
  listTitle: string,
  item: Record<string, unknown>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const listId = stableGuid(listTitle.toLowerCase());
  const itemId = String(item.Id ?? item.ID ?? '');
  const type = `SP.Data.${entityName(listTitle)}ListItem`;
  const uri = `${siteUrl}/_api/Web/Lists(guid'${listId}')/Items(${itemId})`;
  if (format === 'nometadata') return fields;
  if (format === 'verbose') {
    return { __metadata: { id: stableGuid(`${listId}/${itemId}`), uri, etag: '"1"', type }, ...fields };
  }
  return {
    'odata.type': type,
    'odata.id': stableGuid(`${listId}/${itemId}`),
    'odata.etag': '"1"',
    'odata.editLink': `Web/Lists(guid'${listId}')/Items(${itemId})`,
    ...fields,
  };
}

export function collectionBody(
  format: SpFormat,
  siteUrl: string,
  listTitle: string,
  values: Record<string, unknown>[],
  nextLink: string | undefined,
): Record<string, unknown> {
  if (format === 'verbose') return { d: { results: values, ...(nextLink ? { __next: nextLink } : {}) } };
  const body: Record<string, unknown> = {};
  if (format === 'minimal') body['odata.metadata'] = `${siteUrl}/_api/$metadata#SP.ListData.${entityName(listTitle)}ListItems`;
  body.value = values;
  if (nextLink) body['odata.nextLink'] = nextLink;
  return body;
}
