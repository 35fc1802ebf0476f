// Fault injection: rules checked in order before routing, so reliability
// tests can script throttling, outages, hangs and dropped connections.
import type { FaultResponse, FaultRule } from './types.js';
import { jsonResponse, safeDecode } from './http.js';

/** Thrown by handle() for a 'reset' fault; the HTTPS server destroys the socket instead. */
export class NetworkResetError extends TypeError {
  constructor() {
    super('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
  }
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultEngine {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Infinity });
  }

  clear(): void {
    this.rules = [];
  }

  /** First rule matching the request, consuming one of its `times`. */
  take(request: Request, kind: string): FaultRule | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0 || !matches(active.rule, request, kind)) continue;
      active.remaining -= 1;
      return active.rule;
    }
    return undefined;
  }
}

function matches(rule: FaultRule, request: Request, kind: string): boolean {
  const { method, kind: wantedKind, pathIncludes, predicate } = rule.match;
  if (method && method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (wantedKind && wantedKind !== kind) return false;
  if (pathIncludes) {
    const url = new URL(request.url);
    const raw = url.pathname + url.search;
    if (!raw.includes(pathIncludes) && !safeDecode(raw).includes(pathIncludes)) return false;
  }
  // A clone, so a predicate that reads the body does not consume it for routing.
  if (predicate && !predicate(request.clone())) return false;
  return true;
}

export function faultResponse(fault: FaultResponse): Response {
  if (fault.body === undefined) return new Response(null, { status: fault.status, headers: fault.headers ?? {} });
  if (typeof fault.body === 'string') return new Response(fault.body, { status: fault.status, headers: fault.headers ?? {} });
  return jsonResponse(fault.status, fault.body, fault.headers ?? {});
}

/** Never settles unless the client aborts: simulates a server that stopped answering. */
export function hangUntilAborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (!signal) return;
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Request kinds served by SharePoint Online (whole-second Retry-After, JSON-light bodies). */
const SHAREPOINT_KINDS = new Set(['listItems', 'listFields']);

/** SharePoint's usual wait: "always 120" in field reports (SharePoint/PnP-Guidance#193, OneDrive/onedrive-api-docs#797). */
export const SHAREPOINT_RETRY_AFTER_SECONDS = 120;

export interface ThrottleOptions {
  kind: string;
  times?: number;
  /**
   * Seconds sent in Retry-After (fractional allowed, as Graph may send). Default: 120 for SharePoint
   * kinds, which always sends whole seconds; 10 for Graph. A fraction on a SharePoint kind only
   * keeps a test fast: SharePoint itself never sends one.
   */
  retryAfterSeconds?: number;
  /** Raw Retry-After value (an HTTP date, say); wins over retryAfterSeconds. */
  retryAfter?: string;
  /** 429 (default) or 503 ("Server Too Busy"; SharePoint and Graph both send Retry-After with it). */
  status?: 429 | 503;
  /** SharePoint only: the plain-text "429 TOO MANY REQUESTS" body reported in sp-dev-docs#2547. */
  plainTextBody?: boolean;
}

/** A throttling rule with Retry-After, shaped like the service the kind belongs to. */
export function throttle(opts: ThrottleOptions): FaultRule {
  const sharePoint = SHAREPOINT_KINDS.has(opts.kind);
  const status = opts.status ?? 429;
  const seconds = opts.retryAfterSeconds ?? (sharePoint ? SHAREPOINT_RETRY_AFTER_SECONDS : 10);
  const headers: Record<string, string> = { 'Retry-After': opts.retryAfter ?? String(seconds) };
  let body: unknown;
  if (sharePoint && opts.plainTextBody) {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    body = status === 429 ? '429 TOO MANY REQUESTS' : '503 SERVER TOO BUSY';
  } else if (sharePoint) {
    // SharePoint does not document its throttling body; the fake answers in its JSON-light error shape.
    body = {
      'odata.error': {
        code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
        message: { lang: 'en-US', value: 'The request has been throttled.' },
      },
    };
  } else if (status === 503) {
    body = GRAPH_503;
  } else {
    body = { error: { code: 'TooManyRequests', message: 'Too many requests. Retry after the time given in the Retry-After header.' } };
  }
  return { match: { kind: opts.kind }, times: opts.times ?? 1, respond: { status, headers, body } };
}

/** Graph's generic 503 (learn.microsoft.com/graph/errors: serviceNotAvailable). */
const GRAPH_503 = { error: { code: 'serviceNotAvailable', message: 'The service is not available. Try the request again after a delay.' } };

/** sendMail's 500 body (InnoGE/laravel-msgraph-mail#11, a real Graph answer). */
export const SEND_MAIL_500 = { error: { code: 'ErrorInternalServerError', message: 'An internal server error occurred. The operation failed.' } };

/**
 * "Sent, but the answer was lost": the request is handled (a sendMail delivers and saves the
 * message), then the client gets a 500, a 503, a hang or a reset connection instead of the answer.
 */
export function lostAnswer(opts: { kind?: string; times?: number; then: 500 | 503 | 'hang' | 'reset'; predicate?: (req: Request) => boolean }): FaultRule {
  const respond: FaultRule['respond'] =
    opts.then === 500
      ? { status: 500, body: SEND_MAIL_500 }
      : opts.then === 503
        ? { status: 503, headers: { 'Retry-After': '10' }, body: GRAPH_503 }
        : opts.then;
  return {
    match: { kind: opts.kind ?? 'sendMail', ...(opts.predicate ? { predicate: opts.predicate } : {}) },
    times: opts.times ?? 1,
    deliverFirst: true,
    respond,
  };
}
