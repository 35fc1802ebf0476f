import type { Mailer, OutgoingMail, SendResult, SentItem, SentItemsLookup } from '../../ports.js';
import { describeMail } from './describeMail.js';
import { toGraphMessage, type GraphMessage } from './toGraphMessage.js';
import { uniqueRecipients } from './uniqueRecipients.js';

/** Exchange Online: 500 recipients a message. */
export const MAX_RECIPIENTS = 500;
/** Graph refuses a request over 4 MB: HTML body plus base64 attachments (graph docs issues #682, #758). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export interface GraphSendMailPayload {
  message: GraphMessage;
  saveToSentItems: boolean;
}

export interface GraphMailerOptions {
  /** Mailbox (UPN or id) the mail is sent from. */
  sender: string;
  /**
   * POST /users/{sender}/sendMail: resolves on 202, throws DeliveryUnknownError when the mail
   * may have gone out, any other error when it certainly did not.
   */
  postSendMail: (sender: string, payload: GraphSendMailPayload) => Promise<void>;
  /** The sender's Sent Items message carrying a delivery key; without it the mailer offers no lookup. */
  findSentItem?: (sender: string, key: string) => Promise<SentItem | undefined>;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(2);

/** Sends through Graph sendMail; refuses, before any request, what Exchange or Graph would reject. */
export function createGraphMailer({ sender, postSendMail, findSentItem }: GraphMailerOptions): Mailer {
  if (!sender.trim()) throw new Error('createGraphMailer: sender (MAIL_SENDER) is empty');
  // saveToSentItems stays true: the copy in Sent Items is how an uncertain send is settled.
  const sentItems: SentItemsLookup | undefined = findSentItem && {
    async find(keys) {
      for (const key of keys) {
        const found = await findSentItem(sender.trim(), key);
        if (found) return found;
      }
      return undefined;
    },
  };
  return {
    ...(sentItems ? { sentItems } : {}),
    async send(mail: OutgoingMail): Promise<SendResult> {
      const what = describeMail(mail);
      const to = uniqueRecipients(mail.to, what);
      if (to.length === 0) throw new Error(`${what} has no recipient; nothing was sent`);
      if (to.length > MAX_RECIPIENTS) {
        throw new Error(`${what} has ${to.length} recipients; Exchange Online accepts at most ${MAX_RECIPIENTS} a message; nothing was sent`);
      }
      const payload: GraphSendMailPayload = { message: toGraphMessage(mail, to), saveToSentItems: true };
      const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
      if (bytes > MAX_REQUEST_BYTES) {
        throw new Error(
          `${what} would be a ${megabytes(bytes)} MB sendMail request (${bytes} bytes); ` +
            `Graph accepts at most 4 MB (${MAX_REQUEST_BYTES} bytes); nothing was sent`,
        );
      }
      await postSendMail(sender.trim(), payload);
      return { status: 'sent' };
    },
  };
}
