// Content-Disposition filename parameters. Plain short names are a quoted string; others
// are RFC 2231 (UTF-8, percent-encoded, split into numbered continuations so no header line
// grows long) plus an ASCII `filename` fallback for readers that ignore RFC 2231.
const SAFE_QUOTED = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,70}$/;
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;
const MAX_SEGMENT = 60;

/** ASCII stand-in for a name ("Siège.csv" -> "Siege.csv"), at most 70 characters, extension kept. */
export function asciiFallbackName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '_');
  if (ascii.length <= 70) return ascii || 'attachment';
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(ascii)?.[0] ?? '';
  return ascii.slice(0, 70 - extension.length) + extension;
}

function percentEncode(name: string): string[] {
  const pieces: string[] = [];
  for (const byte of Buffer.from(name, 'utf8')) {
    const char = String.fromCharCode(byte);
    pieces.push(byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return pieces;
}

/** The parameters (without the leading ";") to put after `attachment`. */
export function encodeFilenameParameters(name: string): string[] {
  if (SAFE_QUOTED.test(name)) return [`filename="${name}"`];
  // Segments never split a %XX triplet: each piece is one whole byte.
  const segments: string[] = [];
  let segment = '';
  for (const piece of percentEncode(name)) {
    if (segment.length + piece.length > MAX_SEGMENT) {
      segments.push(segment);
      segment = '';
    }
    segment += piece;
  }
  segments.push(segment);
  const fallback = `filename="${asciiFallbackName(name)}"`;
  if (segments.length === 1) return [fallback, `filename*=UTF-8''${segments[0]}`];
  return [fallback, ...segments.map((part, index) => `filename*${index}*=${index === 0 ? "UTF-8''" : ''}${part}`)];
}
