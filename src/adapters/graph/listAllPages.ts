import { PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import type { RawRecord } from '../../ports.js';
import { toAdapterError } from './toAdapterError.js';

export interface PagedQuery {
  /** Path under the version, e.g. /users. */
  path: string;
  select?: readonly string[];
  top?: number;
  count?: boolean;
  /** Sent with the first page and, through PageIterator's request options, with every next page. */
  headers?: Record<string, string>;
}

/** Every item of a Graph collection, following @odata.nextLink until the last page. */
export async function listAllPages(client: Client, query: PagedQuery): Promise<RawRecord[]> {
  let request = client.api(query.path);
  if (query.select?.length) request = request.select([...query.select]);
  if (query.top) request = request.top(query.top);
  if (query.count) request = request.count(true);
  if (query.headers) request = request.headers(query.headers);
  const items: RawRecord[] = [];
  try {
    const first = (await request.get()) as PageCollection;
    const pages = new PageIterator(
      client,
      first,
      (item: RawRecord) => {
        items.push(item);
        return true;
      },
      { headers: query.headers ?? {} },
    );
    await pages.iterate();
  } catch (error) {
    throw toAdapterError(error, 'GET', query.path);
  }
  return items;
}
