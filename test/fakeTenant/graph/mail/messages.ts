// GET /users/{id}/mailFolders/{folder} and …/mailFolders/{folder}/messages
// (learn.microsoft.com/graph/api/mailfolder-get, user-list-messages): default page 10, $top 1..1000,
// nextLink with $skip. Only Sent Items holds messages here (what the app sent); other well-known
// folders answer empty. A message with extended properties is found with $filter, and the property
// itself is returned only with $expand (singlevaluelegacyextendedproperty-get).
import { graphError, jsonResponse } from '../../http.js';
import { mailAccessDenied } from '../../permissions.js';
import type { FakeUser } from '../../types.js';
import type { GraphContext } from '../router.js';
import { parseExtendedPropertyExpand, parseExtendedPropertyFilter, propertiesOf, sameExtendedPropertyId } from './extendedProperties.js';
import { hasMailbox, mailAccess, mayUseAnyMailbox } from './mailAccess.js';
import { invalidUser, mailboxNotEnabled } from './sendMail.js';
import { exchangeId, sentItemsFolderId } from './sentItems.js';

export const MESSAGES_DEFAULT_PAGE = 10;
export const MESSAGES_MAX_PAGE = 1000;

const WELL_KNOWN = ['sentitems', 'inbox', 'drafts', 'deleteditems', 'archive', 'junkemail', 'outbox'];
const DISPLAY: Record<string, string> = {
  sentitems: 'Sent Items',
  inbox: 'Inbox',
  drafts: 'Drafts',
  deleteditems: 'Deleted Items',
  archive: 'Archive',
  junkemail: 'Junk Email',
  outbox: 'Outbox',
};
/** Mail.ReadBasic returns every property "except body, previewBody, attachments and any extended properties". */
const BASIC_HIDDEN = new Set(['body', 'bodyPreview', 'uniqueBody', 'singleValueExtendedProperties']);

type Owner = { user: FakeUser; folder: string; basic: boolean };

/** The mailbox and folder, or Exchange's answer: 403, 404 or 400 for a folder name it does not know. */
function open(ctx: GraphContext, mailbox: string, folderInUrl: string): Owner | Response {
  if (!mayUseAnyMailbox(ctx.grant, ctx.options, 'read')) return mailAccessDenied();
  const user = ctx.directory.mailbox(mailbox);
  if (!user) return invalidUser(mailbox);
  const access = mailAccess(ctx.grant, ctx.options, user, 'read');
  if (access === 'none') return mailAccessDenied();
  if (!hasMailbox(user)) return mailboxNotEnabled();
  const name = folderInUrl.toLowerCase();
  const folder = name === sentItemsFolderId(user).toLowerCase() ? 'sentitems' : name;
  if (!WELL_KNOWN.includes(folder)) return graphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
  return { user, folder, basic: access === 'basic' };
}

function messagesIn(ctx: GraphContext, owner: Owner): Array<Record<string, unknown>> {
  if (owner.folder !== 'sentitems') return [];
  const now = ctx.now();
  const id = owner.user.id.toLowerCase();
  // Newest first, as Outlook lists a folder by default.
  return ctx.sentItems
    .filter((m) => m.mailboxId === id && m.visibleAt <= now)
    .map((m) => m.message)
    .reverse();
}

export function getMailFolder(ctx: GraphContext, url: URL, mailbox: string, folderInUrl: string): Response {
  const owner = open(ctx, mailbox, folderInUrl);
  if (owner instanceof Response) return owner;
  const id = owner.folder === 'sentitems' ? sentItemsFolderId(owner.user) : exchangeId(`folder:${owner.folder}:${owner.user.id}`);
  return jsonResponse(200, {
    '@odata.context': `${url.origin}/v1.0/$metadata#users('${owner.user.id}')/mailFolders/$entity`,
    id,
    displayName: DISPLAY[owner.folder] ?? owner.folder,
    parentFolderId: exchangeId(`folder:root:${owner.user.id}`),
    childFolderCount: 0,
    unreadItemCount: 0,
    totalItemCount: messagesIn(ctx, owner).length,
    sizeInBytes: 0,
    isHidden: false,
  });
}

function badQuery(message: string): Response {
  return graphError(400, 'BadRequest', message);
}

export function listFolderMessages(ctx: GraphContext, url: URL, mailbox: string, folderInUrl: string): Response {
  const owner = open(ctx, mailbox, folderInUrl);
  if (owner instanceof Response) return owner;
  const params = url.searchParams;
  for (const option of ['$orderby', '$search', '$count']) {
    if (params.has(option)) return badQuery(`The fake tenant does not implement ${option} on messages.`);
  }
  const filterText = params.get('$filter');
  const filter = filterText === null ? null : parseExtendedPropertyFilter(filterText);
  if (filterText !== null && !filter) return badQuery(`The fake tenant does not implement this $filter on messages: ${filterText}`);
  const expandText = params.get('$expand');
  const expand = expandText === null ? null : parseExtendedPropertyExpand(expandText);
  if (expandText !== null && !expand) return badQuery(`The fake tenant does not implement this $expand on messages: ${expandText}`);
  // Extended properties are not readable with Mail.ReadBasic (permissions reference).
  if (owner.basic && (filter || expand)) return mailAccessDenied();

  const topText = params.get('$top');
  const top = topText === null ? MESSAGES_DEFAULT_PAGE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MESSAGES_MAX_PAGE)
    return badQuery(`The fake tenant accepts $top from 1 to ${MESSAGES_MAX_PAGE}, not '${topText}'.`);
  const skip = Number(params.get('$skip') ?? '0');
  if (!Number.isInteger(skip) || skip < 0) return badQuery(`Invalid $skip '${params.get('$skip')}'.`);
  const selectText = params.get('$select');
  let select: string[] | null = null;
  if (selectText !== null) {
    select = [];
    for (const name of selectText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const canonical = KNOWN_PROPERTIES.find((k) => k.toLowerCase() === name.toLowerCase());
      if (!canonical)
        return graphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${name}' on type 'Microsoft.OutlookServices.Message'.`);
      select.push(canonical);
    }
  }

  const all = messagesIn(ctx, owner).filter((m) => !filter || propertiesOf(m).some((p) => sameExtendedPropertyId(p.id, filter.id) && filter.test(p.value)));

  const value = all.slice(skip, skip + top).map((m) => {
    const out: Record<string, unknown> = { '@odata.etag': m['@odata.etag'], id: m['id'] };
    for (const [key, v] of Object.entries(m)) {
      if (key === '@odata.etag' || key === 'id' || key === 'singleValueExtendedProperties') continue;
      if (owner.basic && BASIC_HIDDEN.has(key)) continue;
      if (select && !select.includes(key)) continue;
      out[key] = v;
    }
    if (expand) {
      const matching = propertiesOf(m).filter((p) => sameExtendedPropertyId(p.id, expand.id));
      if (matching.length > 0) out['singleValueExtendedProperties'] = matching;
    }
    return out;
  });
  const selection = select ? `(${select.join(',')})` : '';
  const body: Record<string, unknown> = {
    '@odata.context': `${url.origin}/v1.0/$metadata#users('${owner.user.id}')/mailFolders('${folderInUrl}')/messages${selection}`,
  };
  body['value'] = value;
  if (skip + top < all.length) {
    const next = new URL(url.toString());
    next.searchParams.set('$top', String(top));
    next.searchParams.set('$skip', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return jsonResponse(200, body);
}

const KNOWN_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'uniqueBody',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
  'internetMessageHeaders',
];
