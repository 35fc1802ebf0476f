// GET /groups/{id}/members and /transitiveMembers, with or without the
// /microsoft.graph.user cast (learn.microsoft.com/graph/api/group-list-members,
// group-list-transitivemembers).
import { graphError, jsonResponse } from '../http.js';
import { insufficientPrivileges, mayAny, PERMISSIONS } from '../permissions.js';
import type { FakeGroup, FakeUser } from '../types.js';
import { isGroup, isGuid } from './directory.js';
import { licenseStatesOf } from './licenseStates.js';
import { projectEntry, resolveSelect } from './projection.js';
import { graphPage, parseGraphQuery } from './query.js';
import type { GraphContext } from './router.js';

export function notFoundObject(id: string): Response {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

export function invalidId(id: string): Response {
  return graphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`);
}

export function listMembers(
  ctx: GraphContext,
  request: Request,
  url: URL,
  groupId: string,
  relation: 'members' | 'transitiveMembers',
  castToUser: boolean,
): Response {
  const { directory } = ctx;
  if (!isGuid(groupId)) return invalidId(groupId);
  if (!mayAny(ctx.grant, PERMISSIONS.groups)) return insufficientPrivileges();
  const query = parseGraphQuery(url, request);
  if (query instanceof Response) return query;
  let select: string[] | null = null;
  if (query.selectRaw) {
    const resolved = resolveSelect(query.selectRaw, castToUser ? 'user' : 'directoryObject');
    if (!resolved.ok) {
      const type = castToUser ? 'microsoft.graph.user' : 'microsoft.graph.directoryObject';
      return graphError(400, 'Request_BadRequest', `Could not find a property named '${resolved.unknown}' on type '${type}'.`);
    }
    select = resolved.select;
  }
  const group = directory.group(groupId);
  if (!group) return notFoundObject(groupId);

  const all = relation === 'members' ? directory.directMembers(group) : directory.transitiveMembers(group);
  const items = castToUser ? all.filter((m) => !isGroup(m)) : all;
  const context = castToUser ? 'users' : 'directoryObjects';
  // Members are listed with GroupMember.Read.All alone, but their user properties need User.Read.All.
  const projection = { licenseStates: licenseStatesOf(ctx.data, directory), usersLimited: !mayAny(ctx.grant, PERMISSIONS.users) };
  const body = graphPage(url, query, items, (m: FakeUser | FakeGroup) => projectEntry(m, select, true, projection), context);
  return jsonResponse(200, body);
}
