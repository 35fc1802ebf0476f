// Directory and list data is untrusted: escaped in HTML, neutralised in CSV, never template syntax,
// absurd sizes harmless. Broken rows are skipped with a warning naming them; a missing list or a
// wrong site URL fails the run with one clear message in the summary, which is still sent.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeUser, TenantData } from '../fakeTenant/index.js';
import { DELIVERABLE, csvOf, htmlOf, siteCodeOf, sentSiteCodes, startE2e, summaryMails, type E2e } from './e2eHarness.js';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

const LONG_TITLE = `Chargé de mission ${'très '.repeat(2_000)}spéciale`.slice(0, 10_000);
const FORMULA = '=HYPERLINK("http://evil.example/x","Cliquez ici")';
const HOSTILE_SITE_NAME = 'SIEGE {{name}} {{#rows}}x{{/rows}} </mj-text><mj-raw><b>gras</b></mj-raw>';
const VALID_GUID = '0b7a3c52-9a55-4f0e-8e36-0f0a4b3c2d1e';

function listOf(data: TenantData, title: string): Record<string, unknown>[] {
  const list = data.sharePoint.lists.find((l) => l.title === title);
  if (!list) throw new Error(`no list ${title}`);
  return list.items;
}

function siegeStaff(data: TenantData): FakeUser[] {
  const siege = listOf(data, 'Sites').find((row) => row['SiteCode'] === 'SIEGE');
  const group = data.groups.find((g) => g.id === siege?.['MembersGroupId']);
  return (group?.memberIds ?? []).flatMap((id) => data.users.filter((u) => u.id === id));
}

/** The sample tenant with hostile directory values at site SIEGE and broken rows in both lists. */
function hostile(data: TenantData): void {
  const [a, b, c, d] = siegeStaff(data).slice(13, 17) as [FakeUser, FakeUser, FakeUser, FakeUser];
  a.jobTitle = '<script>alert(1)</script>';
  Object.assign(b, { givenName: 'Tom & "Jerry"', surname: "O'Malley <b>" });
  c.jobTitle = LONG_TITLE;
  Object.assign(d, { surname: null, displayName: FORMULA });

  const sites = listOf(data, 'Sites');
  const siege = sites.find((row) => row['SiteCode'] === 'SIEGE') as Record<string, unknown>;
  siege['Title'] = HOSTILE_SITE_NAME;
  sites.push(
    {
      Id: 201,
      ID: 201,
      Title: 'GROUPE INVALIDE',
      SiteCode: 'BADG',
      MembersGroupId: '<img src=x onerror=alert(1)>',
      CorrespondentsGroupId: VALID_GUID,
      Active: true,
    },
    { Id: 202, ID: 202, Title: 'SIEGE EN DOUBLE', SiteCode: 'siege', MembersGroupId: VALID_GUID, CorrespondentsGroupId: VALID_GUID, Active: true },
    { Id: 203, ID: 203, Title: 'SANS CORRESPONDANTS', SiteCode: 'SCO', MembersGroupId: VALID_GUID, CorrespondentsGroupId: null, Active: true },
  );
  listOf(data, 'LicensePrices').push(
    { Id: 301, ID: 301, Title: 'Prix négatif', SkuPartNumber: 'ENTERPRISEPACK', SkuId: null, MonthlyPrice: -5 },
    { Id: 302, ID: 302, Title: 'Prix illisible', SkuPartNumber: 'STANDARDPACK', SkuId: null, MonthlyPrice: 'abc' },
    { Id: 303, ID: 303, Title: 'Sans SKU', SkuPartNumber: null, SkuId: null, MonthlyPrice: 4 },
  );
}

describe('hostile and broken input', () => {
  it('escapes, neutralises and truncates directory values, and skips broken rows naming each', async () => {
    e2e = await startE2e({ mutate: hostile });
    const { tenant } = e2e;

    const run = await e2e.run();

    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    const siege = tenant.sentMail.find((mail) => siteCodeOf(mail) === 'SIEGE');
    const html = htmlOf(siege!);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Tom &amp; &quot;Jerry&quot;');
    expect(html).toContain('O&#39;Malley &lt;b&gt;');
    // Template syntax in data stays text: no section expanded, no MJML tag closed early.
    expect(html).toContain('SIEGE {{name}} {{#rows}}x{{/rows}} &lt;/mj-text&gt;&lt;mj-raw&gt;&lt;b&gt;gras&lt;/b&gt;');
    expect(html).not.toContain('<b>gras</b>');
    expect(String(siege?.message['subject'])).toContain('SIEGE {{name}}');
    // The 10,000-character title is cut in the mail and whole in the CSV.
    expect(html).not.toContain(LONG_TITLE);
    expect(html).toContain(`${LONG_TITLE.slice(0, 150)}`);
    expect(html.length).toBeLessThan(100_000);

    const csv = csvOf(siege!);
    expect(csv).toContain(LONG_TITLE);
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example/x"",""Cliquez ici"")`);
    expect(csv).toContain('<script>alert(1)</script>'); // a CSV is data, not HTML: kept as typed
    const cells = csv.split(/\r\n/).flatMap((line) => line.split(';'));
    expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);

    const messages = run.result?.warnings.map((w) => w.message) ?? [];
    const expectWarning = (...parts: string[]) => expect(messages.filter((m) => parts.every((p) => m.includes(p)))).toHaveLength(1);
    expectWarning('Sites list', 'row Id 201 "GROUPE INVALIDE"', 'not a group id');
    expectWarning('Sites list', 'row Id 202 "SIEGE EN DOUBLE"', 'already used by row Id');
    expectWarning('Sites list', 'row Id 203 "SANS CORRESPONDANTS"', '"CorrespondentsGroupId" is empty');
    expectWarning('Sites list', '"SITE SANS GROUPE"', '"MembersGroupId" is empty');
    expectWarning('Price list', 'row Id 301 "Prix négatif"', '-5');
    expectWarning('Price list', 'row Id 302 "Prix illisible"', '"abc"');
    expectWarning('Price list', 'row Id 303 "Sans SKU"', 'neither');
    expect(run.result?.sites.map((s) => s.code)).not.toContain('BADG');

    const summary = htmlOf(summaryMails(tenant)[0]!);
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(summary).not.toMatch(/<img src=x/i);
    expect(summary).toContain('SIEGE {{name}}');
  });

  it.each([
    [
      'a price list title that does not exist',
      { PRICES_LIST_TITLE: 'Tarifs' },
      /^the price list "Tarifs" could not be read: SharePoint list 'Tarifs' not found at https:\/\/localhost:\d+\/sites\/it$/,
    ],
    [
      'a SharePoint site URL that does not exist',
      { SHAREPOINT_SITE_URL: '/sites/informatique' },
      /SharePoint site https:\/\/localhost:\d+\/sites\/informatique not found \(check SHAREPOINT_SITE_URL\)/,
    ],
  ])('fails the run on %s with one clear message, in the summary it still sends', async (_label, overrides, message) => {
    e2e = await startE2e();
    const { tenant } = e2e;
    const env = Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, value.startsWith('/') ? `${e2e!.server.origin}${value}` : value]));

    const run = await e2e.run([], env);

    expect(run.code).toBe(1);
    expect(run.result?.fatalError).toMatch(message);
    expect(run.result?.sites).toEqual([]);
    expect(sentSiteCodes(tenant)).toEqual([]);
    const summaries = summaryMails(tenant);
    expect(summaries).toHaveLength(1);
    expect(htmlOf(summaries[0]!)).toMatch(message.source.includes('Tarifs') ? /Tarifs/ : /check SHAREPOINT_SITE_URL/);
  });
});
