// Requests that got no HTTP answer. fetch reports them all as TypeError('fetch failed') with the
// socket or TLS error as its `cause` (undici); we name what failed and where.

/** A request that got no HTTP answer: names method, host and path, and why ("connection refused"). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly method: string,
    readonly target: string,
    readonly reason: string,
    options: { cause: unknown },
  ) {
    super(`${method} ${target} failed: ${reason}`, options);
  }
}

// Error codes of a connection that never opened: nothing of the request left this machine, so
// even a non-idempotent POST (sendMail) can be retried or reported as "certainly not sent".
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

// What a code means, in the words of whoever must fix it. TLS codes come from OpenSSL through Node.
const REASONS: Array<[RegExp, string]> = [
  [/^ECONNREFUSED$/, 'connection refused'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'host name not resolved (check the URL and DNS)'],
  [/^(EHOSTUNREACH|ENETUNREACH)$/, 'host unreachable'],
  [/^(UND_ERR_CONNECT_TIMEOUT|ETIMEDOUT)$/, 'connection timed out'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/, 'connection dropped by the server or a proxy'],
  [/^CERT_HAS_EXPIRED$/, 'certificate expired'],
  [/^ERR_TLS_CERT_ALTNAME_INVALID$/, 'certificate does not match the host name'],
  [
    /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)$/,
    'certificate not trusted (a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS)',
  ],
];

/**
 * True for a fetch that failed without an HTTP answer (connection refused or reset, DNS, TLS...),
 * raw or already described as a NetworkError. Our own TimeoutError is not one of them.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof TypeError && (error.cause !== undefined || /fetch/i.test(error.message));
}

/** True when a fetch failure happened before any byte of the request reached the server. */
export function neverReachedServer(error: unknown): boolean {
  return codesOf(error, 0).some((code) => NOT_CONNECTED.has(code));
}

/** The raw fetch failure of `method url` as a NetworkError naming host, path (no query) and reason. */
export function toNetworkError(error: unknown, method: string, url: string): NetworkError {
  if (error instanceof NetworkError) return error;
  return new NetworkError(method, hostAndPath(url), failureReason(error), { cause: error });
}

/** "connection refused (ECONNREFUSED)", or the deepest message when no code is known. */
export function failureReason(error: unknown): string {
  const codes = codesOf(error, 0);
  for (const code of codes) {
    const known = REASONS.find(([pattern]) => pattern.test(code));
    if (known) return `${known[1]} (${code})`;
  }
  const code = codes[0];
  const message = deepestMessage(error, 0);
  return code ? `${message} (${code})` : message;
}

/** The path of a request URL for messages: no host, no query string (skip tokens, signatures). */
export function pathWithoutQuery(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

function hostAndPath(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

// undici wraps the socket error: TypeError('fetch failed', { cause }), and Node's happy-eyeballs
// connect gives an AggregateError with one error per address tried.
function codesOf(error: unknown, depth: number): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const nested = Array.isArray(errors) ? errors.flatMap((e) => codesOf(e, depth + 1)) : [];
  return [...own, ...codesOf(cause, depth + 1), ...nested];
}

function deepestMessage(error: unknown, depth: number): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: unknown };
  const inner = depth < 5 && cause !== undefined ? deepestMessage(cause, depth + 1) : '';
  if (inner) return inner;
  return typeof message === 'string' && message ? message : String(error);
}
