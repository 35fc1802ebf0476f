// The SharePoint half of Sites.Selected: a `read` grant for the app on the one site
// (learn.microsoft.com/graph/api/site-post-permissions). Pure: requests and their reading.
import type { RawRecord } from '../ports.js';

export interface SiteGrantTarget {
  graphBaseUrl: string;
  siteUrl: string;
  /** The managed identity's client id (its service principal's appId). */
  clientId: string;
  displayName: string;
}

/** GET /sites/{hostname}:/{server-relative path}: the site's Graph id (hostname,siteId,webId). */
export function siteLookupUrl(target: Pick<SiteGrantTarget, 'graphBaseUrl' | 'siteUrl'>): string {
  const url = new URL(target.siteUrl);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${target.graphBaseUrl}/sites/${url.host}:${path}?$select=id,webUrl`;
}

export function sitePermissionsUrl(graphBaseUrl: string, siteId: string, permissionId?: string): string {
  const base = `${graphBaseUrl}/sites/${encodeURIComponent(siteId)}/permissions`;
  return permissionId === undefined ? base : `${base}/${encodeURIComponent(permissionId)}`;
}

/** The documented body: roles + grantedToIdentities[].application {id, displayName}. */
export function siteGrantBody(target: Pick<SiteGrantTarget, 'clientId' | 'displayName'>): RawRecord {
  return { roles: ['read'], grantedToIdentities: [{ application: { id: target.clientId, displayName: target.displayName } }] };
}

/** The id of the permission that already names this application (grantedToIdentitiesV2, or the deprecated v1 list). */
export function findAppPermission(permissions: readonly RawRecord[], clientId: string): string | undefined {
  const names = (entry: unknown): boolean =>
    Array.isArray(entry) &&
    entry.some((identity) => {
      const id = (identity as { application?: { id?: unknown } } | null)?.application?.id;
      return typeof id === 'string' && id.toLowerCase() === clientId.toLowerCase();
    });
  const found = permissions.find((p) => names(p['grantedToIdentitiesV2']) || names(p['grantedToIdentities']));
  return found && typeof found['id'] === 'string' ? found['id'] : undefined;
}

/** What an admin does by hand when the hook's sign-in may not grant (Graph answers 401/403). */
export function manualSiteGrantSteps(target: SiteGrantTarget): string[] {
  return [
    'Grant it by hand, as a SharePoint administrator, in Graph Explorer (https://aka.ms/ge, consent Sites.FullControl.All):',
    `  GET ${siteLookupUrl(target)}   -> the site "id"`,
    `  POST ${target.graphBaseUrl}/sites/{id}/permissions`,
    `  ${JSON.stringify(siteGrantBody(target))}`,
    'or with PnP PowerShell:',
    `  Grant-PnPAzureADAppSitePermission -AppId ${target.clientId} -DisplayName "${target.displayName}" -Site ${target.siteUrl} -Permissions Read`,
  ];
}
