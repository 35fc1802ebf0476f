// Response builders shared by the Graph and SharePoint routes, so every error
// carries the shape each real service documents.

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Graph errors: { error: { code, message, innerError } } plus the request-id header real Graph sends. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const requestId = crypto.randomUUID();
  const body = {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId },
    },
  };
  return jsonResponse(status, body, { 'request-id': requestId, 'client-request-id': requestId, ...headers });
}

/** SharePoint REST errors (JSON light): { "odata.error": { code, message: { lang, value } } }. */
export function spError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = { 'odata.error': { code, message: { lang: 'en-US', value: message } } };
  return jsonResponse(status, body, { SPRequestGuid: crypto.randomUUID(), ...headers });
}

/** True when the request carries `Authorization: Bearer <token>` (scheme case-insensitive, as in RFC 6750). */
export function hasBearer(request: Request, token: string): boolean {
  const value = request.headers.get('authorization') ?? '';
  const match = /^bearer\s+(.+)$/i.exec(value.trim());
  return match?.[1] === token;
}

/** decodeURIComponent that leaves malformed escapes as they are instead of throwing. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves after ms, or rejects with the signal's reason when the client gives up first. */
export function delay(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
