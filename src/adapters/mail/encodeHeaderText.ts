// RFC 2047 "encoded-words" for header text that is not plain ASCII. Each word is at most
// 75 characters (=?UTF-8?B?...?= around at most 45 bytes), split between characters, and
// words go on folded lines so no header line gets near the 998-character limit.
const PLAIN = /^[\x20-\x7e]*$/;
const CONTROL = /[\u0000-\u001f\u007f]+/g;
const MAX_BYTES_PER_WORD = 45;
const MAX_PLAIN_LENGTH = 900;

function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  let size = 0;
  const flush = () => {
    if (chunk) words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
    size = 0;
  };
  for (const char of text) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (size + bytes > MAX_BYTES_PER_WORD) flush();
    chunk += char;
    size += bytes;
  }
  flush();
  return words;
}

/** Unstructured header text (Subject): as is when plain ASCII, else encoded-words. */
export function encodeHeaderText(text: string): string {
  // A line break inside a header would start a new header (header injection): never keep one.
  const clean = text.replace(CONTROL, ' ');
  if (PLAIN.test(clean) && !clean.includes('=?') && clean.length <= MAX_PLAIN_LENGTH) return clean;
  return encodedWords(clean).join('\r\n ');
}

/** A display name (RFC 5322 phrase): a quoted string when plain ASCII, else encoded-words. */
export function encodeDisplayName(name: string): string {
  const clean = name.replace(CONTROL, ' ').trim();
  if (PLAIN.test(clean) && !clean.includes('=?') && clean.length <= 200) {
    return `"${clean.replace(/(["\\])/g, '\\$1')}"`;
  }
  return encodedWords(clean).join('\r\n ');
}
