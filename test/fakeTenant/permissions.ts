// Who is calling, and what Graph lets it do. Two kinds of bearer token are accepted: the opaque
// test token (every permission) and an unsigned JWT whose `roles` claim lists the app's
// application permissions, as Entra ID app-only tokens carry them (the claim is absent when none
// is granted). Permission names per endpoint come from each API's "Permissions" table on
// learn.microsoft.com/graph/api (cited where they are used).
import { graphError } from './http.js';

/** Microsoft Graph and SharePoint Online first-party app ids (token audiences). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

export interface AccessGrant {
  /** The opaque test token: every Graph permission. */
  all: boolean;
  /** Application permissions, lower case. */
  roles: ReadonlySet<string>;
  /** The token's claims (role tokens only). appidacr '1' = client secret, '2' = certificate. */
  claims: Record<string, unknown> | null;
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The grant of `Authorization: Bearer …`, or null when the header carries no token the fake accepts. */
export function readGrant(request: Request, opaqueToken: string): AccessGrant | null {
  const match = /^bearer\s+(.+)$/i.exec((request.headers.get('authorization') ?? '').trim());
  const token = match?.[1];
  if (!token) return null;
  if (token === opaqueToken) return { all: true, roles: new Set(), claims: null };
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const claims = decodeSegment(parts[1] ?? '');
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
  const roles = (claims as { roles?: unknown }).roles;
  const names = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  return { all: false, roles: new Set(names.map((r) => r.toLowerCase())), claims: claims as Record<string, unknown> };
}

/** True when the grant holds at least one of the permissions (names as Microsoft spells them). */
export function mayAny(grant: AccessGrant, permissions: readonly string[]): boolean {
  return grant.all || permissions.some((p) => grant.roles.has(p.toLowerCase()));
}

/** Least to most privileged application permissions, from each API page's table. */
export const PERMISSIONS = {
  /** subscribedsku-list */
  subscribedSkus: ['LicenseAssignment.Read.All', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** directory-list-subscriptions (LicenseAssignment.Read.All is not listed there) */
  subscriptions: ['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All'],
  /** group-list-members, group-list-transitivemembers, group-get */
  groups: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** user-list, user-get (application); also what lets member lists show user properties */
  users: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** signinactivity: AuditLog.Read.All on top of reading users */
  signIns: ['AuditLog.Read.All'],
  /** user-sendmail */
  mailSend: ['Mail.Send'],
  /** user-list-messages; extended properties need Mail.Read (Mail.ReadBasic excludes them) */
  mailRead: ['Mail.Read', 'Mail.ReadWrite'],
  mailReadBasic: ['Mail.ReadBasic.All', 'Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
} as const;

/** 403 Graph answers a directory call without the permission (e.g. nodejs-connect-rest-sample#69). */
export function insufficientPrivileges(): Response {
  return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

/** 403 for signInActivity without AuditLog.Read.All (microsoft-graph-explorer-v4#2731). */
export function auditLogPermissionMissing(): Response {
  return graphError(403, 'Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions AuditLog.Read.All');
}

/**
 * 403 Exchange answers for a mailbox the app may not use: no Mail.* permission, or outside its RBAC
 * for Applications scope (user-list-messages threads, microsoft-graph-docs-contrib#4749; maester#961).
 */
export function mailAccessDenied(): Response {
  return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

export interface FakeAppTokenOptions {
  /** Application permissions, e.g. ['GroupMember.Read.All', 'User.Read.All']. */
  roles?: string[];
  /** Omitted = accepted by Graph and SharePoint alike; set to check the audience. */
  aud?: string;
  /** '1' = obtained with a client secret (SharePoint refuses it), '2' = certificate (default). */
  appidacr?: '0' | '1' | '2';
  tid?: string;
  appid?: string;
  /** Extra claims merged last. */
  claims?: Record<string, unknown>;
}

/** An unsigned (alg "none") JWT shaped like an Entra ID app-only token, for tests of permission handling. */
export function fakeAppToken(options: FakeAppTokenOptions = {}): string {
  const tid = options.tid ?? '3f2a8c1e-5b7d-4e90-a1c2-7d8e9f0a1b2c';
  const appid = options.appid ?? '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    ...(options.aud ? { aud: options.aud } : {}),
    iss: `https://sts.windows.net/${tid}/`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    appid,
    appidacr: options.appidacr ?? '2',
    idtyp: 'app',
    oid: '9b8a7c6d-5e4f-4d3c-8b2a-1f0e9d8c7b6a',
    tid,
    ver: '1.0',
    ...(options.roles && options.roles.length > 0 ? { roles: options.roles } : {}),
    ...options.claims,
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ typ: 'JWT', alg: 'none' })}.${encode(payload)}.`;
}
