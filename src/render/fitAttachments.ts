// Keeps a site report's sendMail request under Graph's 4 MB limit (HTML body + base64 attachments):
// past the budget, each CSV is replaced by a .zip holding it. Why zip and not .gz or split parts:
// docs/decisions/large-sites.md.
import { zipSync } from 'fflate';
import type { MailAttachment } from '../ports.js';

/**
 * Graph refuses a request over 4 MB; the half megabyte left over covers the JSON around the body and
 * attachments (recipients, subject, escaping of the HTML).
 */
export const SEND_MAIL_BUDGET_BYTES = 3.5 * 1024 * 1024;
/** Earliest date a ZIP entry can carry (MS-DOS time); the default, so the same CSV gives the same bytes. */
const DOS_EPOCH = new Date(Date.UTC(1980, 0, 1));

/** What an attachment weighs once base64-encoded in the request. */
export const base64Bytes = (bytes: number): number => 4 * Math.ceil(bytes / 3);

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
const weight = (attachments: readonly MailAttachment[], htmlBytes: number) =>
  attachments.reduce((sum, attachment) => sum + base64Bytes(attachment.content.byteLength), htmlBytes);

/**
 * Returns the attachments unchanged when body + base64 attachments fit in `limitBytes`; otherwise
 * replaces each CSV by a .zip (deflate) holding it under its own name. Throws an Error naming the
 * sizes when even zipped they don't fit. `modifiedAt` dates the file inside the zip (UTC).
 */
export function fitAttachments(
  attachments: MailAttachment[],
  htmlBytes: number,
  limitBytes: number = SEND_MAIL_BUDGET_BYTES,
  modifiedAt: Date = DOS_EPOCH,
): MailAttachment[] {
  if (weight(attachments, htmlBytes) <= limitBytes) return attachments;
  const fitted = attachments.map((attachment) => (isCsv(attachment) ? zipAttachment(attachment, modifiedAt) : attachment));
  const total = weight(fitted, htmlBytes);
  if (total > limitBytes) {
    const sizes = fitted.map((a) => `${a.name} ${megabytes(a.content.byteLength)}`).join(', ');
    throw new Error(
      `the mail would weigh ${megabytes(total)} (${total} bytes) with its attachments base64-encoded, even zipped (${sizes}); ` +
        `a sendMail request must stay under ${megabytes(limitBytes)} (Graph refuses 4 MB)`,
    );
  }
  return fitted;
}

const isCsv = (attachment: MailAttachment) => /\.csv$/i.test(attachment.name) || /^text\/csv\b/i.test(attachment.contentType);

function zipAttachment(attachment: MailAttachment, modifiedAt: Date): MailAttachment {
  const zipName = /\.csv$/i.test(attachment.name) ? attachment.name.replace(/\.csv$/i, '.zip') : `${attachment.name}.zip`;
  return { name: zipName, contentType: 'application/zip', content: zipOneFile(attachment.name, attachment.content, modifiedAt) };
}

/** A one-entry archive (deflate; fflate sets the UTF-8 name flag when the name needs it, so accents survive). */
function zipOneFile(fileName: string, content: Uint8Array, modifiedAt: Date): Uint8Array {
  // ZIP stores local date and time fields; give fflate the UTC ones, 1980 at the earliest (MS-DOS time).
  const at = Math.max(modifiedAt.getTime(), DOS_EPOCH.getTime());
  const utcFieldsAsLocal = new Date(at + new Date(at).getTimezoneOffset() * 60_000);
  return zipSync({ [fileName]: [content, { mtime: utcFieldsAsLocal }] });
}
