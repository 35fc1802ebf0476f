// Keeps a site report's sendMail request under Graph's 4 MB limit (HTML body + base64 attachments):
// past the budget, each CSV is replaced by a .zip holding it. Why zip and not .gz or split parts:
// docs/decisions/large-sites.md.
import { crc32, deflateRawSync } from 'node:zlib';
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

// ---- A one-entry ZIP archive (PKWARE APPNOTE 6.3.x, sections 4.3.7, 4.3.12, 4.3.16) ----------------

const VERSION_NEEDED = 20; // 2.0: deflate
const UTF8_NAME_FLAG = 0x0800; // bit 11: file name is UTF-8 (accents in a site code survive)
const DEFLATE = 8;

/** MS-DOS date and time fields (2-second resolution), from the UTC fields of `at`, 1980 at the earliest. */
function dosDateTime(at: Date): { date: number; time: number } {
  const d = at.getTime() < DOS_EPOCH.getTime() ? DOS_EPOCH : at;
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** Header fields shared by the local file header and the central directory entry, from "version needed". */
function commonFields(view: DataView, at: number, entry: Entry): void {
  view.setUint16(at, VERSION_NEEDED, true);
  view.setUint16(at + 2, UTF8_NAME_FLAG, true);
  view.setUint16(at + 4, DEFLATE, true);
  view.setUint16(at + 6, entry.time, true);
  view.setUint16(at + 8, entry.date, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.data.byteLength, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.byteLength, true);
  view.setUint16(at + 24, 0, true); // extra field length
}

interface Entry {
  name: Uint8Array;
  data: Uint8Array;
  size: number;
  crc: number;
  date: number;
  time: number;
}

function zipOneFile(fileName: string, content: Uint8Array, modifiedAt: Date): Uint8Array {
  const entry: Entry = {
    name: new TextEncoder().encode(fileName),
    data: deflateRawSync(content),
    size: content.byteLength,
    crc: crc32(content),
    ...dosDateTime(modifiedAt),
  };
  const localSize = 30 + entry.name.byteLength;
  const centralSize = 46 + entry.name.byteLength;
  const centralOffset = localSize + entry.data.byteLength;
  const zip = new Uint8Array(centralOffset + centralSize + 22);
  const view = new DataView(zip.buffer);

  view.setUint32(0, 0x04034b50, true); // local file header
  commonFields(view, 4, entry);
  zip.set(entry.name, 30);
  zip.set(entry.data, localSize);

  const c = centralOffset; // central directory entry
  view.setUint32(c, 0x02014b50, true);
  view.setUint16(c + 4, VERSION_NEEDED, true); // version made by: MS-DOS, 2.0
  commonFields(view, c + 6, entry);
  // comment length, disk number, internal and external attributes: 0; local header at offset 0.
  zip.set(entry.name, c + 46);

  const e = c + centralSize; // end of central directory record
  view.setUint32(e, 0x06054b50, true);
  view.setUint16(e + 8, 1, true); // entries on this disk
  view.setUint16(e + 10, 1, true); // entries in total
  view.setUint32(e + 12, centralSize, true);
  view.setUint32(e + 16, centralOffset, true);
  return zip;
}
