// Dispatches /v1.0/... paths to the Graph routes. Segment names are matched
// case-insensitively, as Graph does.
import { graphError, jsonResponse, safeDecode } from '../http.js';
import type { FakeMessage, TenantData } from '../types.js';
import { runBatch, type RunInner } from './batch.js';
import { type Directory, isGuid } from './directory.js';
import { invalidId, listMembers, notFoundObject } from './members.js';
import { projectEntry } from './projection.js';
import { sendMail } from './sendMail.js';
import { listSubscribedSkus } from './skus.js';
import { getUser, listUsers } from './users.js';

export interface GraphContext {
  data: TenantData;
  directory: Directory;
  sentMail: FakeMessage[];
  runInner: RunInner;
}

function methodNotAllowed(): Response {
  return graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
}

export async function routeGraph(ctx: GraphContext, request: Request, url: URL): Promise<Response> {
  const segments = url.pathname.split('/').filter(Boolean).slice(1).map(safeDecode);
  const names = segments.map((s) => s.toLowerCase());
  const method = request.method.toUpperCase();
  const id = segments[1];
  const [firstName, , relationName, castName] = names;

  if (names.length === 1 && firstName === '$batch') {
    return method === 'POST' ? runBatch(request, url, ctx.runInner) : methodNotAllowed();
  }
  if (names.length === 1 && firstName === 'subscribedskus') {
    return method === 'GET' ? listSubscribedSkus(ctx.data, url) : methodNotAllowed();
  }
  if (firstName === 'groups' && id !== undefined) {
    if (names.length === 2) {
      if (method !== 'GET') return methodNotAllowed();
      if (!isGuid(id)) return invalidId(id);
      const group = ctx.directory.group(id);
      return group ? jsonResponse(200, projectEntry(group, null, false)) : notFoundObject(id);
    }
    const isMembers = relationName === 'members' || relationName === 'transitivemembers';
    const castOk = names.length === 3 || (names.length === 4 && castName === 'microsoft.graph.user');
    if (isMembers && castOk) {
      if (method !== 'GET') return methodNotAllowed();
      const which = relationName === 'members' ? 'members' : 'transitiveMembers';
      return listMembers(ctx.directory, request, url, id, which, names.length === 4);
    }
  }
  if (firstName === 'users') {
    if (names.length === 1) return method === 'GET' ? listUsers(ctx.data, request, url) : methodNotAllowed();
    if (names.length === 2 && id !== undefined) {
      return method === 'GET' ? getUser(ctx.data, ctx.directory, url, id) : methodNotAllowed();
    }
    if (names.length === 3 && relationName === 'sendmail' && id !== undefined) {
      return method === 'POST' ? sendMail(ctx.directory, request, id, ctx.sentMail) : methodNotAllowed();
    }
  }
  const unknown = segments[segments.length - 1] ?? '';
  return graphError(400, 'BadRequest', `Resource not found for the segment '${unknown}'.`);
}
