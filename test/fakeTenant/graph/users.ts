// GET /users and /users/{id|upn} (learn.microsoft.com/graph/api/user-list, user-get).
import { graphError, jsonResponse } from '../http.js';
import type { FakeUser, TenantData } from '../types.js';
import type { Directory } from './directory.js';
import { notFoundObject } from './members.js';
import { projectEntry, resolveSelect } from './projection.js';
import { graphPage, parseGraphQuery } from './query.js';

export const SIGN_IN_MAX_PAGE = 120;

function selectFor(raw: string[] | null, data: TenantData): { select: string[] | null } | Response {
  if (!raw) return { select: null };
  const resolved = resolveSelect(raw, 'user');
  if (!resolved.ok) {
    return graphError(400, 'Request_BadRequest', `Could not find a property named '${resolved.unknown}' on type 'microsoft.graph.user'.`);
  }
  // signInActivity needs Entra ID P1/P2 (learn.microsoft.com/graph/api/resources/signinactivity).
  if (resolved.select.includes('signInActivity') && data.signInActivityForbidden) {
    return graphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
  }
  return { select: resolved.select };
}

export function listUsers(data: TenantData, request: Request, url: URL): Response {
  const query = parseGraphQuery(url, request);
  if (query instanceof Response) return query;
  const selected = selectFor(query.selectRaw, data);
  if (selected instanceof Response) return selected;
  // "When you specify $select=signInActivity ... while listing users, the maximum page size for $top
  // is 120. Requests with $top set higher than 120 will return pages with up to 120 users." (user-list)
  const page = selected.select?.includes('signInActivity') ? { ...query, top: Math.min(query.top, SIGN_IN_MAX_PAGE) } : query;
  const body = graphPage(url, page, data.users, (u: FakeUser) => projectEntry(u, selected.select, false), 'users');
  return jsonResponse(200, body);
}

export function getUser(data: TenantData, directory: Directory, url: URL, idOrUpn: string): Response {
  const raw = url.searchParams.get('$select');
  const selected = selectFor(raw === null ? null : raw.split(',').map((s) => s.trim()).filter(Boolean), data);
  if (selected instanceof Response) return selected;
  const user = directory.user(idOrUpn) ?? data.users.find((u) => u.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase());
  if (!user) return notFoundObject(idOrUpn);
  return jsonResponse(200, { '@odata.context': `${url.origin}/v1.0/$metadata#users/$entity`, ...projectEntry(user, selected.select, false) });
}
