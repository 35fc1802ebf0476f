import type { Client } from '@microsoft/microsoft-graph-client';
import { HttpError } from '../../errors.js';
import type { Directory } from '../../ports.js';
import { listAllPages } from './listAllPages.js';

// The OData cast /microsoft.graph.user is an "advanced query": Graph wants ConsistencyLevel and
// $count=true on every page (PageIterator re-sends the headers).
const ADVANCED_QUERY = { ConsistencyLevel: 'eventual' };
const MAX_PAGE = 999;

/** Directory reads over Microsoft Graph: group members (transitively), users, subscribed SKUs. */
export function graphDirectory(client: Client): Directory {
  return {
    async listGroupUsers(groupId, select) {
      const path = `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`;
      try {
        return await listAllPages(client, { path, select, top: MAX_PAGE, count: true, headers: ADVANCED_QUERY });
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) {
          throw new HttpError(error.method, error.path, 404, `group ${groupId} not found (deleted?)${error.detail ? ` [${error.detail}]` : ''}`);
        }
        throw error;
      }
    },
    listSubscribedSkus: () => listAllPages(client, { path: '/subscribedSkus' }),
    listUsers: (select) => listAllPages(client, { path: '/users', select, top: MAX_PAGE }),
  };
}
