// 401 answers of Graph and SharePoint Online, in each service's own shape.
import { graphError, jsonResponse, spError } from './http.js';
import { GRAPH_APP_ID, SHAREPOINT_APP_ID, type AccessGrant } from './permissions.js';
import type { FakeTenantOptions } from './types.js';

/**
 * The challenge SharePoint Online sends with every 401: realm = the tenant id, client_id = SharePoint's
 * app id. Recorded in microsoft/FluidFramework's odsp-driver tests (a real SPO WWW-Authenticate header).
 */
export function sharePointChallenge(tenantId: string): string {
  return (
    `Bearer realm="${tenantId}",client_id="${SHAREPOINT_APP_ID}",` +
    'trusted_issuers="00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*,https://sts.windows.net/*/,' +
    '00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b",' +
    'authorization_uri="https://login.windows.net/common/oauth2/authorize"'
  );
}

/** SharePoint's token errors are `{"error_description": "…"}`, not odata.error (pnp/pnpjs#1501, sp-dev-docs#5889). */
function sharePointTokenError(description: string, tenantId: string): Response {
  return jsonResponse(401, { error_description: description }, { 'WWW-Authenticate': sharePointChallenge(tenantId), SPRequestGuid: crypto.randomUUID() });
}

/** No token, or one the fake does not know. */
export function missingToken(request: Request, isSharePoint: boolean, tenantId: string): Response {
  const present = request.headers.has('authorization');
  if (isSharePoint) {
    return spError(
      401,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.',
      {
        'WWW-Authenticate': sharePointChallenge(tenantId),
      },
    );
  }
  return graphError(401, 'InvalidAuthenticationToken', present ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.', {
    'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
  });
}

/** A role token minted for another resource. */
export function graphAudienceRefused(grant: AccessGrant, url: URL): Response | null {
  const aud = grant.claims?.['aud'];
  if (typeof aud !== 'string') return null;
  const ok = [GRAPH_APP_ID, 'https://graph.microsoft.com', 'https://graph.microsoft.com/', url.origin].includes(aud);
  return ok ? null : graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
}

/**
 * SharePoint REST refuses app-only tokens obtained with a client secret (appidacr "1"):
 * "Unsupported app only token." (issue 12; pnp/pnpframework#789; learn.microsoft.com/sharepoint/dev/
 * solution-guidance/security-apponly-azuread). "Unsupported security token." is its answer to other
 * tokens it does not take (pnp/pnpjs#1501). A token for another audience fails audience validation.
 */
export function sharePointRefusal(grant: AccessGrant, options: FakeTenantOptions, url: URL, tenantId: string): Response | null {
  if (options.sharePointRejects === 'client-secret-token' || grant.claims?.['appidacr'] === '1') {
    return sharePointTokenError('Unsupported app only token.', tenantId);
  }
  if (options.sharePointRejects === 'unsupported-security-token') return sharePointTokenError('Unsupported security token.', tenantId);
  const aud = grant.claims?.['aud'];
  if (typeof aud === 'string' && aud !== SHAREPOINT_APP_ID && aud.replace(/\/+$/, '') !== url.origin) {
    // Recorded body for a token of another resource (a Stack Overflow question on SPO app-only access).
    return sharePointTokenError("Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.", tenantId);
  }
  return null;
}
