import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../../src/adapters/mail/createOutboxMailer.js';
import type { OutgoingMail } from '../../../src/ports.js';

const at = new Date('2026-11-02T06:00:00Z');
const clock = { now: () => at };
const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
const html = '<html><body><h1>Licences — Siège 😀</h1><p>Total : 1 234,50 €</p></body></html>';

function siteMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    kind: 'site',
    siteCode: 'SIEGE',
    to: [
      { name: 'Zoé Müller', address: 'zoe@contoso.test' },
      { name: 'Bob "IT" Admin', address: 'bob@contoso.test' },
      { name: '', address: 'nobody@contoso.test' },
    ],
    subject: 'Licences Microsoft 365 — Siège — novembre 2026',
    html,
    attachments: [{ name: 'licences-SIEGE-2026-11.csv', contentType: 'text/csv; charset=utf-8', content: allBytes }],
    ...overrides,
  };
}

/** The header lines of a raw message (before the first empty line), unfolded. */
const headerLines = (raw: Buffer) =>
  raw
    .toString('latin1')
    .split('\r\n\r\n')[0]!
    .replace(/\r\n(?=[ \t])/g, '')
    .split('\r\n');
/** Every address of a parsed header, as plain objects. */
const addresses = (header: AddressObject | AddressObject[] | undefined) =>
  [header ?? []].flat().flatMap((object) => object.value.map(({ name, address, group }) => ({ name, address, ...(group ? { group } : {}) })));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createOutboxMailer', () => {
  it('writes <month>-<site>.eml, .html and the attachment, and says where', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const result = await mailer.send(siteMail());
    const names = ['2026-11-SIEGE.eml', '2026-11-SIEGE.html', '2026-11-SIEGE.csv'];
    expect(result).toEqual({ status: 'outbox', files: names.map((n) => path.join(dir, n)) });
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
    expect(await readFile(path.join(dir, '2026-11-SIEGE.html'), 'utf8')).toBe(html);
    expect(new Uint8Array(await readFile(path.join(dir, '2026-11-SIEGE.csv')))).toEqual(allBytes);
  });

  it('writes an .eml a mail reader can parse back to the same subject, recipients, HTML and bytes', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11', from: { name: 'Rapports Licences', address: 'reports@contoso.test' } });
    await mailer.send(siteMail());
    const raw = await readFile(path.join(dir, '2026-11-SIEGE.eml'));
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Licences Microsoft 365 — Siège — novembre 2026');
    expect(headerLines(raw).every((line) => /^[\x20-\x7e\t]*$/.test(line))).toBe(true); // non-ASCII only through RFC 2047 / 2231
    expect(addresses(mail.from)).toEqual([{ name: 'Rapports Licences', address: 'reports@contoso.test' }]);
    expect(addresses(mail.to)).toEqual([
      { name: 'Zoé Müller', address: 'zoe@contoso.test' },
      { name: 'Bob "IT" Admin', address: 'bob@contoso.test' },
      { name: '', address: 'nobody@contoso.test' },
    ]);
    expect(mail.headers.get('date')).toEqual(at);
    expect(headerLines(raw)).toContain('Date: Mon, 02 Nov 2026 06:00:00 +0000');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@m365-license-report\.invalid>$/);
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/mixed' });

    expect(mail.html).toBe(html);
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment?.contentDisposition).toBe('attachment');
    expect(attachment?.filename).toBe('licences-SIEGE-2026-11.csv');
    expect(attachment?.contentType).toBe('text/csv');
    expect(new Uint8Array(attachment?.content ?? [])).toEqual(allBytes);
  });

  it('writes strict MIME: CRLF line endings, no line over 998 characters, base64 lines of at most 76', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(
      siteMail({
        subject: 'Coût des licences « Siège » '.repeat(22),
        attachments: [{ name: 'a.csv', contentType: 'text/csv', content: new Uint8Array(10_000) }],
      }),
    );
    const text = (await readFile(path.join(dir, '2026-11-SIEGE.eml'))).toString('latin1');
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(Math.max(...text.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(998);
    const base64Lines = text.split('\r\n').filter((line) => /^[A-Za-z0-9+/]{20,}={0,2}$/.test(line));
    expect(base64Lines.length).toBeGreaterThan(100);
    expect(base64Lines.every((line) => line.length <= 76)).toBe(true);
  });

  it('declares the CSV part as UTF-8 text', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ attachments: [{ name: 'a.csv', contentType: 'text/csv', content: allBytes }] }));
    const mail = await simpleParser(await readFile(path.join(dir, '2026-11-SIEGE.eml')));
    expect(mail.attachments[0]?.headers.get('content-type')).toMatchObject({ value: 'text/csv', params: { charset: 'utf-8' } });
  });

  it.each([
    ['accented', 'licences-été-Siège.csv'],
    ['long and accented', `${'Établissement très long '.repeat(12)}.csv`],
    ['quotes and backslash', 'a "b" \\ c.csv'],
  ])('keeps a %s attachment name through RFC 2231', async (_, name) => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ attachments: [{ name, contentType: 'text/csv', content: allBytes }] }));
    const mail = await simpleParser(await readFile(path.join(dir, '2026-11-SIEGE.eml')));
    expect(mail.attachments[0]?.filename).toBe(name);
  });

  it('keeps every line under 998 characters with a 600-character non-ASCII subject', async () => {
    const subject = 'Coût des licences « Siège » '.repeat(22);
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ subject }));
    const raw = await readFile(path.join(dir, '2026-11-SIEGE.eml'));
    expect(
      Math.max(
        ...raw
          .toString('latin1')
          .split('\r\n')
          .map((line) => line.length),
      ),
    ).toBeLessThanOrEqual(998);
    expect((await simpleParser(raw)).subject).toBe(subject);
  });

  it('turns line breaks in the subject into spaces instead of new headers', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ subject: 'Report\r\nBcc: victim@example.test' }));
    const mail = await simpleParser(await readFile(path.join(dir, '2026-11-SIEGE.eml')));
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('Report Bcc: victim@example.test');
  });

  it('names the run summary <month>-summary and lists no recipient as undisclosed', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const result = await mailer.send({ kind: 'summary', to: [], subject: 'Résumé', html: '<p>ok</p>', attachments: [] });
    expect(result).toEqual({ status: 'outbox', files: [path.join(dir, '2026-11-summary.eml'), path.join(dir, '2026-11-summary.html')] });
    const mail = await simpleParser(await readFile(path.join(dir, '2026-11-summary.eml')));
    expect(addresses(mail.to)).toEqual([{ name: 'undisclosed-recipients', address: undefined, group: [] }]);
    expect(mail.headers.has('from')).toBe(false);
    expect(mail.attachments).toHaveLength(0);
    expect(mail.html).toBe('<p>ok</p>');
  });

  it('keeps a hostile site code inside the outbox folder', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const result = await mailer.send(
      siteMail({ siteCode: '../../etc/passwd', attachments: [{ name: '../../x.sh', contentType: 'text/plain', content: allBytes }] }),
    );
    const files = result.status === 'outbox' ? result.files : [];
    expect(files).toHaveLength(3);
    for (const file of files) expect(path.dirname(file)).toBe(dir);
    expect((await readdir(dir)).sort()).toEqual(files.map((f) => path.basename(f)).sort());
  });

  it('does not let two site codes that sanitise alike overwrite each other', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const first = await mailer.send(siteMail({ siteCode: 'A/B' }));
    const second = await mailer.send(siteMail({ siteCode: 'A_B' }));
    const again = await mailer.send(siteMail({ siteCode: 'A/B' }));
    expect(first.status === 'outbox' && first.files[0]).toBe(path.join(dir, '2026-11-A_B.eml'));
    expect(second.status === 'outbox' && second.files[0]).toBe(path.join(dir, '2026-11-A_B-2.eml'));
    expect(again.status === 'outbox' && again.files[0]).toBe(path.join(dir, '2026-11-A_B.eml'));
  });

  it('names two attachments of the same type after their own names', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const content = new Uint8Array([1]);
    const result = await mailer.send(
      siteMail({
        attachments: [
          { name: 'a.csv', contentType: 'text/csv', content },
          { name: 'b.csv', contentType: 'text/csv', content },
        ],
      }),
    );
    expect(result.status === 'outbox' && result.files.map((f) => path.basename(f))).toEqual([
      '2026-11-SIEGE.eml',
      '2026-11-SIEGE.html',
      '2026-11-SIEGE-1-a.csv',
      '2026-11-SIEGE-2-b.csv',
    ]);
  });

  it.each([
    ['UTC', '2026-11'],
    ['Europe/Paris', '2026-12'],
  ])('takes the month from the clock in %s when no period is given', async (timeZone, month) => {
    const mailer = createOutboxMailer({ dir, clock: { now: () => new Date('2026-11-30T23:30:00Z') }, timeZone });
    const result = await mailer.send(siteMail());
    expect(result.status === 'outbox' && path.basename(result.files[0] ?? '')).toBe(`${month}-SIEGE.eml`);
  });

  it('refuses an invalid recipient address before writing anything', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await expect(mailer.send(siteMail({ to: [{ name: 'X', address: 'x@y\r\nBcc: z@w' }] }))).rejects.toThrow(/invalid address/);
    expect(await readdir(dir)).toEqual([]);
  });
});
