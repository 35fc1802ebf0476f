// Mail, read-only (nothing is sent): the sender exists and has a mailbox; its Sent Items answer the
// reconciliation's query (an extended-property $filter: Mail.Read, as Mail.ReadBasic excludes
// extended properties); and whether the app could read ANOTHER mailbox too (a tenant-wide grant).
import { describeError, HttpError } from '../errors.js';
import type { RawRecord } from '../ports.js';
import { exchangeRbacScript } from '../setup/exchangeRbacScript.js';
import { APP_DISPLAY_NAME } from '../setup/runPostprovision.js';
import type { DoctorContext } from './doctorContext.js';
import { decodeJwtPayload, tokenFor } from './identity.js';
import { reason, result, type CheckResult } from './runDoctor.js';

// A property of our own, in the documented form "String {guid} Name X", that no message carries: the
// query is the reconciliation's, its answer empty (singlevaluelegacyextendedproperty-get).
const PROBE_PROPERTY = 'String {753e999c-37fd-41ec-a9c6-911612debee4} Name m365-license-report-doctor';
const PROBE_FILTER = `singleValueExtendedProperties/Any(ep: ep/id eq '${PROBE_PROPERTY}' and ep/value eq 'probe')`;

const code = (error: unknown): string => (error instanceof HttpError ? `${error.status} ${error.detail.split(':')[0]}` : '');
const sentItems = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}/mailFolders/sentitems/messages`;

export async function mailChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  const sender = ctx.config.mailSender;
  if (ctx.config.mailTransport === 'outbox' || !sender)
    return [result('mail', 'skip', 'Mail', 'MAIL_TRANSPORT=outbox: nothing is sent, so the mailbox is not checked')];
  let ids: { appId: string; objectId: string };
  try {
    const claims = decodeJwtPayload(await tokenFor(ctx, 'Microsoft Graph'));
    ids = { appId: claimText(claims?.['appid'], '<client id>'), objectId: claimText(claims?.['oid'], '<service principal object id>') };
  } catch {
    return [result('mail', 'skip', 'Mail', 'no token for Graph (see the identity check)')];
  }
  const user = await ctx.graph
    .get(`/users/${encodeURIComponent(sender)}`, { $select: 'id,displayName,mail,userPrincipalName' })
    .catch((error: unknown) => error as Error);
  const probe = await ctx.graph.get(sentItems(sender), { $filter: PROBE_FILTER, $top: '1', $select: 'id' }).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  const script = exchangeRbacScript({ ...ids, displayName: APP_DISPLAY_NAME, mailbox: sender }).filter((line) => !/Mail\.Send|Test-Service/.test(line));

  const senderTitle = `Sender ${sender}`;
  const noUser = (user instanceof HttpError && user.status === 404) || /ErrorInvalidUser/.test(code(probe));
  if (noUser)
    return [
      result(
        'mail.sender',
        'fail',
        senderTitle,
        'no such user in the tenant',
        'MAIL_SENDER: the address of the mailbox the reports are sent from (a shared mailbox works)',
      ),
    ];
  if (/MailboxNotEnabledForRESTAPI/i.test(code(probe))) {
    return [
      result(
        'mail.sender',
        'fail',
        senderTitle,
        `${reason(probe)}: the account has no Exchange Online mailbox, nothing can be sent from it`,
        'give the account an Exchange Online license, or set MAIL_SENDER to a shared mailbox',
      ),
    ];
  }
  const mail = user instanceof Error ? undefined : user['mail'];
  const out = [
    probe === undefined
      ? result('mail.sender', 'ok', senderTitle, 'exists and has a mailbox')
      : typeof mail === 'string' && mail
        ? result('mail.sender', 'ok', senderTitle, `exists (${mail}); its mailbox is not confirmed until Sent Items can be read`)
        : result(
            'mail.sender',
            'warn',
            senderTitle,
            user instanceof Error ? `cannot be read: ${describeError(user)}` : 'has no mail address: probably no mailbox',
          ),
  ];
  const readTitle = 'Sent Items (reconciliation)';
  if (probe === undefined)
    out.push(result('mail.sentItems', 'ok', readTitle, `${sender}'s Sent Items answer the extended-property query (Application Mail.Read)`));
  else if (probe instanceof HttpError && probe.status === 403) {
    const detail = `${reason(probe)}: the app may not read ${sender}'s mail with extended properties (Mail.Read; Mail.ReadBasic excludes them): after an uncertain send the site stays "delivery unknown"`;
    out.push(result('mail.sentItems', 'warn', readTitle, detail, `in Exchange Online PowerShell: ${script.join('; ')}`));
  } else out.push(result('mail.sentItems', 'fail', readTitle, describeError(probe)));
  out.push(await otherMailboxCheck(ctx, sender, ids.objectId, probe === undefined));
  return out;
}

/** Reads one message id of another user's Sent Items: it must be refused when the scoping is in place. */
async function otherMailboxCheck(ctx: DoctorContext, sender: string, objectId: string, senderReadable: boolean): Promise<CheckResult> {
  const title = 'Mail access limited to the sender';
  let users: RawRecord[];
  try {
    const page = await ctx.graph.get('/users', { $select: 'id,mail,userPrincipalName', $top: '10' });
    users = Array.isArray(page['value']) ? (page['value'] as RawRecord[]) : [];
  } catch (error) {
    return result('mail.scope', 'skip', title, `no other user could be listed: ${describeError(error)}`);
  }
  const isSender = (u: RawRecord) =>
    [u['id'], u['mail'], u['userPrincipalName']].some((v) => typeof v === 'string' && v.toLowerCase() === sender.toLowerCase());
  for (const other of users.filter((u) => typeof u['mail'] === 'string' && u['mail'] && !isSender(u)).slice(0, 3)) {
    const who = String(other['mail']);
    try {
      await ctx.graph.get(sentItems(String(other['id'])), { $top: '1', $select: 'id' });
    } catch (error) {
      if (error instanceof HttpError && error.status === 403) {
        const scoped = senderReadable ? 'mail access is scoped' : "no mailbox is readable, the sender's included";
        return result(
          'mail.scope',
          'ok',
          title,
          `${who}'s mailbox is refused (${code(error)}): ${scoped} (Mail.Send's scope cannot be tried without sending: Test-ServicePrincipalAuthorization shows it)`,
        );
      }
      continue; // no mailbox there (404): try another user
    }
    const fix =
      'remove Mail.Read and Mail.Send from the app in Entra ID (Enterprise applications > the app > Permissions), and in Exchange Online PowerShell check that every role assignment has a scope: ' +
      `Get-ManagementRoleAssignment -RoleAssignee ${objectId} | Format-List Name,Role,CustomResourceScope; Test-ServicePrincipalAuthorization -Identity ${objectId} -Resource ${who} must show InScope False`;
    return result('mail.scope', 'warn', title, `the app can also read ${who}'s mail: its mail access is tenant-wide, the scoping to ${sender} is missing`, fix);
  }
  return result('mail.scope', 'skip', title, 'no other mailbox found on the first page of users');
}

/** A token claim as text, or the placeholder the printed script shows instead. */
function claimText(value: unknown, placeholder: string): string {
  return typeof value === 'string' && value !== '' ? value : placeholder;
}
