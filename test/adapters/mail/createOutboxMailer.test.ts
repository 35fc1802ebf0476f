import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../../src/adapters/mail/createOutboxMailer.js';
import type { OutgoingMail } from '../../../src/ports.js';
import { decodeWords, headerParams, parseEml } from './parseEml.js';

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
    const [eml] = (await mailer.send(siteMail())).status === 'outbox' ? [await readFile(path.join(dir, '2026-11-SIEGE.eml'), 'utf8')] : [];
    const mail = parseEml(eml ?? '');
    expect(decodeWords(mail.headers.get('subject') ?? '')).toBe('Licences Microsoft 365 — Siège — novembre 2026');
    expect(mail.headers.get('subject')).toMatch(/^[\x20-\x7e]+$/); // non-ASCII only through RFC 2047
    expect(decodeWords(mail.headers.get('from') ?? '')).toBe('"Rapports Licences" <reports@contoso.test>');
    expect(decodeWords(mail.headers.get('to') ?? '')).toBe('Zoé Müller <zoe@contoso.test>, "Bob \\"IT\\" Admin" <bob@contoso.test>, nobody@contoso.test');
    expect(mail.headers.get('date')).toBe('Mon, 02 Nov 2026 06:00:00 +0000');
    expect(mail.headers.get('message-id')).toMatch(/^<[0-9a-f-]{36}@m365-license-report\.invalid>$/);
    expect(mail.headers.get('mime-version')).toBe('1.0');

    expect(mail.parts).toHaveLength(2);
    const [body, attachment] = mail.parts;
    expect(headerParams(body?.headers.get('content-type') ?? '')).toMatchObject({ value: 'text/html', params: new Map([['charset', 'UTF-8']]) });
    expect(body?.bytes.toString('utf8')).toBe(html);
    const disposition = headerParams(attachment?.headers.get('content-disposition') ?? '');
    expect(disposition.value).toBe('attachment');
    expect(disposition.params.get('filename')).toBe('licences-SIEGE-2026-11.csv');
    expect(headerParams(attachment?.headers.get('content-type') ?? '').value).toBe('text/csv');
    expect(new Uint8Array(attachment?.bytes ?? [])).toEqual(allBytes);
  });

  it.each([
    ['accented', 'licences-été-Siège.csv'],
    ['long and accented', `${'Établissement très long '.repeat(12)}.csv`],
    ['quotes and backslash', 'a "b" \\ c.csv'],
  ])('keeps a %s attachment name through RFC 2231', async (_, name) => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ attachments: [{ name, contentType: 'text/csv', content: allBytes }] }));
    const mail = parseEml(await readFile(path.join(dir, '2026-11-SIEGE.eml'), 'utf8'));
    expect(headerParams(mail.parts[1]?.headers.get('content-disposition') ?? '').params.get('filename')).toBe(name);
  });

  it('keeps every line under 998 characters with a 600-character non-ASCII subject', async () => {
    const subject = 'Coût des licences « Siège » '.repeat(22);
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ subject }));
    const mail = parseEml(await readFile(path.join(dir, '2026-11-SIEGE.eml'), 'utf8')); // throws on a long line
    expect(decodeWords(mail.headers.get('subject') ?? '')).toBe(subject);
  });

  it('turns line breaks in the subject into spaces instead of new headers', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    await mailer.send(siteMail({ subject: 'Report\r\nBcc: victim@example.test' }));
    const mail = parseEml(await readFile(path.join(dir, '2026-11-SIEGE.eml'), 'utf8'));
    expect(mail.headers.has('bcc')).toBe(false);
    expect(decodeWords(mail.headers.get('subject') ?? '')).toBe('Report Bcc: victim@example.test');
  });

  it('names the run summary <month>-summary and lists no recipient as undisclosed', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const result = await mailer.send({ kind: 'summary', to: [], subject: 'Résumé', html: '<p>ok</p>', attachments: [] });
    expect(result).toEqual({ status: 'outbox', files: [path.join(dir, '2026-11-summary.eml'), path.join(dir, '2026-11-summary.html')] });
    const mail = parseEml(await readFile(path.join(dir, '2026-11-summary.eml'), 'utf8'));
    expect(mail.headers.get('to')).toBe('undisclosed-recipients:;');
    expect(mail.headers.has('from')).toBe(false);
    expect(mail.parts).toHaveLength(1);
  });

  it('keeps a hostile site code inside the outbox folder', async () => {
    const mailer = createOutboxMailer({ dir, clock, period: '2026-11' });
    const result = await mailer.send(siteMail({ siteCode: '../../etc/passwd', attachments: [{ name: '../../x.sh', contentType: 'text/plain', content: allBytes }] }));
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
    const result = await mailer.send(siteMail({ attachments: [{ name: 'a.csv', contentType: 'text/csv', content }, { name: 'b.csv', contentType: 'text/csv', content }] }));
    expect(result.status === 'outbox' && result.files.map((f) => path.basename(f))).toEqual(['2026-11-SIEGE.eml', '2026-11-SIEGE.html', '2026-11-SIEGE-1-a.csv', '2026-11-SIEGE-2-b.csv']);
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
