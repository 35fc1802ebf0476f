import type { Config } from '../../config/Config.js';
import { HttpError, redactSecrets } from '../../errors.js';
import type { RawRecord } from '../../ports.js';
import { graphScope, type TokenProvider } from '../auth/createTokenProvider.js';
import { READ_POLICY, type HttpStep, type RetryPolicy } from '../http/createHttpStep.js';
import { pathWithoutQuery } from '../http/networkFailure.js';

/** Microsoft Graph over plain fetch (docs/decisions/graph-without-sdk.md). */
export interface GraphClient {
  /**
   * Every item of a collection: GET `path` (under GRAPH_BASE_URL) with `query`, then each
   * `@odata.nextLink` until there is none, `headers` sent with every page.
   */
  listAll(path: string, query?: Record<string, string>, headers?: Record<string, string>): Promise<RawRecord[]>;
  /** One GET: an entity, or a collection's first page only (`value`, `@odata.nextLink` left unfollowed). */
  get(path: string, query?: Record<string, string>, headers?: Record<string, string>): Promise<RawRecord>;
  /** The same collection page by page, as Graph serves it: the next page is asked for only when wanted. */
  pages(path: string, query?: Record<string, string>, headers?: Record<string, string>): AsyncGenerator<RawRecord[], void, undefined>;
  /** POST of a JSON body; resolves on any 2xx without reading the body, throws HttpError otherwise. */
  post(path: string, body: unknown, policy: RetryPolicy): Promise<void>;
}

/**
 * A client for GRAPH_BASE_URL, version included (https://graph.microsoft.us/v1.0,
 * https://localhost:8443/v1.0...): the token of its cloud on every request, our send step
 * (retry, per-attempt timeout, User-Agent), Graph's `{error: {code, message}}` read into an
 * HttpError that names method and path (never the query string).
 */
export function createGraphClient(config: Pick<Config, 'graphBaseUrl'>, tokens: TokenProvider, http: HttpStep): GraphClient {
  const base = config.graphBaseUrl.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const scope = graphScope(base);

  const send = async (method: string, url: string, init: RequestInit, policy: RetryPolicy): Promise<Response> => {
    const token = await tokens.getToken(scope);
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept', 'application/json');
    const response = await http.send(url, { ...init, method, headers }, policy);
    if (!response.ok) {
      throw new HttpError(method, pathWithoutQuery(url), response.status, redactSecrets(graphErrorDetail(await response.text())));
    }
    return response;
  };

  const page = async (url: string, headers: Record<string, string>): Promise<{ value: RawRecord[]; next?: string }> => {
    const response = await send('GET', url, { headers }, READ_POLICY);
    const failed = (why: string, cause?: unknown) => new Error(`GET ${pathWithoutQuery(url)} failed: ${why}`, { cause });
    let body: { value?: unknown; '@odata.nextLink'?: unknown };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw failed(`the answer is not JSON (${(error as Error).message})`, error);
    }
    if (!Array.isArray(body?.value)) throw failed('the answer has no "value" list');
    const next = body['@odata.nextLink'];
    if (next === undefined || next === null) return { value: body.value as RawRecord[] };
    // The next link gets our token: it must point at the same Graph host.
    if (typeof next !== 'string' || new URL(next, base).origin !== origin) throw failed('@odata.nextLink points outside GRAPH_BASE_URL');
    return { value: body.value as RawRecord[], next: new URL(next, base).href };
  };

  async function* pages(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
    let url: string | undefined = `${base}${path}${queryString(query)}`;
    while (url) {
      const { value, next } = await page(url, headers);
      url = next;
      yield value;
    }
  }

  return {
    async listAll(path, query = {}, headers = {}) {
      const items: RawRecord[] = [];
      for await (const value of pages(path, query, headers)) for (const item of value) items.push(item);
      return items;
    },
    async get(path, query = {}, headers = {}) {
      const url = `${base}${path}${queryString(query)}`;
      const body: unknown = await (await send('GET', url, { headers }, READ_POLICY)).json();
      if (typeof body !== 'object' || body === null) throw new Error(`GET ${pathWithoutQuery(url)} failed: the answer is not a JSON object`);
      return body as RawRecord;
    },
    pages,
    async post(path, body, policy) {
      const headers = { 'Content-Type': 'application/json' };
      await send('POST', `${base}${path}`, { headers, body: JSON.stringify(body) }, policy);
    },
  };
}

/** OData keys stay readable ($select, $top); values are encoded. */
function queryString(query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/**
 * "code: message" from Graph's { error: { code, message } } body; the reporting service behind
 * signInActivity answers { "@odata.context": ..., "value": "<reason>" } instead
 * (msgraph-sdk-powershell#1898); '' for anything else.
 */
function graphErrorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown }; value?: unknown };
    if (typeof parsed.value === 'string') return parsed.value;
    const error = parsed.error;
    return [error?.code, error?.message].filter((part) => typeof part === 'string' && part).join(': ');
  } catch {
    return '';
  }
}
