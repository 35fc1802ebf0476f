/**
 * The path of a request URL for error messages: no query string (it can carry skip tokens or
 * signatures), no host, never a token.
 */
export function pathWithoutQuery(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}
