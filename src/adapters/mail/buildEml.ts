// The outbox's .eml files, composed by nodemailer's MailComposer (the MIME writer behind Nodemailer):
// RFC 2047 words for non-ASCII headers, RFC 2231 file names (with an RFC 2047 `name` for older
// clients), base64 parts, folded lines. We only decide what goes in.
import type { OutgoingMail } from '../../ports.js';
import type { Recipient } from '../../types.js';
import { attachmentContentType } from './attachmentContentType.js';

export interface EmlEnvelope {
  from?: Recipient;
  to: readonly Recipient[];
  date: Date;
  /** Without angle brackets: "id@domain". */
  messageId: string;
}

// A line break inside a header would start a new header (header injection): never keep one.
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
const address = ({ name, address }: Recipient) => ({ name: oneLine(name).trim(), address });

/** The mail as an RFC 5322 / MIME message: multipart/mixed with the HTML (UTF-8), then each attachment. */
export async function buildEml(mail: OutgoingMail, envelope: EmlEnvelope): Promise<Buffer> {
  // Loaded on first use (~50 ms): a run that sends through Graph never writes an .eml.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    ...(envelope.from ? { from: address(envelope.from) } : {}),
    // An empty group, as mail clients show a message sent to Bcc only.
    ...(envelope.to.length > 0 ? { to: envelope.to.map(address) } : { headers: { To: 'undisclosed-recipients:;' } }),
    subject: oneLine(mail.subject),
    date: envelope.date,
    messageId: `<${envelope.messageId}>`,
    // Always base64: an HTML body may be one long line, and 7bit allows 998 characters a line.
    html: { content: mail.html, contentTransferEncoding: 'base64' },
    textEncoding: 'base64',
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.name,
      contentType: attachmentContentType(attachment),
      content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
    })),
    // Content comes from us, never from a path or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
