import { createHmac } from 'node:crypto';

// The Shared Key scheme for the Blob service, version 2009-09-19 and later, exactly as
// learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key writes it.

/** The standard headers signed, in the order the string to sign lists them. */
const SIGNED_HEADERS = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
];

/** Every x-ms- header: lower-case name, sorted by name, white space in the value unfolded to one space, trimmed. */
function canonicalizedHeaders(headers: Headers): string {
  const msHeaders: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    if (name.startsWith('x-ms-')) msHeaders.push([name, value]); // Headers gives names lower-case, repeated ones comma-joined
  });
  msHeaders.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return msHeaders.map(([name, value]) => `${name}:${value.replace(/\s+/g, ' ').trim()}\n`).join('');
}

/** "/" + account + the encoded path as sent, then each query parameter (decoded, lower-case name, sorted; values sorted, comma-joined). */
function canonicalizedResource(accountName: string, url: URL): string {
  const params = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const key = name.toLowerCase();
    params.set(key, [...(params.get(key) ?? []), value]);
  }
  const query = [...params.keys()].sort().map((name) => `\n${name}:${(params.get(name) ?? []).sort().join(',')}`);
  return `/${accountName}${url.pathname}${query.join('')}`;
}

/** The string to sign; Content-Length is empty for a body of 0 bytes (version 2015-02-21 and later). */
export function stringToSign(method: string, url: URL, headers: Headers, accountName: string): string {
  const standard = SIGNED_HEADERS.map((name) => {
    const value = headers.get(name) ?? '';
    return name === 'content-length' && value === '0' ? '' : value;
  });
  return [method.toUpperCase(), ...standard].join('\n') + '\n' + canonicalizedHeaders(headers) + canonicalizedResource(accountName, url);
}

/** The Authorization header value: "SharedKey <account>:<base64 HMAC-SHA256 of the string to sign>". */
export function sharedKeyAuthorization(method: string, url: URL, headers: Headers, accountName: string, accountKey: Buffer): string {
  const signature = createHmac('sha256', accountKey)
    .update(stringToSign(method, url, headers, accountName), 'utf8')
    .digest('base64');
  return `SharedKey ${accountName}:${signature}`;
}
