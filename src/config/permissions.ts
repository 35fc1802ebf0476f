// Everything the app's identity must be granted, in one list: the doctor checks a token's `roles`
// claim against it, infra/ grants the app roles it names (infra/app/app-roles.json is checked
// against it by test/infra/infraMatchesCode.test.ts), the postprovision hook and the README follow it.
//
// App role ids (GUIDs) are the same in every tenant. Sources: Microsoft Graph permissions reference
// (learn.microsoft.com/graph/permissions-reference; the ids table is concepts/includes/permissions-ids.md
// in microsoftgraph/microsoft-graph-docs-contrib). LicenseAssignment.Read.All (2024) is newer than that
// table: its id is the one Microsoft Graph's service principal publishes in `appRoles`. SharePoint's
// Sites.Selected belongs to SharePoint Online's own service principal, not to Graph. Check any of them with
// GET /servicePrincipals(appId='<resource app id>')?$select=appRoles. Least privilege per endpoint: each
// API page's "Permissions" table (subscribedsku-list, directory-list-subscriptions, group-list-transitivemembers,
// user-list, signinactivity).

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const SHAREPOINT_ONLINE_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

export type PermissionApi = 'Microsoft Graph' | 'SharePoint Online';

/** An application permission (app role) granted to the app's service principal. */
export interface AppRolePermission {
  api: PermissionApi;
  /** appId of the API's service principal (the token audience's application). */
  resourceAppId: string;
  /** As it appears in the access token's `roles` claim. */
  role: string;
  appRoleId: string;
  /** false: the run works without it, minus `withoutIt`. */
  required: boolean;
  /** What the app reads with it. */
  usedFor: string;
  /** What fails (required) or is left out (optional) when it is missing. */
  withoutIt: string;
}

export const APP_ROLES: readonly AppRolePermission[] = [
  {
    api: 'Microsoft Graph',
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    role: 'GroupMember.Read.All',
    appRoleId: '98830695-27a2-44f7-8c18-0c3ebc9698f6',
    required: true,
    usedFor:
      "members of each site's staff and correspondents groups (/groups/{id}/transitiveMembers); the names of the groups at fault in license assignment errors (/groups)",
    withoutIt: 'every site fails at "members": Graph answers 403',
  },
  {
    api: 'Microsoft Graph',
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    role: 'User.Read.All',
    appRoleId: 'df021288-bdef-4463-88db-98f22de89214',
    required: true,
    usedFor:
      "members' names, mail, job title, account state, assigned licenses and how each is assigned (licenseAssignmentStates); licensed accounts covered by no site (/users)",
    withoutIt: 'members come back with their id only: no names, no licenses, no correspondents to mail',
  },
  {
    api: 'Microsoft Graph',
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    role: 'LicenseAssignment.Read.All',
    appRoleId: 'e2f98668-2877-4f38-a2f4-8202e0717aa1',
    required: true,
    usedFor: 'SKU names, purchased and assigned seats, service plans for redundant licenses (/subscribedSkus)',
    withoutIt: 'the run stops before any site: licenses cannot be named or priced',
  },
  {
    api: 'Microsoft Graph',
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    role: 'AuditLog.Read.All',
    appRoleId: 'b0afded3-3588-46d8-8b3d-9842eff778da',
    required: false,
    usedFor: 'sign-in activity (signInActivity on /users) for the inactive accounts check; needs Entra ID P1',
    withoutIt: 'inactive accounts: the mails say the check is unavailable',
  },
  {
    api: 'Microsoft Graph',
    resourceAppId: MICROSOFT_GRAPH_APP_ID,
    role: 'Organization.Read.All',
    appRoleId: '498476ce-e0fe-48b0-b801-37ba7e2685c6',
    required: false,
    usedFor: 'company subscriptions: status, trials, next renewal or end (/directory/subscriptions, least privileged)',
    withoutIt: 'subscriptions that need attention: the summary says the section is unavailable',
  },
  {
    api: 'SharePoint Online',
    resourceAppId: SHAREPOINT_ONLINE_APP_ID,
    role: 'Sites.Selected',
    appRoleId: '20d37865-089c-4dee-8c41-6967602d4ac8',
    required: true,
    usedFor: 'SharePoint REST on the sites a site grant names (SHAREPOINT_SITE_GRANT below), nothing else',
    withoutIt: 'the run stops: the Sites and LicensePrices lists cannot be read (401/403)',
  },
];

/** The per-site grant that gives Sites.Selected its meaning (POST /sites/{site-id}/permissions). */
export const SHAREPOINT_SITE_GRANT = {
  /** The site: the SHAREPOINT_SITE_URL setting. */
  siteSetting: 'SHAREPOINT_SITE_URL',
  roles: ['read'] as const,
  usedFor: 'read the sites list and the price list on that one site',
  withoutIt: 'Sites.Selected alone opens no site: SharePoint answers 401/403 and the run stops',
} as const;

/** Exchange Online RBAC for Applications: a role scoped to one mailbox instead of a tenant-wide Graph grant. */
export interface ExchangeAppRole {
  /** Exchange's role name, for New-ManagementRoleAssignment -Role. */
  role: 'Application Mail.Send' | 'Application Mail.Read';
  /**
   * The Graph permission it stands for. It never appears in the token's `roles` claim (Exchange checks
   * the assignment when the call arrives): check it with a call (reading the sender's Sent Items for
   * Mail.Read) or with Test-ServicePrincipalAuthorization.
   */
  graphPermission: 'Mail.Send' | 'Mail.Read';
  /** The mailbox the management scope is restricted to: the MAIL_SENDER setting. */
  scopedToSetting: 'MAIL_SENDER';
  required: boolean;
  usedFor: string;
  withoutIt: string;
}

export const EXCHANGE_APP_ROLES: readonly ExchangeAppRole[] = [
  {
    role: 'Application Mail.Send',
    graphPermission: 'Mail.Send',
    scopedToSetting: 'MAIL_SENDER',
    required: true,
    usedFor: 'send the reports and the summary as MAIL_SENDER, and as no one else',
    withoutIt: 'nothing is sent: sendMail answers 403 (a dry run still works)',
  },
  {
    role: 'Application Mail.Read',
    graphPermission: 'Mail.Read',
    scopedToSetting: 'MAIL_SENDER',
    required: false,
    usedFor: "look up a message's delivery key in MAIL_SENDER's Sent Items after a crash or an uncertain send (Mail.ReadBasic excludes extended properties)",
    withoutIt: 'such a site stays "delivery unknown", nothing is resent, and the summary names this permission',
  },
];

/**
 * Graph mail permissions that must NOT be granted in Entra ID: an app role there covers every mailbox
 * of the tenant. The doctor warns when the token carries one (the Exchange scoping is then pointless).
 */
export const TENANT_WIDE_MAIL_ROLES: readonly { role: string; appRoleId: string }[] = [
  { role: 'Mail.Send', appRoleId: 'b633e1c5-b582-4048-a93e-9f11b44c7e96' },
  { role: 'Mail.Read', appRoleId: '810c84a8-4a9e-49e6-bf7d-12d183f40d01' },
];

/** The app roles of one API, for the grants in infra/ and for comparing with a token's roles. */
export function appRolesOf(api: PermissionApi): AppRolePermission[] {
  return APP_ROLES.filter((permission) => permission.api === api);
}
