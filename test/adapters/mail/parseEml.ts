// A deliberately small MIME reader for the outbox tests. It is strict where a mail client
// would be lenient: bare LF/CR, lines over 998 characters, a missing closing boundary or a
// malformed base64 body throw.

export interface MimeEntity {
  /** Header name (lower case) -> unfolded raw value. */
  headers: Map<string, string>;
  body: string;
}

export interface ParsedMail extends MimeEntity {
  parts: Array<MimeEntity & { bytes: Buffer }>;
}

function checkLines(text: string): void {
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('bare CR or LF: every line must end with CRLF');
  const long = text.split('\r\n').find((line) => line.length > 998);
  if (long !== undefined) throw new Error(`line of ${long.length} characters (max 998)`);
}

function splitEntity(text: string): MimeEntity {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('no empty line between headers and body');
  const headers = new Map<string, string>();
  // Unfold: CRLF followed by white space continues the previous header.
  for (const line of text.slice(0, end).replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon))) throw new Error(`malformed header line "${line}"`);
    const name = line.slice(0, colon).toLowerCase();
    if (headers.has(name)) throw new Error(`header ${name} appears twice`);
    headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(end + 4) };
}

/** Parameters of a structured header value; RFC 2231 continuations and charsets decoded. */
export function headerParams(value: string): { value: string; params: Map<string, string> } {
  const pieces = value.match(/(?:[^;"]+|"(?:[^"\\]|\\.)*")+/g) ?? [];
  const raw = new Map<string, string>();
  for (const piece of pieces.slice(1)) {
    const eq = piece.indexOf('=');
    const name = piece.slice(0, eq).trim().toLowerCase();
    let text = piece.slice(eq + 1).trim();
    if (text.startsWith('"')) text = text.slice(1, -1).replace(/\\(.)/g, '$1');
    raw.set(name, text);
  }
  const params = new Map<string, string>();
  for (const [name, text] of raw) if (!name.includes('*')) params.set(name, text);
  const extended = [...raw.keys()].filter((n) => n.includes('*')).map((n) => n.split('*')[0] ?? '');
  for (const base of new Set(extended)) {
    const segments: string[] = [];
    if (raw.has(`${base}*`)) segments.push(raw.get(`${base}*`) ?? '');
    for (let i = 0; raw.has(`${base}*${i}*`) || raw.has(`${base}*${i}`); i++) segments.push(raw.get(`${base}*${i}*`) ?? raw.get(`${base}*${i}`) ?? '');
    const joined = segments.join('');
    const match = /^([^']*)'[^']*'(.*)$/.exec(joined);
    if (!match || match[1]?.toUpperCase() !== 'UTF-8') throw new Error(`RFC 2231 value without UTF-8 charset: ${joined}`);
    params.set(base, Buffer.from((match[2] ?? '').replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
  }
  return { value: (pieces[0] ?? '').trim().toLowerCase(), params };
}

/** RFC 2047 words ("=?UTF-8?B?...?=") decoded; white space between adjacent words dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function decodeBase64(body: string): Buffer {
  const lines = body.split('\r\n').filter((line) => line !== '');
  for (const line of lines) {
    if (line.length > 76 || !/^[A-Za-z0-9+/]*={0,2}$/.test(line)) throw new Error(`bad base64 line "${line.slice(0, 80)}"`);
  }
  return Buffer.from(lines.join(''), 'base64');
}

export function parseEml(text: string): ParsedMail {
  checkLines(text);
  const mail = splitEntity(text);
  const type = headerParams(mail.headers.get('content-type') ?? '');
  const boundary = type.params.get('boundary');
  if (type.value !== 'multipart/mixed' || !boundary) throw new Error('not multipart/mixed with a boundary');
  const delimiter = `\r\n--${boundary}`;
  const body = `\r\n${mail.body}`;
  const close = body.indexOf(`${delimiter}--\r\n`);
  if (close < 0) throw new Error('no closing boundary');
  const chunks = body.slice(0, close).split(delimiter).slice(1);
  const parts = chunks.map((chunk) => {
    if (!chunk.startsWith('\r\n')) throw new Error('boundary line followed by text');
    const part = splitEntity(chunk.slice(2));
    if ((part.headers.get('content-transfer-encoding') ?? '').toLowerCase() !== 'base64') throw new Error('part is not base64');
    return { ...part, bytes: decodeBase64(part.body) };
  });
  return { ...mail, parts };
}
