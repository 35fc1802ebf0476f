/**
 * The `.default` scope SharePoint wants: the tenant host of SHAREPOINT_SITE_URL, never the site
 * path (https://contoso.sharepoint.com/sites/it -> https://contoso.sharepoint.com/.default).
 */
export function sharePointScope(siteUrl: string): string {
  return `https://${new URL(siteUrl).host}/.default`;
}
