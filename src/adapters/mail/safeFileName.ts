/**
 * A file-name fragment that cannot leave its folder or surprise a shell: letters, digits,
 * ".", "-" and "_" only, no leading dot, at most 80 characters; `fallback` when nothing is left.
 */
export function safeFileName(text: string, fallback: string): string {
  const safe = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "é" -> "e" rather than "_"
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 80);
  return safe && safe !== '_' ? safe : fallback;
}
