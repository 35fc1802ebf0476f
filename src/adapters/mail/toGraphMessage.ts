import type { OutgoingMail } from '../../ports.js';
import type { Recipient } from '../../types.js';
import { DELIVERY_KEY_PROPERTY_ID } from '../graph/deliveryKeyProperty.js';
import { attachmentContentType } from './attachmentContentType.js';

/**
 * The `message` of a Graph sendMail request (learn.microsoft.com/graph/api/user-sendmail).
 * A type alias, not an interface, so it is assignable to Record<string, unknown>.
 */
export type GraphMessage = {
  subject: string;
  body: { contentType: 'HTML'; content: string };
  toRecipients: Array<{ emailAddress: { address: string; name?: string } }>;
  attachments: Array<{
    '@odata.type': '#microsoft.graph.fileAttachment';
    name: string;
    contentType: string;
    contentBytes: string;
  }>;
  /** The delivery key, when the mail has one: what Sent Items is searched by. */
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
};

/** Builds the Graph message; `to` is already validated and deduplicated. */
export function toGraphMessage(mail: OutgoingMail, to: readonly Recipient[]): GraphMessage {
  return {
    subject: mail.subject,
    body: { contentType: 'HTML', content: mail.html },
    toRecipients: to.map(({ address, name }) => ({ emailAddress: name ? { address, name } : { address } })),
    attachments: mail.attachments.map((attachment) => ({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: attachment.name,
      contentType: attachmentContentType(attachment),
      contentBytes: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength).toString('base64'),
    })),
    ...(mail.deliveryKey ? { singleValueExtendedProperties: [{ id: DELIVERY_KEY_PROPERTY_ID, value: mail.deliveryKey }] } : {}),
  };
}
