// The copy Exchange saves in the sender's Sent Items when saveToSentItems is true (the default):
// a message resource (learn.microsoft.com/graph/api/resources/message) whose from/sender is the
// mailbox owner and which keeps the singleValueExtendedProperties the client set.
import type { FakeStoredMessage, FakeUser } from '../../types.js';

/** Opaque, Exchange-looking ids ("AAMkAG…"), stable for a given seed. */
export function exchangeId(seed: string): string {
  return 'AAMkAG' + Buffer.from(seed).toString('base64').replace(/\//g, '-').replace(/\+/g, '_');
}

export function sentItemsFolderId(owner: FakeUser): string {
  return exchangeId(`folder:sentitems:${owner.id.toLowerCase()}`);
}

function address(owner: FakeUser): { emailAddress: { name: string; address: string } } {
  return { emailAddress: { name: owner.displayName, address: owner.mail ?? owner.userPrincipalName } };
}

function preview(body: unknown): string {
  const content = typeof (body as { content?: unknown } | undefined)?.content === 'string' ? (body as { content: string }).content : '';
  return content
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

const recipients = (list: unknown): unknown[] => (Array.isArray(list) ? list : []);

/** Seconds-precision UTC timestamps, as Outlook serialises them. */
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function storeInSentItems(owner: FakeUser, sent: Record<string, unknown>, at: number, lagMs: number, sequence: number): FakeStoredMessage {
  const seed = `${owner.id}:${at}:${sequence}`;
  const id = exchangeId(`message:${seed}`);
  const attachments = Array.isArray(sent['attachments']) ? sent['attachments'] : [];
  const body = sent['body'] as { contentType?: string; content?: string } | undefined;
  const stamp = iso(at);
  const message: FakeStoredMessage['message'] = {
    '@odata.etag': `W/"CQAAABYAAAD${Buffer.from(seed).toString('base64').slice(0, 16)}"`,
    id,
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    changeKey: `CQAAABYAAAD${Buffer.from(seed).toString('base64').slice(0, 16)}`,
    categories: [],
    receivedDateTime: stamp,
    sentDateTime: stamp,
    hasAttachments: attachments.length > 0,
    internetMessageId: `<${Buffer.from(seed).toString('hex').slice(0, 32)}@fake.prod.outlook.com>`,
    subject: typeof sent['subject'] === 'string' ? sent['subject'] : '',
    bodyPreview: preview(body),
    importance: typeof sent['importance'] === 'string' ? sent['importance'] : 'normal',
    parentFolderId: sentItemsFolderId(owner),
    conversationId: exchangeId(`conversation:${seed}`),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: true,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    // Graph serves message bodies as HTML unless asked otherwise (user-list-messages).
    body: { contentType: 'html', content: body?.content ?? '' },
    sender: address(owner),
    from: address(owner),
    toRecipients: recipients(sent['toRecipients']),
    ccRecipients: recipients(sent['ccRecipients']),
    bccRecipients: recipients(sent['bccRecipients']),
    replyTo: recipients(sent['replyTo']),
    flag: { flagStatus: 'notFlagged' },
    singleValueExtendedProperties: Array.isArray(sent['singleValueExtendedProperties']) ? sent['singleValueExtendedProperties'] : [],
  };
  return { mailboxId: owner.id.toLowerCase(), visibleAt: at + lagMs, message };
}
