import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toGraphMessage } from '../../src/adapters/mail/toGraphMessage.js';
import { MAX_REQUEST_BYTES } from '../../src/adapters/mail/createGraphMailer.js';
import type { MailAttachment } from '../../src/ports.js';
import { base64Bytes, fitAttachments, SEND_MAIL_BUDGET_BYTES } from '../../src/render/fitAttachments.js';
import { toCsv } from '../../src/render/toCsv.js';
import { ctxFor, E3, POWER_BI_FREE, report, row, VISIO_UNPRICED } from '../render/fixtures.js';

const HTML_BYTES = 95_000;
/** The first local file header's general purpose flags and compression method (PKWARE APPNOTE 4.3.7). */
const localHeader = (zip: Uint8Array) => {
  const bytes = Buffer.from(zip);
  return { signature: bytes.readUInt32LE(0), flags: bytes.readUInt16LE(6), method: bytes.readUInt16LE(8) };
};
const hasPython = spawnSync('python3', ['-c', 'import zipfile'], { stdio: 'ignore' }).status === 0;
const FIRST_NAMES = ['Jeanne', 'Éric', 'Zoé', 'Mohamed', 'Anaïs', 'Luc', 'Fatou', 'Grégoire', 'Inès', 'Noël'];
const JOBS = ['Éducateur spécialisé', 'Assistante de direction', 'Moniteur-éducateur', 'Psychologue', 'Agent de service', 'Infirmière'];

/** A site's CSV as toCsv writes it, with names and titles varied like a real directory's. */
function siteCsv(accounts: number): MailAttachment {
  const rows = Array.from({ length: accounts }, (_, i) => {
    const firstName = FIRST_NAMES[(i * 7) % FIRST_NAMES.length] ?? 'Jeanne';
    const lastName = `Nom${((i * 2_654_435_761) >>> 0).toString(36)}`;
    return row({
      userId: `u-${i}`,
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@etablissement-${i % 40}.fr`,
      jobTitle: JOBS[(i * 5) % JOBS.length] ?? '',
      licenses: [E3, POWER_BI_FREE, VISIO_UNPRICED].slice(0, 1 + (i % 3)),
    });
  });
  return toCsv(report(rows), ctxFor('fr-FR'));
}

describe('fitAttachments: a site report always fits in one Graph sendMail request', () => {
  it('passes a 5,000-account CSV through unchanged: it fits as it is', () => {
    const csv = siteCsv(5_000);
    const attachments = [csv];
    expect(fitAttachments(attachments, HTML_BYTES)).toBe(attachments);
  });

  it('replaces a 30,000-account CSV that would break the 4 MB limit by a zip holding it, byte for byte', () => {
    const csv = siteCsv(30_000);
    expect(base64Bytes(csv.content.byteLength) + HTML_BYTES).toBeGreaterThan(SEND_MAIL_BUDGET_BYTES);

    const [zip, ...others] = fitAttachments([csv], HTML_BYTES, SEND_MAIL_BUDGET_BYTES, new Date('2026-11-01T06:00:00Z'));
    expect(others).toEqual([]);
    expect(zip?.name).toBe('comptes-SIEGE-2026-11.zip');
    expect(zip?.contentType).toBe('application/zip');
    expect(base64Bytes(zip?.content.byteLength ?? Infinity) + HTML_BYTES).toBeLessThan(SEND_MAIL_BUDGET_BYTES);

    const entries = unzipSync(zip?.content ?? new Uint8Array());
    expect(Object.keys(entries)).toEqual(['comptes-SIEGE-2026-11.csv']);
    const entry = Buffer.from(entries['comptes-SIEGE-2026-11.csv'] ?? []);
    expect(localHeader(zip?.content ?? new Uint8Array(4))).toMatchObject({ signature: 0x04034b50, method: 8 }); // deflate: every unzip tool and Windows Explorer read it
    expect(entry.equals(Buffer.from(csv.content))).toBe(true);
    expect(entry.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(30_001);
  });

  it('keeps the whole request, as the Graph mailer serialises it, under 4 MB once zipped', () => {
    const html = 'x'.repeat(HTML_BYTES);
    const attachments = fitAttachments([siteCsv(30_000)], HTML_BYTES);
    const message = toGraphMessage({ kind: 'site', siteCode: 'SIEGE', to: [{ name: 'IT', address: 'it@contoso.fr' }], subject: 's', html, attachments }, [
      { name: 'IT', address: 'it@contoso.fr' },
    ]);
    expect(Buffer.byteLength(JSON.stringify({ message, saveToSentItems: true }))).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it('keeps a non-ASCII file name readable inside the zip', () => {
    const csv: MailAttachment = { name: 'comptes-CÉFLP-2026-11.csv', contentType: 'text/csv', content: siteCsv(200).content };
    const [zip] = fitAttachments([csv], 0, 10_000);
    expect(zip?.name).toBe('comptes-CÉFLP-2026-11.zip');
    expect(Object.keys(unzipSync(zip?.content ?? new Uint8Array()))).toEqual(['comptes-CÉFLP-2026-11.csv']);
    expect(localHeader(zip?.content ?? new Uint8Array(10)).flags & 0x0800).toBe(0x0800); // UTF-8 name: not read as CP437
  });

  it.skipIf(!hasPython)("writes an archive another reader checks and opens: Python's zipfile (CRC-32 included; skipped without python3)", () => {
    const csv: MailAttachment = { name: 'comptes-CÉFLP-2026-11.csv', contentType: 'text/csv', content: siteCsv(200).content };
    const [zip] = fitAttachments([csv], 0, 10_000, new Date('2026-11-01T06:00:00Z'));
    const script = [
      'import io, json, sys, zipfile',
      'z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))',
      'i = z.infolist()[0]',
      'print(json.dumps({"bad": z.testzip(), "name": i.filename, "date": list(i.date_time), "size": len(z.read(i))}))',
    ].join('\n');
    const python = spawnSync('python3', ['-c', script], { input: zip?.content, encoding: 'utf8' });
    expect(python.stderr).toBe('');
    expect(JSON.parse(python.stdout)).toEqual({ bad: null, name: 'comptes-CÉFLP-2026-11.csv', date: [2026, 11, 1, 6, 0, 0], size: csv.content.byteLength });
  });

  it('counts the HTML body in the budget: the same CSV is zipped next to a heavier body', () => {
    const csv = siteCsv(1_000);
    const budget = base64Bytes(csv.content.byteLength) + 1_000;
    expect(fitAttachments([csv], 1_000, budget)[0]?.name).toMatch(/\.csv$/);
    expect(fitAttachments([csv], 1_001, budget)[0]?.name).toMatch(/\.zip$/);
  });

  it('leaves attachments that are not CSV as they are', () => {
    const pdf: MailAttachment = { name: 'notice.pdf', contentType: 'application/pdf', content: new Uint8Array(3_000) };
    const csv = siteCsv(500);
    const fitted = fitAttachments([pdf, csv], 0, base64Bytes(3_000) + base64Bytes(csv.content.byteLength) - 1);
    expect(fitted.map((a) => a.name)).toEqual(['notice.pdf', 'comptes-SIEGE-2026-11.zip']);
    expect(fitted[0]).toBe(pdf);
  });

  it('refuses, naming the sizes, a CSV that even zipped would not fit', () => {
    // Random bytes do not compress: what a CSV of several hundred thousand accounts would come to.
    const csv: MailAttachment = { name: 'comptes-HUGE-2026-11.csv', contentType: 'text/csv', content: randomBytes(3 * 1024 * 1024) };
    expect(() => fitAttachments([csv], HTML_BYTES)).toThrow(/comptes-HUGE-2026-11\.zip 3\.00 MB.*under 3\.50 MB/);
  });
});
