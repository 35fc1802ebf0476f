import type { MailAttachment, OutgoingMail } from '../../ports.js';
import type { Recipient } from '../../types.js';
import { asciiFallbackName, encodeFilenameParameters } from './encodeFilenameParameters.js';
import { encodeDisplayName, encodeHeaderText } from './encodeHeaderText.js';

export interface EmlEnvelope {
  from?: Recipient;
  to: readonly Recipient[];
  date: Date;
  /** Without angle brackets: "id@domain". */
  messageId: string;
  /** Must not occur in the content; base64 never contains "=_", so a boundary starting with it is safe. */
  boundary: string;
}

const CRLF = '\r\n';
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=("[\x20-\x21\x23-\x7e]*"|[A-Za-z0-9!#$&^_.+-]+))*$/;

function base64Lines(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(CRLF);
}

function formatAddress({ name, address }: Recipient): string {
  return name.trim() ? `${encodeDisplayName(name)} <${address}>` : address;
}

/** RFC 5322 date-time, in UTC: "Tue, 01 Dec 2026 06:00:00 +0000". */
function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function attachmentPart(attachment: MailAttachment): string[] {
  const contentType = CONTENT_TYPE.test(attachment.contentType) ? attachment.contentType : 'application/octet-stream';
  return [
    `Content-Type: ${contentType};${CRLF} name="${asciiFallbackName(attachment.name)}"`,
    `Content-Disposition: attachment;${CRLF} ${encodeFilenameParameters(attachment.name).join(`;${CRLF} `)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.content),
  ];
}

/**
 * The mail as an RFC 5322 / MIME message (CRLF line endings, no line over 76 characters
 * except a long address): multipart/mixed with the HTML as UTF-8 base64, then each attachment.
 */
export function buildEml(mail: OutgoingMail, envelope: EmlEnvelope): string {
  const { boundary } = envelope;
  const to = envelope.to.length > 0 ? envelope.to.map(formatAddress).join(`,${CRLF} `) : 'undisclosed-recipients:;';
  const lines = [
    ...(envelope.from ? [`From: ${formatAddress(envelope.from)}`] : []),
    `To: ${to}`,
    `Subject: ${encodeHeaderText(mail.subject)}`,
    `Date: ${formatDate(envelope.date)}`,
    `Message-ID: <${envelope.messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed;${CRLF} boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(mail.html, 'utf8')),
  ];
  for (const attachment of mail.attachments) lines.push(`--${boundary}`, ...attachmentPart(attachment));
  lines.push(`--${boundary}--`, '');
  return lines.join(CRLF);
}
