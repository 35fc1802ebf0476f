// The part of a List Blobs answer we use: each blob's name and the continuation marker
// (learn.microsoft.com/rest/api/storageservices/list-blobs, "Response body"). Read with a few
// patterns rather than an XML library: the elements are flat, and everything else is skipped.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** The text of the first <tag> in `xml`; a name the service had to percent-encode (Encoded="true", 2020-02-10+) decoded. */
function elementText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>|<${tag}(\\s[^>]*)?/>`).exec(xml);
  if (!match) return undefined;
  const text = unescapeXml(match[2] ?? '');
  return /\bEncoded\s*=\s*["']true["']/i.test(match[1] ?? '') ? decodeURIComponent(text) : text;
}

export function parseBlobList(xml: string): { names: string[]; nextMarker: string | undefined } {
  if (!/<EnumerationResults[\s>]/.test(xml)) throw new Error('the List Blobs answer is not an EnumerationResults document');
  const blobs = xml.match(/<Blob>[\s\S]*?<\/Blob>/g) ?? [];
  const names = blobs.map((blob) => elementText(blob, 'Name')).filter((name): name is string => name !== undefined);
  // Names are escaped, so "<NextMarker>" can only be the element itself.
  return { names, nextMarker: elementText(xml, 'NextMarker') || undefined };
}
