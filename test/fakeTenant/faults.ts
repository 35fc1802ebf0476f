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
  take(request: Request, kind: string): FaultRule['respond'] | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0 || !matches(active.rule, request, kind)) continue;
      active.remaining -= 1;
      return active.rule.respond;
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

/** A 429 rule with Retry-After (seconds, fractional allowed), shaped like the service the kind belongs to. */
export function throttle(opts: { kind: string; times?: number; retryAfterSeconds: number }): FaultRule {
  const body =
    opts.kind === 'listItems'
      ? { 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { lang: 'en-US', value: 'The request has been throttled.' } } }
      : { error: { code: 'TooManyRequests', message: 'Too many requests. Retry after the time given in the Retry-After header.' } };
  return {
    match: { kind: opts.kind },
    times: opts.times ?? 1,
    respond: { status: 429, headers: { 'Retry-After': String(opts.retryAfterSeconds) }, body },
  };
}
