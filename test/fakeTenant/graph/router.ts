// Dispatches /v1.0/... paths to the Graph routes. Segment names are matched
// case-insensitively, as Graph does.
import { graphError, jsonResponse, safeDecode } from '../http.js';
import { insufficientPrivileges, mayAny, PERMISSIONS, type AccessGrant } from '../permissions.js';
import type { FakeMessage, FakeStoredMessage, FakeTenantOptions, TenantData } from '../types.js';
import { runBatch, type RunInner } from './batch.js';
import { type Directory, isGuid } from './directory.js';
import { listGroups } from './groups.js';
import { getMailFolder, listFolderMessages } from './mail/messages.js';
import { invalidId, listMembers, notFoundObject } from './members.js';
import { projectEntry } from './projection.js';
import { sendMail } from './mail/sendMail.js';
import { listSubscribedSkus } from './skus.js';
import { listSubscriptions } from './subscriptions.js';
import { getUser, listUsers } from './users.js';

export interface GraphContext {
  data: TenantData;
  directory: Directory;
  grant: AccessGrant;
  options: FakeTenantOptions;
  now: () => number;
  sentMail: FakeMessage[];
  sentItems: FakeStoredMessage[];
  runInner: RunInner;
}

function methodNotAllowed(): Response {
  return graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
}

const get = (method: string, answer: () => Response | Promise<Response>): Response | Promise<Response> => (method === 'GET' ? answer() : methodNotAllowed());

export async function routeGraph(ctx: GraphContext, request: Request, url: URL): Promise<Response> {
  const segments = url.pathname.split('/').filter(Boolean).slice(1).map(safeDecode);
  const names = segments.map((s) => s.toLowerCase());
  const method = request.method.toUpperCase();
  const id = segments[1];
  const [firstName, secondName, relationName, castName] = names;

  if (names.length === 1 && firstName === '$batch') {
    return method === 'POST' ? runBatch(request, url, ctx.runInner) : methodNotAllowed();
  }
  if (names.length === 1 && firstName === 'subscribedskus') return get(method, () => listSubscribedSkus(ctx, url));
  if (firstName === 'directory' && secondName === 'subscriptions' && names.length <= 3) {
    return get(method, () => listSubscriptions(ctx, url, segments[2]));
  }
  if (names.length === 1 && firstName === 'groups') return get(method, () => listGroups(ctx, request, url));
  if (firstName === 'groups' && id !== undefined) {
    if (names.length === 2) {
      if (method !== 'GET') return methodNotAllowed();
      if (!isGuid(id)) return invalidId(id);
      if (!mayAny(ctx.grant, PERMISSIONS.groups)) return insufficientPrivileges();
      const group = ctx.directory.group(id);
      return group ? jsonResponse(200, projectEntry(group, null, false)) : notFoundObject(id);
    }
    const isMembers = relationName === 'members' || relationName === 'transitivemembers';
    const castOk = names.length === 3 || (names.length === 4 && castName === 'microsoft.graph.user');
    if (isMembers && castOk) {
      if (method !== 'GET') return methodNotAllowed();
      const which = relationName === 'members' ? 'members' : 'transitiveMembers';
      return listMembers(ctx, request, url, id, which, names.length === 4);
    }
  }
  if (firstName === 'users') {
    if (names.length === 1) return get(method, () => listUsers(ctx, request, url));
    if (id !== undefined) {
      if (names.length === 2) return get(method, () => getUser(ctx, url, id));
      if (names.length === 3 && relationName === 'sendmail') {
        return method === 'POST' ? sendMail(ctx, request, id) : methodNotAllowed();
      }
      if (relationName === 'mailfolders' && names.length === 4) return get(method, () => getMailFolder(ctx, url, id, segments[3] ?? ''));
      if (relationName === 'mailfolders' && names.length === 5 && names[4] === 'messages') {
        return get(method, () => listFolderMessages(ctx, url, id, segments[3] ?? ''));
      }
    }
  }
  const unknown = segments[segments.length - 1] ?? '';
  return graphError(400, 'BadRequest', `Resource not found for the segment '${unknown}'.`);
}
