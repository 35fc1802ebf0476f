import { HttpError } from '../../errors.js';
import { USERS_BY_ID_PER_REQUEST, type Directory, type RawRecord } from '../../ports.js';
import type { GraphClient } from './graphClient.js';

// Graph's largest page for users and members (learn.microsoft.com/graph/paging).
const MAX_PAGE = 999;
// With signInActivity selected Graph serves fewer users a page: at most 500 says the 2025 user-list
// page; in 2023 it answered 400 "Cannot query data for more than 120 users at a time" above 120
// (msgraph-sdk-powershell#1898). Ask for 500; on that answer, read again with 120.
const SIGN_IN_PAGE = 500;
const SIGN_IN_PAGE_FALLBACK = 120;
const TOO_MANY_USERS = /more than 120 users at a time/i;

// `id in (...)`: "limited to 15 expressions in the filter clause by default OR a URL length of 2,048
// characters when using advanced query capabilities" (Graph known issues, query parameters;
// filter-query-parameter). Above 15 ids we send the advanced query (ConsistencyLevel: eventual and
// $count=true, learn.microsoft.com/graph/aad-advanced-queries) and keep the encoded filter under
// 1,600 characters, leaving 448 for the base URL, $select and $count: 40 GUIDs fit.
const IN_MAX_DEFAULT = 15;
const FILTER_MAX_CHARS = 1_600;

const quoted = (id: string): string => `'${id.replace(/'/g, "''")}'`;
const filterFor = (ids: readonly string[]): string => `id in (${ids.map(quoted).join(',')})`;
/** As graphClient's query string encodes it (commas kept readable). */
const encodedLength = (filter: string): number => encodeURIComponent(filter).replace(/%2C/gi, ',').length;

/** The ids in request-sized groups: at most `max` each, the encoded filter within the URL budget. */
function chunksOf(ids: readonly string[], max: number): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  for (const id of ids) {
    const longer = [...chunk, id];
    if (chunk.length > 0 && (longer.length > max || encodedLength(filterFor(longer)) > FILTER_MAX_CHARS)) {
      chunks.push(chunk);
      chunk = [id];
    } else {
      chunk = longer;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Directory reads over Microsoft Graph: group members (transitively), users, groups, SKUs and subscriptions. */
export function graphDirectory(client: GraphClient): Directory {
  // Set when Graph refused the advanced `id in` query once: the rest of the run asks 15 ids at a time.
  let advancedInRefused = false;

  async function* pageUsers(select: readonly string[]): AsyncGenerator<RawRecord[], void, undefined> {
    const query = (top: number) => ({ $select: select.join(','), $top: String(top) });
    if (!select.includes('signInActivity')) {
      yield* client.pages('/users', query(MAX_PAGE));
      return;
    }
    let firstPage = true;
    try {
      for await (const page of client.pages('/users', query(SIGN_IN_PAGE))) {
        firstPage = false;
        yield page;
      }
    } catch (error) {
      if (!(firstPage && error instanceof HttpError && error.status === 400 && TOO_MANY_USERS.test(error.detail))) throw error;
      yield* client.pages('/users', query(SIGN_IN_PAGE_FALLBACK));
    }
  }

  const readByIds = (ids: readonly string[], select: readonly string[]): Promise<RawRecord[]> => {
    const advanced = ids.length > IN_MAX_DEFAULT;
    return client.listAll(
      '/users',
      { $filter: filterFor(ids), $select: select.join(','), ...(advanced ? { $count: 'true' } : {}) },
      advanced ? { ConsistencyLevel: 'eventual' } : {},
    );
  };

  return {
    listGroupUsers(groupId, select) {
      // The OData cast /microsoft.graph.user is an "advanced query": Graph wants ConsistencyLevel
      // and $count=true on every page (learn.microsoft.com/graph/aad-advanced-queries).
      return client.listAll(
        `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`,
        { $select: select.join(','), $top: String(MAX_PAGE), $count: 'true' },
        { ConsistencyLevel: 'eventual' },
      );
    },
    listSubscribedSkus: () => client.listAll('/subscribedSkus'),
    listCompanySubscriptions: () => client.listAll('/directory/subscriptions'),
    async listGroupsById(ids, select) {
      const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
      // Groups at fault are few: 15 ids a request, without the advanced query.
      const pages = await Promise.all(
        chunksOf(unique, IN_MAX_DEFAULT).map((chunk) => client.listAll('/groups', { $filter: filterFor(chunk), $select: select.join(',') })),
      );
      return pages.flat();
    },
    async listUsers(select) {
      const users: RawRecord[] = [];
      for await (const page of pageUsers(select)) users.push(...page);
      return users;
    },
    pageUsers,
    async listUsersByIds(ids, select) {
      const users: RawRecord[] = [];
      for (const chunk of chunksOf(ids, advancedInRefused ? IN_MAX_DEFAULT : USERS_BY_ID_PER_REQUEST)) {
        try {
          users.push(...(await readByIds(chunk, select)));
        } catch (error) {
          if (!(chunk.length > IN_MAX_DEFAULT && error instanceof HttpError && error.status === 400)) throw error;
          advancedInRefused = true;
          for (const small of chunksOf(chunk, IN_MAX_DEFAULT)) users.push(...(await readByIds(small, select)));
        }
      }
      return users;
    },
  };
}
