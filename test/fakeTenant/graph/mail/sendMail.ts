// POST /users/{id|upn}/sendMail (learn.microsoft.com/graph/api/user-sendmail):
// 202 with an empty body; the whole request must stay under 4 MB. Accepted mail is recorded as
// received (tenant.sentMail) and, unless saveToSentItems is false, saved in the sender's Sent Items.
import { graphError } from '../../http.js';
import { mailAccessDenied } from '../../permissions.js';
import type { GraphContext } from '../router.js';
import { hasMailbox, mailAccess, mayUseAnyMailbox } from './mailAccess.js';
import { storeInSentItems } from './sentItems.js';

export const SEND_MAIL_MAX_BYTES = 4 * 1024 * 1024;

function invalid(message: string): Response {
  return graphError(400, 'ErrorInvalidRequest', message);
}

/** Why the message is unacceptable, or null. Checks what Exchange rejects, not every field. */
function problemWith(message: Record<string, unknown>): Response | null {
  const body = message.body as { contentType?: unknown; content?: unknown } | undefined;
  if (body !== undefined) {
    if (typeof body !== 'object' || body === null) return invalid("Property 'body' has an invalid value.");
    if (body.contentType !== undefined && !/^(text|html)$/i.test(String(body.contentType))) {
      return invalid(`Requested value '${String(body.contentType)}' was not found.`);
    }
  }
  const recipients = ['toRecipients', 'ccRecipients', 'bccRecipients'].flatMap((k) => {
    const list = message[k];
    return Array.isArray(list) ? list : list === undefined ? [] : [null];
  });
  if (recipients.length === 0) return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is required, but none were found.');
  for (const r of recipients) {
    const address = (r as { emailAddress?: { address?: unknown } } | null)?.emailAddress?.address;
    if (typeof address !== 'string' || !address.includes('@')) {
      return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    }
  }
  const properties = message.singleValueExtendedProperties;
  if (properties !== undefined) {
    const ok =
      Array.isArray(properties) &&
      properties.every((p) => typeof (p as { id?: unknown })?.id === 'string' && typeof (p as { value?: unknown })?.value === 'string');
    if (!ok) return invalid("Property 'singleValueExtendedProperties' has an invalid value.");
  }
  const attachments = message.attachments ?? [];
  if (!Array.isArray(attachments)) return invalid("Property 'attachments' has an invalid value.");
  for (const a of attachments as Array<Record<string, unknown>>) {
    if (a?.['@odata.type'] !== '#microsoft.graph.fileAttachment') return invalid('The attachment @odata.type is missing or not supported.');
    if (typeof a.name !== 'string' || typeof a.contentBytes !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(a.contentBytes)) {
      return invalid('The attachment name or contentBytes is missing or invalid.');
    }
  }
  return null;
}

/** Exchange's answer for an account without an Exchange Online mailbox (e.g. microsoft/MicrosoftCloud#41, iyear/E5SubBot#39). */
export function mailboxNotEnabled(): Response {
  return graphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
}

export function invalidUser(mailbox: string): Response {
  return graphError(404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
}

export async function sendMail(ctx: GraphContext, request: Request, mailboxInUrl: string): Promise<Response> {
  if (!mayUseAnyMailbox(ctx.grant, ctx.options, 'send')) return mailAccessDenied();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > SEND_MAIL_MAX_BYTES) {
    return graphError(413, 'RequestBodyTooLarge', 'The maximum request length supported is 4MB.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return invalid('Cannot read the request body: it is not valid JSON.');
  }
  const payload = parsed as { message?: unknown; saveToSentItems?: unknown } | null;
  if (typeof payload !== 'object' || payload === null || typeof payload.message !== 'object' || payload.message === null) {
    return invalid("The request body must contain a 'message' object.");
  }
  if (payload.saveToSentItems !== undefined && typeof payload.saveToSentItems !== 'boolean') {
    return invalid("Property 'saveToSentItems' must be a boolean.");
  }
  const problem = problemWith(payload.message as Record<string, unknown>);
  if (problem) return problem;

  const user = ctx.directory.mailbox(mailboxInUrl);
  if (!user) return invalidUser(mailboxInUrl);
  if (mailAccess(ctx.grant, ctx.options, user, 'send') === 'none') return mailAccessDenied();
  if (!hasMailbox(user)) return mailboxNotEnabled();
  const at = ctx.now();
  const saveToSentItems = payload.saveToSentItems ?? true;
  const message = payload.message as Record<string, unknown>;
  ctx.sentMail.push({ from: mailboxInUrl, message, saveToSentItems, sizeBytes: bytes.byteLength, at });
  if (saveToSentItems) ctx.sentItems.push(storeInSentItems(user, message, at, ctx.options.sentItemsLagMs ?? 0, ctx.sentItems.length));
  // Once (msgraph-sdk-javascript#156) the 202 came with a JSON content type and an empty body.
  const headers: Record<string, string> = ctx.options.sendMailJsonContentType ? { 'Content-Type': 'application/json' } : {};
  return new Response(null, { status: 202, headers });
}
