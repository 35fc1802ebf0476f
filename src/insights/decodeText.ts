const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, i) => bytes[i] === byte);

/**
 * A downloaded text file's bytes as text, whatever form Microsoft published it in: UTF-8 with or
 * without BOM, UTF-16 with BOM, or Windows-1252 (copies of the product names CSV from 2022 and
 * earlier, no BOM). Bytes that are not valid UTF-8 are read as Windows-1252, which maps every byte.
 * A string (a test fake) is returned as is.
 */
export function decodeText(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  if (startsWith(body, UTF8_BOM)) return new TextDecoder('utf-8').decode(body.subarray(3));
  if (startsWith(body, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(body.subarray(2));
  if (startsWith(body, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(body.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}
