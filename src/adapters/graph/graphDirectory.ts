import { HttpError } from '../../errors.js';
import type { Directory } from '../../ports.js';
import type { GraphClient } from './graphClient.js';

// Graph's largest page for users and members (learn.microsoft.com/graph/paging).
const MAX_PAGE = 999;
// With signInActivity selected Graph serves fewer users a page: at most 500 says the 2025 user-list
// page; in 2023 it answered 400 "Cannot query data for more than 120 users at a time" above 120
// (msgraph-sdk-powershell#1898). Ask for 500; on that answer, read again with 120.
const SIGN_IN_PAGE = 500;
const SIGN_IN_PAGE_FALLBACK = 120;
const TOO_MANY_USERS = /more than 120 users at a time/i;
// "The maximum number of expressions in a filter clause when using the in operator is 15 items by
// default" (filter-query-parameter): a list of known ids goes 15 at a time.
const FILTER_IN_MAX = 15;

/** Directory reads over Microsoft Graph: group members (transitively), users, groups, SKUs and subscriptions. */
export function graphDirectory(client: GraphClient): Directory {
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
      const chunks = Array.from({ length: Math.ceil(unique.length / FILTER_IN_MAX) }, (_, i) => unique.slice(i * FILTER_IN_MAX, (i + 1) * FILTER_IN_MAX));
      const quoted = (chunk: string[]) => chunk.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
      const pages = await Promise.all(chunks.map((chunk) => client.listAll('/groups', { $filter: `id in (${quoted(chunk)})`, $select: select.join(',') })));
      return pages.flat();
    },
    async listUsers(select) {
      const read = (top: number) => client.listAll('/users', { $select: select.join(','), $top: String(top) });
      if (!select.includes('signInActivity')) return read(MAX_PAGE);
      try {
        return await read(SIGN_IN_PAGE);
      } catch (error) {
        if (error instanceof HttpError && error.status === 400 && TOO_MANY_USERS.test(error.detail)) return read(SIGN_IN_PAGE_FALLBACK);
        throw error;
      }
    },
  };
}
