// GET /groups (learn.microsoft.com/graph/api/group-list): the tenant's groups, with $select and the
// `id eq` / `id in (…)` filters (at most 15 values without ConsistencyLevel: eventual), the way a
// client names a few known groups (the groups at fault in license assignment errors) in one request.
import { graphError, jsonResponse } from '../http.js';
import { insufficientPrivileges, mayAny, PERMISSIONS } from '../permissions.js';
import type { FakeGroup } from '../types.js';
import { projectEntry, resolveSelect } from './projection.js';
import { graphPage, parseGraphQuery } from './query.js';
import type { GraphContext } from './router.js';
import { filterById } from './userFilter.js';

export function listGroups(ctx: GraphContext, request: Request, url: URL): Response {
  if (!mayAny(ctx.grant, PERMISSIONS.groups)) return insufficientPrivileges();
  const query = parseGraphQuery(url, request, { filter: true });
  if (query instanceof Response) return query;
  let select: string[] | null = null;
  if (query.selectRaw) {
    const resolved = resolveSelect(query.selectRaw, 'directoryObject');
    if (!resolved.ok) return graphError(400, 'Request_BadRequest', `Could not find a property named '${resolved.unknown}' on type 'microsoft.graph.group'.`);
    select = resolved.select;
  }
  const groups = query.filterRaw === null ? ctx.data.groups : filterById(ctx.data.groups, query.filterRaw, query.eventual, 'groups');
  if (groups instanceof Response) return groups;
  return jsonResponse(
    200,
    graphPage(url, query, groups, (g: FakeGroup) => projectEntry(g, select, false), 'groups'),
  );
}
