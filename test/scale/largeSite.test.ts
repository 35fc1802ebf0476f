// Issue 5: a site of 5,000 accounts is delivered: a readable body Gmail does not clip, the full list
// attached, one sendMail request under Graph's 4 MB (the fake tenant answers 413 above it, as Graph does).
import { unzipSync } from 'fflate';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTenantData } from '../fakeTenant/index.js';
import { attachmentsOf, growSite, htmlOf, runJob, RUN_AT, type JobRun } from './scaleHarness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** Gmail clips a message body past ~102 KB. */
const GMAIL_CLIP_BYTES = 102 * 1024;
const GRAPH_LIMIT_BYTES = 4 * 1024 * 1024;

const siteMailOf = (run: JobRun, code: string) =>
  run.tenant.sentMail.find((mail) => attachmentsOf(mail).some((a) => new RegExp(`^comptes-${code}-2026-11\\.(csv|zip)$`).test(a.name)));

const csvLines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('a site of 5,000 accounts', () => {
  let run: JobRun;
  beforeAll(async () => {
    const data = sampleTenantData({ now: RUN_AT });
    growSite(data, 'SIEGE', 5_000);
    run = await runJob(server, data);
  });

  it('is delivered with the other sites, all 5,000 accounts exported', () => {
    const siege = run.result.sites.find((site) => site.code === 'SIEGE');
    expect(siege).toMatchObject({ status: 'ok', exported: 5_000, total: 5_000, delivery: 'sent' });
    expect(run.result.totals.sitesOk).toBe(11);
  });

  it('keeps the mail body under the size Gmail clips, with a summary by license and a note that the full list is attached', () => {
    const html = htmlOf(siteMailOf(run, 'SIEGE')!);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(GMAIL_CLIP_BYTES);
    expect(html).toMatch(/5\s000 comptes/); // the note and the count say 5 000 (fr-FR, narrow no-break space)
    expect(html).toContain('comptes-SIEGE-2026-11.');
    expect(html).toContain('Office 365 E3'); // summary by license
    // The first rows only: far fewer than 5,000 addresses in the body.
    const addressesInBody = html.split(`@${run.tenant.data.domain}`).length - 1;
    expect(addressesInBody).toBeGreaterThan(10);
    expect(addressesInBody).toBeLessThan(1_000);
  });

  it('attaches every account, one CSV row each, in a sendMail request under 4 MB', async () => {
    const mail = siteMailOf(run, 'SIEGE')!;
    expect(Buffer.byteLength(JSON.stringify({ message: mail.message, saveToSentItems: true }))).toBeLessThan(GRAPH_LIMIT_BYTES);
    const [attachment] = attachmentsOf(mail);
    const csv = attachment!.name.endsWith('.zip')
      ? Buffer.from(Object.values(unzipSync(attachment!.bytes))[0]!).toString('utf8')
      : attachment!.bytes.toString('utf8');
    expect(csvLines(csv)).toHaveLength(5_001); // header + one row per account
  });
});
