// Error codes of a connection that never opened: nothing of the request left this machine, so
// even a non-idempotent POST (sendMail) can be retried or reported as "certainly not sent".
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True when a fetch failure happened before any byte of the request reached the server. */
export function neverReachedServer(error: unknown): boolean {
  return codesOf(error, 0).some((code) => NOT_CONNECTED.has(code));
}

// undici wraps the socket error: TypeError('fetch failed', { cause }), and Node's happy-eyeballs
// connect gives an AggregateError with one error per address tried.
function codesOf(error: unknown, depth: number): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const nested = Array.isArray(errors) ? errors.flatMap((e) => codesOf(e, depth + 1)) : [];
  return [...own, ...codesOf(cause, depth + 1), ...nested];
}
