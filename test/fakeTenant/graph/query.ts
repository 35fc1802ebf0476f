// OData query options and server-driven paging for Graph collections
// (learn.microsoft.com/graph/query-parameters, /graph/paging).
import { graphError } from '../http.js';

export const GRAPH_DEFAULT_PAGE = 100;
export const GRAPH_MAX_PAGE = 999;

export interface GraphQuery {
  selectRaw: string[] | null;
  top: number;
  count: boolean;
  offset: number;
  /** The raw $filter when the route accepts one (it parses it), else null. */
  filterRaw: string | null;
  /** ConsistencyLevel: eventual was sent (advanced queries, learn.microsoft.com/graph/aad-advanced-queries). */
  eventual: boolean;
}

/** Options the fake deliberately refuses, so no client silently relies on a filter it ignores. */
const UNSUPPORTED = ['$filter', '$orderby', '$search', '$expand', '$skip'];

export function parseGraphQuery(url: URL, request: Request, accepts: { filter?: boolean } = {}): GraphQuery | Response {
  const params = url.searchParams;
  for (const option of UNSUPPORTED) {
    if (option === '$filter' && accepts.filter) continue;
    if (params.has(option)) {
      return graphError(400, 'Request_UnsupportedQuery', `The fake tenant does not implement ${option}.`);
    }
  }
  const selectText = params.get('$select');
  const selectRaw =
    selectText === null
      ? null
      : selectText
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);

  let top = GRAPH_DEFAULT_PAGE;
  const topText = params.get('$top');
  if (topText !== null) {
    top = Number(topText);
    if (!/^\d+$/.test(topText.trim()) || top < 1 || top > GRAPH_MAX_PAGE) {
      return graphError(400, 'Request_BadRequest', `Invalid page size specified: '${topText}'. Must be between 1 and ${GRAPH_MAX_PAGE} inclusive.`);
    }
  }

  const countText = params.get('$count');
  const count = countText?.toLowerCase() === 'true';
  const eventual = request.headers.get('consistencylevel')?.toLowerCase() === 'eventual';
  // $count on directory objects is an advanced query (learn.microsoft.com/graph/aad-advanced-queries).
  if (count && !eventual) {
    return graphError(400, 'Request_BadRequest', '$count is not currently supported.');
  }

  let offset = 0;
  const skipToken = params.get('$skiptoken');
  if (skipToken !== null) {
    const decoded = decodeSkipToken(skipToken);
    if (decoded === null) return graphError(400, 'Request_BadRequest', 'Invalid or expired paging token.');
    offset = decoded;
  }
  return { selectRaw, top, count, offset, filterRaw: accepts.filter ? params.get('$filter') : null, eventual };
}

// Opaque to clients (they must follow nextLink as is), readable by the fake.
function encodeSkipToken(offset: number): string {
  return 'RFNwdA' + Buffer.from(`fake-offset:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number | null {
  if (!token.startsWith('RFNwdA')) return null;
  const match = /^fake-offset:(\d+)$/.exec(Buffer.from(token.slice(6), 'base64url').toString());
  return match ? Number(match[1]) : null;
}

/** Commas and slashes kept readable, like the nextLinks Graph emits. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%2F/gi, '/');
}

/**
 * One page of a collection. nextLink is absolute, on the request's own origin and path,
 * keeps $select/$top/$count and adds the opaque $skiptoken; it is absent on the last page.
 */
export function graphPage(
  url: URL,
  query: GraphQuery,
  items: readonly unknown[],
  project: (item: never) => Record<string, unknown>,
  context: string,
): Record<string, unknown> {
  const end = Math.min(query.offset + query.top, items.length);
  const value = items.slice(query.offset, end).map((item) => project(item as never));
  const body: Record<string, unknown> = { '@odata.context': `${url.origin}/v1.0/$metadata#${context}` };
  if (query.count) body['@odata.count'] = items.length;
  if (end < items.length) {
    const keep: string[] = [];
    for (const option of ['$filter', '$select', '$top', '$count']) {
      const v = url.searchParams.get(option);
      if (v !== null) keep.push(`${option}=${encodeValue(v)}`);
    }
    keep.push(`$skiptoken=${encodeSkipToken(end)}`);
    body['@odata.nextLink'] = `${url.origin}${url.pathname}?${keep.join('&')}`;
  }
  body.value = value;
  return body;
}
