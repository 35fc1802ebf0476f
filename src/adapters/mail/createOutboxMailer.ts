import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPeriod } from '../../core/reportPeriod.js';
import type { Clock, Mailer, OutgoingMail, SendResult } from '../../ports.js';
import type { Recipient } from '../../types.js';
import { buildEml } from './buildEml.js';
import { describeMail } from './describeMail.js';
import { safeFileName } from './safeFileName.js';
import { uniqueRecipients } from './uniqueRecipients.js';

export interface OutboxMailerOptions {
  /** Folder the files are written to (created if missing). */
  dir: string;
  /** Date header; and the file-name month when `period` is not given. */
  clock: Clock;
  /** Report month "YYYY-MM" for the file names; default: the clock's month in `timeZone`. */
  period?: string;
  /** IANA zone for the default period; default UTC. */
  timeZone?: string;
  /** From header (an address, or name and address); omitted when not given. */
  from?: string | Recipient | undefined;
}

const OWN_EXTENSIONS = new Set(['eml', 'html']);

function monthOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** "<base>.csv" for the only attachment of its kind, "<base>-<name>" otherwise (or for .eml/.html). */
function attachmentFileNames(base: string, names: readonly string[]): string[] {
  const extensionOf = (name: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? '').toLowerCase();
  const extensions = names.map(extensionOf);
  return names.map((name, index) => {
    const extension = extensions[index] ?? '';
    const unique = extension && !OWN_EXTENSIONS.has(extension) && extensions.filter((e) => e === extension).length === 1;
    return unique ? `${base}.${extension}` : `${base}-${index + 1}-${safeFileName(name, 'attachment')}`;
  });
}

/**
 * Sends nothing: writes each mail as <period>-<site code | "summary">.eml (what would have been
 * sent, openable in any mail client), the same HTML as .html and each attachment as its own file.
 */
export function createOutboxMailer(options: OutboxMailerOptions): Mailer {
  const { dir, clock } = options;
  const from = typeof options.from === 'string' ? { name: '', address: options.from } : options.from;
  if (options.period !== undefined && !isPeriod(options.period)) {
    throw new Error(`createOutboxMailer: period "${options.period}" is not a YYYY-MM month`);
  }
  // Two different mails whose names sanitise alike ("A/B", "A_B") must not overwrite each other.
  const owners = new Map<string, string>();
  const baseFor = (mail: OutgoingMail, period: string): string => {
    const owner = `${mail.kind}:${mail.siteCode ?? ''}`;
    const stem = `${period}-${mail.kind === 'summary' ? 'summary' : safeFileName(mail.siteCode ?? '', 'site')}`;
    for (let n = 1; ; n++) {
      const base = n === 1 ? stem : `${stem}-${n}`;
      const taken = owners.get(base);
      if (taken === undefined || taken === owner) {
        owners.set(base, owner);
        return base;
      }
    }
  };

  return {
    async send(mail: OutgoingMail): Promise<SendResult> {
      const now = clock.now();
      const to = uniqueRecipients(mail.to, describeMail(mail));
      const base = baseFor(mail, options.period ?? monthOf(now, options.timeZone ?? 'UTC'));
      const eml = await buildEml(mail, {
        ...(from ? { from } : {}),
        to,
        date: now,
        messageId: `${randomUUID()}@m365-license-report.invalid`,
      });
      const attachmentNames = attachmentFileNames(
        base,
        mail.attachments.map((a) => a.name),
      );
      const files: Array<[string, string | Uint8Array]> = [
        [`${base}.eml`, eml],
        [`${base}.html`, mail.html],
        ...mail.attachments.map((a, i): [string, Uint8Array] => [attachmentNames[i] ?? `${base}-${i + 1}`, a.content]),
      ];
      await mkdir(dir, { recursive: true });
      const written: string[] = [];
      for (const [name, content] of files) {
        const file = path.join(dir, name);
        await writeFile(file, content);
        written.push(file);
      }
      return { status: 'outbox', files: written };
    },
  };
}
