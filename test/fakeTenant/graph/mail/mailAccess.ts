// Which mailboxes the app may send from or read. An Entra ID application permission (Mail.Send,
// Mail.Read in the token's roles) is tenant-wide; Exchange RBAC for Applications ("Application
// Mail.Send" / "Application Mail.Read" with a management scope) grants chosen mailboxes without any
// role in the token (learn.microsoft.com/exchange/permissions-exo/application-rbac). The opaque
// test token has every Entra permission except that mail follows tenant.options.mailboxScope when set,
// as for an app configured the recommended way.
import { mayAny, PERMISSIONS, type AccessGrant } from '../../permissions.js';
import type { FakeTenantOptions, FakeUser } from '../../types.js';

/** 'basic' = Mail.ReadBasic only: messages without body, attachments or extended properties. */
export type MailAccess = 'full' | 'basic' | 'none';

function inScope(user: FakeUser, scope: readonly string[]): boolean {
  const names = [user.id, user.userPrincipalName, user.mail].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
  return scope.some((entry) => names.includes(entry.toLowerCase()));
}

/** Whether the app could act on some mailbox at all (checked before the mailbox is looked up). */
export function mayUseAnyMailbox(grant: AccessGrant, options: FakeTenantOptions, purpose: 'send' | 'read'): boolean {
  if (grant.all || options.mailboxScope?.[purpose]?.length) return true;
  return purpose === 'send' ? mayAny(grant, PERMISSIONS.mailSend) : mayAny(grant, PERMISSIONS.mailReadBasic);
}

export function mailAccess(grant: AccessGrant, options: FakeTenantOptions, user: FakeUser, purpose: 'send' | 'read'): MailAccess {
  const scope = options.mailboxScope?.[purpose];
  const scoped = scope !== undefined && inScope(user, scope);
  if (grant.all) return scope === undefined || scoped ? 'full' : 'none';
  if (purpose === 'send') return mayAny(grant, PERMISSIONS.mailSend) || scoped ? 'full' : 'none';
  if (mayAny(grant, PERMISSIONS.mailRead) || scoped) return 'full';
  return mayAny(grant, PERMISSIONS.mailReadBasic) ? 'basic' : 'none';
}

/** Exchange mailbox of the user: absent for accounts without an Exchange Online license or mailbox. */
export function hasMailbox(user: FakeUser): boolean {
  return user.hasMailbox ?? user.mail !== null;
}
