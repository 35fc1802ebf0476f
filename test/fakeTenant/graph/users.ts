// GET /users and /users/{id|upn} (learn.microsoft.com/graph/api/user-list, user-get).
import { graphError, jsonResponse } from '../http.js';
import { auditLogPermissionMissing, insufficientPrivileges, mayAny, PERMISSIONS } from '../permissions.js';
import type { FakeUser } from '../types.js';
import { licenseStatesOf } from './licenseStates.js';
import { notFoundObject } from './members.js';
import { projectEntry, resolveSelect } from './projection.js';
import { graphPage, parseGraphQuery } from './query.js';
import type { GraphContext } from './router.js';
import { filterUsers } from './userFilter.js';

export const SIGN_IN_MAX_PAGE = 120;
/** "The maximum page size for $top is 500" with signInActivity, in the 2025 user-list doc (platform facts). */
export const SIGN_IN_MAX_PAGE_2025 = 500;

function selectFor(raw: string[] | null, ctx: GraphContext): { select: string[] | null } | Response {
  if (!mayAny(ctx.grant, PERMISSIONS.users)) return insufficientPrivileges();
  if (!raw) return { select: null };
  const resolved = resolveSelect(raw, 'user');
  if (!resolved.ok) {
    return graphError(400, 'Request_BadRequest', `Could not find a property named '${resolved.unknown}' on type 'microsoft.graph.user'.`);
  }
  if (resolved.select.includes('signInActivity')) {
    if (!mayAny(ctx.grant, PERMISSIONS.signIns)) return auditLogPermissionMissing();
    // signInActivity needs Entra ID P1/P2 (learn.microsoft.com/graph/api/resources/signinactivity).
    if (ctx.data.signInActivityForbidden) {
      return graphError(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
    }
  }
  return { select: resolved.select };
}

/** 2023's answer above $top=120, from the reporting service, not in Graph's error shape (msgraph-sdk-powershell#1898). */
function tooManyForSignIns(): Response {
  return jsonResponse(400, {
    '@odata.context': 'http://reportingservice.activedirectory.windowsazure.com/auditLogs/$metadata#Edm.String',
    value: 'Cannot query data for more than 120 users at a time.',
  });
}

export function listUsers(ctx: GraphContext, request: Request, url: URL): Response {
  const query = parseGraphQuery(url, request, { filter: true });
  if (query instanceof Response) return query;
  const selected = selectFor(query.selectRaw, ctx);
  if (selected instanceof Response) return selected;
  const users = query.filterRaw === null ? ctx.data.users : filterUsers(ctx.data.users, query.filterRaw, query.eventual);
  if (users instanceof Response) return users;
  let page = query;
  if (selected.select?.includes('signInActivity')) {
    const paging = ctx.options.signInPaging ?? 'cap120';
    if (paging === 'reject-above-120' && query.top > SIGN_IN_MAX_PAGE) return tooManyForSignIns();
    // "When you specify $select=signInActivity ... while listing users, the maximum page size for $top
    // is 120. Requests with $top set higher than 120 will return pages with up to 120 users." (user-list, 2023)
    const cap = paging === 'cap500' ? SIGN_IN_MAX_PAGE_2025 : SIGN_IN_MAX_PAGE;
    page = { ...query, top: Math.min(query.top, cap) };
  }
  const projection = { licenseStates: licenseStatesOf(ctx.data, ctx.directory) };
  const body = graphPage(url, page, users, (u: FakeUser) => projectEntry(u, selected.select, false, projection), 'users');
  return jsonResponse(200, body);
}

export function getUser(ctx: GraphContext, url: URL, idOrUpn: string): Response {
  const raw = url.searchParams.get('$select');
  const selected = selectFor(
    raw === null
      ? null
      : raw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
    ctx,
  );
  if (selected instanceof Response) return selected;
  const user = ctx.directory.user(idOrUpn) ?? ctx.data.users.find((u) => u.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase());
  if (!user) return notFoundObject(idOrUpn);
  const projection = { licenseStates: licenseStatesOf(ctx.data, ctx.directory) };
  return jsonResponse(200, { '@odata.context': `${url.origin}/v1.0/$metadata#users/$entity`, ...projectEntry(user, selected.select, false, projection) });
}
