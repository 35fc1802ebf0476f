// Exchange Online RBAC for Applications: the app may send (and read, for Sent Items reconciliation)
// as MAIL_SENDER and no one else (learn.microsoft.com/exchange/permissions-exo/application-rbac).
// Graph has no v1.0 API for it, so the hook prints the exact PowerShell. Pure: builds the text.
import { isGuid } from '../core/isGuid.js';
import { EXCHANGE_APP_ROLES } from '../config/permissions.js';

export interface ExchangeRbacTarget {
  /** The managed identity's client id (appId of its service principal). */
  appId: string;
  /** Object id of its service principal (the identity's principalId): what -App expects. */
  objectId: string;
  displayName: string;
  /** MAIL_SENDER: an address, or the mailbox user's object id. */
  mailbox: string;
}

/** A PowerShell double-quoted string: `, " and $ escaped. */
const ps = (text: string): string => `"${text.replace(/[`"$]/g, (c) => `\`${c}`)}"`;
/** An OPATH string literal inside a filter: single quotes doubled. */
const opath = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The commands, in order, for Exchange Online PowerShell (Connect-ExchangeOnline as an Exchange administrator). */
export function exchangeRbacScript(target: ExchangeRbacTarget): string[] {
  const scope = `${target.displayName} sender`;
  const property = isGuid(target.mailbox) ? 'ExternalDirectoryObjectId' : 'PrimarySmtpAddress';
  return [
    'Connect-ExchangeOnline',
    `New-ServicePrincipal -AppId ${target.appId} -ObjectId ${target.objectId} -DisplayName ${ps(target.displayName)}`,
    `New-ManagementScope -Name ${ps(scope)} -RecipientRestrictionFilter ${ps(`${property} -eq ${opath(target.mailbox)}`)}`,
    ...EXCHANGE_APP_ROLES.map(
      (role) =>
        `New-ManagementRoleAssignment -Name ${ps(`${target.displayName} ${role.graphPermission}`)} -App ${target.objectId} -Role ${ps(role.role)} -CustomResourceScope ${ps(scope)}`,
    ),
    `Test-ServicePrincipalAuthorization -Identity ${target.objectId} -Resource ${ps(target.mailbox)}`,
  ];
}
