// Identity: which credential the run uses, and the application permissions its tokens carry (the
// `roles` claim of an app-only token) against src/config/permissions.ts. The token is decoded, never
// printed or logged.
import { graphScope, sharePointScope, type TokenProvider } from '../adapters/auth/createTokenProvider.js';
import { APP_ROLES, appRolesOf, TENANT_WIDE_MAIL_ROLES, type AppRolePermission, type PermissionApi } from '../config/permissions.js';
import { describeError } from '../errors.js';
import type { DoctorContext } from './doctorContext.js';
import { reason, result, type CheckResult } from './runDoctor.js';

/** The payload of a JWT (header.payload.signature), or undefined for any other token. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The token of one API, fetched once for every check that needs it. */
export function tokenFor(ctx: DoctorContext, api: PermissionApi): Promise<string> {
  const scope = api === 'Microsoft Graph' ? graphScope(ctx.config.graphBaseUrl) : sharePointScope(ctx.config.sharePointSiteUrl);
  return ctx.once(`token:${scope}`, () => ctx.tokens.getToken(scope));
}

/**
 * More privileged application permissions that also allow each read, from the "Permissions" table of
 * its API page (subscribedsku-list, group-list-transitivemembers, user-list, directory-list-subscriptions).
 */
const BROADER: Record<string, readonly string[]> = {
  'LicenseAssignment.Read.All': ['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'GroupMember.Read.All': ['Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'User.Read.All': ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'Organization.Read.All': ['Organization.ReadWrite.All', 'Directory.Read.All'],
};

const TOKEN_FIX: Record<TokenProvider['credential']['kind'], string> = {
  'managed-identity':
    "off Azure there is no managed identity: ask the function app (GET /api/report/doctor?code=<function key>), or run it locally with the app registration's certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH); on Azure, Function App > Settings > Identity must be on (user-assigned: AZURE_CLIENT_ID = its client id)",
  certificate:
    'check AZURE_TENANT_ID and AZURE_CLIENT_ID, and that this certificate is uploaded to the app registration: Entra admin center > App registrations > the app > Certificates & secrets > Certificates',
  'static-token': 'STATIC_ACCESS_TOKEN is used as-is: replace it, or unset it to use the managed identity or a certificate',
};

export async function identityChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  const { kind, description } = ctx.tokens.credential;
  // A static token's risk is the settings check's warning; this line says which credential is used.
  const out = [result('identity.credential', 'ok', 'Credential', description)];
  for (const api of ['Microsoft Graph', 'SharePoint Online'] as const) {
    const id = api === 'Microsoft Graph' ? 'graph' : 'sharepoint';
    let claims: Record<string, unknown> | undefined;
    try {
      claims = decodeJwtPayload(await tokenFor(ctx, api));
    } catch (error) {
      out.push(result(`identity.token.${id}`, 'fail', `Token for ${api}`, describeError(error), TOKEN_FIX[kind]));
      continue;
    }
    if (!claims) {
      const which = kind === 'static-token' ? 'STATIC_ACCESS_TOKEN is not a JWT' : `the ${api} token is not a JWT`;
      const line = result('identity.roles', 'warn', 'Application permissions', `${which}: its roles cannot be checked; the reads below show what it may do`);
      if (!out.some((r) => r.id === line.id)) out.push(line);
      continue;
    }
    out.push(...rolesOf(api, id, claims, kind));
  }
  return out;
}

function rolesOf(api: PermissionApi, id: string, claims: Record<string, unknown>, kind: TokenProvider['credential']['kind']): CheckResult[] {
  const title = `${api} application permissions`;
  if (typeof claims['scp'] === 'string') {
    return [
      result(
        `identity.roles.${id}`,
        'warn',
        title,
        `a user's delegated token (scp "${claims['scp']}"), not the app's: a real run uses the app's application permissions`,
      ),
    ];
  }
  const roles = new Set((Array.isArray(claims['roles']) ? claims['roles'] : []).map((r) => String(r).toLowerCase()));
  const servicePrincipal = typeof claims['oid'] === 'string' ? claims['oid'] : '<service principal object id>';
  const expected = appRolesOf(api);
  const held = expected.filter((p) => roles.has(p.role.toLowerCase()));
  const out: CheckResult[] = [];
  if (api === 'SharePoint Online' && claims['appidacr'] === '1') {
    out.push(
      result(
        `identity.secret.${id}`,
        'fail',
        'SharePoint token',
        'obtained with a client secret: SharePoint refuses app-only tokens from a secret',
        'use a certificate (AZURE_CLIENT_CERTIFICATE_PATH) or the managed identity',
      ),
    );
  }
  out.push(result(`identity.roles.${id}`, 'ok', title, held.length ? `in the token: ${held.map((p) => p.role).join(', ')}` : 'none of ours in the token'));
  for (const permission of expected.filter((p) => !held.includes(p))) {
    const broader = (BROADER[permission.role] ?? []).filter((r) => roles.has(r.toLowerCase()));
    const fix = grantCommand(permission, servicePrincipal, kind);
    const title = `${api} permission ${permission.role}`;
    if (broader.length > 0) {
      out.push(
        result(
          `identity.role.${permission.role}`,
          'warn',
          title,
          `${permission.role} is not granted, but ${broader.join(', ')} covers it: more than the run needs`,
          `${fix}; then remove ${broader.join(', ')} unless something else needs it`,
        ),
      );
      continue;
    }
    const detail = `${permission.role} ${permission.required ? 'is missing' : '(optional) is missing'}: ${permission.withoutIt}`;
    out.push(result(`identity.role.${permission.role}`, permission.required ? 'fail' : 'warn', title, detail, fix));
  }
  if (api === 'Microsoft Graph') {
    for (const wide of TENANT_WIDE_MAIL_ROLES.filter((w) => roles.has(w.role.toLowerCase()))) {
      out.push(
        result(
          `identity.role.${wide.role}`,
          'warn',
          `Graph permission ${wide.role}`,
          `granted in Entra ID: it covers every mailbox of the tenant, whatever Exchange RBAC scopes`,
          `remove it: Entra admin center > Enterprise applications > the app > Permissions > ${wide.role} > Revoke permission; Exchange RBAC for Applications ("Application ${wide.role}") scopes it to MAIL_SENDER`,
        ),
      );
    }
  }
  return out;
}

/** A read Graph refused for want of `role`: failed (required) or warned (optional), Graph's words, and the grant. */
export async function refusedFor(ctx: DoctorContext, id: string, title: string, role: string, error: unknown): Promise<CheckResult> {
  const permission = APP_ROLES.find((p) => p.role === role);
  const claims = decodeJwtPayload(await tokenFor(ctx, permission?.api ?? 'Microsoft Graph').catch(() => ''));
  const servicePrincipal = typeof claims?.['oid'] === 'string' ? claims['oid'] : '<service principal object id>';
  const detail = `${reason(error)}: ${role} is needed${permission ? ` (without it: ${permission.withoutIt})` : ''}`;
  // When the token's roles were read, the identity check already printed the command.
  const listed = Array.isArray(claims?.['roles']) || (claims !== undefined && typeof claims['scp'] !== 'string');
  const fix = !permission
    ? undefined
    : listed
      ? `grant ${role}: the command is under "${permission.api} permission ${role}" above`
      : grantCommand(permission, servicePrincipal, ctx.tokens.credential.kind);
  return result(id, permission?.required === false ? 'warn' : 'fail', title, detail, fix);
}

function grantCommand(permission: AppRolePermission, servicePrincipal: string, kind: TokenProvider['credential']['kind']): string {
  const command =
    `azd provision (infra/ grants it), or in PowerShell: Connect-MgGraph -Scopes AppRoleAssignment.ReadWrite.All,Application.Read.All; ` +
    `New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId ${servicePrincipal} -PrincipalId ${servicePrincipal} ` +
    `-ResourceId (Get-MgServicePrincipal -Filter "appId eq '${permission.resourceAppId}'").Id -AppRoleId ${permission.appRoleId}`;
  // Managed identity tokens are cached by the platform for up to 24 hours.
  return kind === 'managed-identity' ? `${command}; then restart the function app (its identity's token keeps the old roles up to 24 h)` : command;
}
