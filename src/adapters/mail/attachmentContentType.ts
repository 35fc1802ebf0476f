import type { MailAttachment } from '../../ports.js';

// type/subtype, then parameters (token or quoted string): anything else is not passed on.
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=("[\x20-\x21\x23-\x7e]*"|[A-Za-z0-9!#$&^_.+-]+))*$/;

/**
 * The content type an attachment is sent with, in the .eml and in Graph: a malformed one becomes
 * application/octet-stream; a text type without a charset says UTF-8, since everything we attach is
 * UTF-8 (toCsv) and a reader would otherwise assume US-ASCII (RFC 2046), and mangle "Siège".
 */
export function attachmentContentType(attachment: Pick<MailAttachment, 'contentType'>): string {
  const type = attachment.contentType.trim();
  if (!CONTENT_TYPE.test(type)) return 'application/octet-stream';
  return /^text\//i.test(type) && !/;\s*charset=/i.test(type) ? `${type}; charset=utf-8` : type;
}
