import { beforeAll, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/ports.js';
import { buildSiteView } from '../../src/render/buildSiteView.js';
import { createRenderer } from '../../src/render/createRenderer.js';
import { ctxFor, decodeCsv, E3, largeReport, POWER_BI_FREE, report, row, VISIO_UNPRICED } from './fixtures.js';

let fr: Renderer;
let en: Renderer;
beforeAll(async () => {
  fr = await createRenderer(ctxFor('fr-FR'));
  en = await createRenderer(ctxFor('en-US'));
});

const sample = () =>
  report([
    row({ licenses: [E3, POWER_BI_FREE, VISIO_UNPRICED] }),
    row({ userId: 'u-martin', lastName: 'Martin', firstName: 'Paul', email: 'paul.martin@contoso.fr', licenses: [], disabled: true }),
    row({ userId: 'u-smith', lastName: 'Smith', firstName: 'Ann', email: 'ann.smith@partner.example', licenses: [E3], guest: true }),
  ]);

const NBSP = '\u00a0';
/** One account's block: name (and badges), grey lines, one line per license, the account's total on the right. */
const block = (name: string, grey: string[], licenses: string[], total: string) =>
  `<b>${name}</b><span style="color:#52606d">${grey.map((line) => `<br>${line}`).join('')}</span>` +
  `${licenses.map((line) => `<br>${line}`).join('')}</td><td align="right" valign="bottom" nowrap><b>${total}</b></td></tr>`;
const license = (label: string, price: string) => `${label}${NBSP}·${NBSP}${price}`;

describe('site report mail', () => {
  it('shows the French report: header, total first, run date, the accounts one block each, count and total', async () => {
    const mail = await fr.siteReport(sample());
    expect(mail.subject).toBe('[ANRAS] Comptes Microsoft 365 — Siège social — novembre 2026');
    expect(mail.html).toContain('>SI ANRAS</div>');
    expect(mail.html).toContain('>Siège social</div>');
    expect(mail.html).toContain('>Export mensuel des comptes Microsoft 365<br>novembre 2026</div>');
    expect(mail.html).toContain('>TOTAL MENSUEL HT</div>');
    expect(mail.html).toContain('>12,60\u00a0€</div>');
    expect(mail.html).toContain('>Effectué le : 1 janv. 2026 à 06:00</div>');
    // The columns say what they hold: each license's unit price on its line, the account's total on the right.
    expect(mail.html).toContain('>COMPTE · LICENCES, PRIX UNITAIRE HT</th>');
    expect(mail.html).toContain('>TOTAL HT</th>');
    expect(mail.html).toContain(
      block(
        'Dupont Jeanne',
        ['jeanne.dupont@contoso.fr', 'Éducatrice spécialisée'],
        [license('Office 365 E3', '6,30\u00a0€'), license('Power BI (free)', '0,00\u00a0€'), license('VISIOCLIENT', 'N/A')],
        '6,30\u00a0€',
      ),
    );
    // The site is named once, in the header, not on every account.
    expect(mail.html).not.toMatch(/<td><b>[^\n]*Siège social/);
    expect(mail.html).toContain('<span style="color:#52606d">3 comptes</span>');
    expect(mail.html).toContain('<b>Total mensuel HT</b>');
    expect(mail.html).toMatch(/>3 comptes<\/div>/);
    expect(mail.html).toContain('<html lang="fr"');
  });

  it('shows the English report with US formats', async () => {
    const mail = await en.siteReport(sample());
    expect(mail.subject).toBe('[ANRAS] Microsoft 365 accounts — Siège social — November 2026');
    expect(mail.html).toContain('>Monthly Microsoft 365 accounts report<br>November 2026</div>');
    expect(mail.html).toContain('>Run on: Jan 1, 2026, 12:00 AM</div>');
    expect(mail.html).toContain('>ACCOUNT · LICENSES, UNIT PRICE (EXCL. VAT)</th>');
    expect(mail.html).toContain('>TOTAL</th>');
    expect(mail.html).toContain(
      block(
        'Dupont, Jeanne',
        ['jeanne.dupont@contoso.fr', 'Éducatrice spécialisée'],
        [license('Office 365 E3', '$6.30'), license('Power BI (free)', '$0.00'), license('VISIOCLIENT', 'N/A')],
        '$6.30',
      ),
    );
    expect(mail.html).toContain('>MONTHLY TOTAL (EXCL. VAT)</div>');
    expect(mail.html).toContain('>$12.60</div>');
    expect(mail.html).toContain('>3 accounts</div>');
    expect(mail.html).toContain('<b>Monthly total (excl. VAT)</b>');
  });

  it('shades every other account', async () => {
    const { html } = await fr.siteReport(sample());
    const rows = [...html.matchAll(/<tr( bgcolor="#[0-9a-f]{6}")?><td><b>(\w+)/g)].map((m) => [m[2], m[1] ?? '']);
    expect(rows).toEqual([
      ['Dupont', ''],
      ['Martin', ' bgcolor="#f3f6f9"'],
      ['Smith', ''],
    ]);
  });

  it('marks disabled accounts and guests beside the name', async () => {
    const frHtml = (await fr.siteReport(sample())).html;
    expect(frHtml).toMatch(/<b>Martin Paul<\/b> <span style="[^"]+">Désactivé<\/span><span/);
    expect(frHtml).toMatch(/<b>Smith Ann<\/b> <span style="[^"]+">Invité<\/span><span/);
    expect(frHtml).toContain('<b>Dupont Jeanne</b><span');
    const enHtml = (await en.siteReport(sample())).html;
    expect(enHtml).toMatch(/Martin, Paul<\/b> <span[^>]*>Disabled<\/span>/);
    expect(enHtml).toMatch(/Smith, Ann<\/b> <span[^>]*>Guest<\/span>/);
  });

  it('shows an account without a license as costing 0,00 €, as every other list does', async () => {
    const { html } = await fr.siteReport(sample());
    expect(html).toContain('<br>Aucune licence</td><td align="right" valign="bottom" nowrap><b>0,00\u00a0€</b></td></tr>');
    expect(html).not.toMatch(/Aucune licence[^<]*N\/A/);
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
    ['{{subject}} {{#rows}}', '{{subject}} {{#rows}}'],
    ['</mj-text></mj-column>', '&lt;/mj-text&gt;&lt;/mj-column&gt;'],
  ])('shows a job title %j as text, never as markup or template syntax', async (jobTitle, shown) => {
    const { html } = await fr.siteReport(report([row({ jobTitle })]));
    expect(html).toContain(`<br>${shown}</span>`);
    expect(html).not.toContain('<script>');
  });

  it('escapes the site name and the organisation too', async () => {
    const renderer = await createRenderer(ctxFor('fr-FR', { orgName: 'A&B <SI>' }));
    const mail = await renderer.siteReport(report([row()], { site: { ...report([]).site, name: 'Foyer "Les <Pins>"' } }));
    expect(mail.html).toContain('>Foyer &quot;Les &lt;Pins&gt;&quot;</div>');
    expect(mail.html).toContain('>SI A&amp;B &lt;SI&gt;</div>');
    expect(mail.subject).toBe('[A&B <SI>] Comptes Microsoft 365 — Foyer "Les <Pins>" — novembre 2026');
  });

  it('cuts a 10,000-character job title in the mail with an ellipsis and keeps it whole in the CSV', async () => {
    const jobTitle = 'y'.repeat(10_000);
    const mail = await fr.siteReport(report([row({ jobTitle })]));
    expect(mail.html).toContain(`<br>${'y'.repeat(199)}…</span>`);
    expect(mail.html).not.toContain('y'.repeat(200));
    // A word longer than the whole line may break; no other (inline: Gmail's mobile webmail ignores <style>).
    expect(mail.html).toMatch(/<table role="presentation"[^>]*style="[^"]*word-break:break-word"><tr><th align="left"[^>]*>COMPTE/);
    const attachment = mail.attachments[0];
    expect(attachment && decodeCsv(attachment.content).text).toContain(jobTitle);
  });

  it('lets an address wrap rather than cut it, cutting only an absurdly long one in the mail but not in the CSV', async () => {
    const long = `marie-christine.de-la-fontaine-dupont@etablissement-exemple.fr`;
    expect((await fr.siteReport(report([row({ email: long })]))).html).toContain(`<br>${long}<br>`);
    const email = `${'z'.repeat(120)}@contoso.fr`;
    const mail = await fr.siteReport(report([row({ email })]));
    expect(mail.html).toContain(`<br>${'z'.repeat(79)}…<br>`);
    const attachment = mail.attachments[0];
    expect(attachment && decodeCsv(attachment.content).text).toContain(email);
  });

  it('always attaches the full list as CSV and says so, naming the file and what opens it', async () => {
    const mail = await fr.siteReport(sample());
    expect(mail.attachments.map((a) => a.name)).toEqual(['comptes-SIEGE-2026-11.csv']);
    // The file name on a line of its own, so it wraps only when longer than the line.
    expect(mail.html).toContain('La liste complète (3 comptes) est jointe au format CSV :<br><b>comptes-SIEGE-2026-11.csv</b><br>Elle s&#39;ouvre dans Excel.');
    expect((await en.siteReport(sample())).html).toContain(
      'The full list (3 accounts) is attached as a CSV file:<br><b>accounts-SIEGE-2026-11.csv</b><br>It opens in Excel.',
    );
  });

  it('names the .zip and says it holds the CSV when the list had to be zipped (a very large site)', () => {
    const view = buildSiteView(sample(), ctxFor('fr-FR'), undefined, 300, 'comptes-SIEGE-2026-11.zip');
    expect(view.attachmentNote).toEqual([
      {
        before: 'La liste complète (3 comptes) est jointe, compressée :',
        file: 'comptes-SIEGE-2026-11.zip',
        after: "Elle contient un fichier CSV qui s'ouvre dans Excel.",
      },
    ]);
  });

  it('says so when the group has no account', async () => {
    const mail = await fr.siteReport(report([]));
    expect(mail.html).toContain('<td colspan="2">Aucun compte dans le groupe de cet établissement.</td>');
    expect(mail.html).toContain('>0 compte</div>');
  });

  it('names the accounts that could not be exported', async () => {
    const mail = await fr.siteReport(report([row()], { skipped: [{ userId: 'u-x', name: 'Zoé Leroy', reason: 'HTTP 500' }] }));
    // The apostrophe is escaped like every other value character.
    expect(mail.html).toContain('1 compte n&#39;a pas pu être exporté : Zoé Leroy.');
  });

  it('says who sends it and whom to ask', async () => {
    const { html } = await fr.siteReport(sample());
    expect(html).toContain('Message envoyé automatiquement chaque mois par le service informatique d&#39;ANRAS');
    expect(html).toContain('Une question, une erreur ? Adressez-vous au service informatique d&#39;ANRAS.');
    expect((await en.siteReport(sample())).html).toContain('A question, a mistake? Ask the ANRAS IT department.');
  });

  it('leaves no placeholder, no script and no external font or image in the mail', async () => {
    const { html } = await fr.siteReport(sample());
    expect(html).not.toMatch(/\{\{|\}\}/);
    expect(html).not.toMatch(/<script|<link|fonts\.googleapis|<img/i);
  });
});

describe('site report mail for a large site', () => {
  it('keeps a 5,000-account body under 100 KB with a summary by license, and attaches all 5,000 rows', async () => {
    const big = largeReport(5000);
    const mail = await fr.siteReport(big);
    expect(Buffer.byteLength(mail.html, 'utf8')).toBeLessThan(100_000);
    const shown = mail.html.match(/<b>Nom-\d+ Prénom/g)?.length ?? 0;
    // As many accounts as the body holds (one block each); the note says how many.
    expect(shown).toBeGreaterThanOrEqual(200);
    expect(shown).toBeLessThanOrEqual(300);
    expect(mail.html).toContain(`Cet établissement compte 5\u202f000 comptes : seuls les ${shown} premiers sont affichés ci-dessous.`);
    expect(mail.html).toContain('est jointe au format CSV :<br><b>comptes-SIEGE-2026-11.csv</b>');
    // E3 on every account (6,30 € x 5,000), Power BI on 2 of 3, Visio on 1 of 3 with no price.
    const line = (label: string, accounts: string, cost: string) =>
      `<td>${label}<br><span style="color:#52606d">${accounts}</span></td><td align="right" valign="bottom" nowrap>${cost}</td>`;
    expect(mail.html).toContain(line('Office 365 E3', '5\u202f000 comptes', '31\u202f500,00\u00a0€'));
    expect(mail.html).toContain(line('Power BI (free)', '3\u202f333 comptes', '0,00\u00a0€'));
    expect(mail.html).toContain(line('VISIOCLIENT', '1\u202f666 comptes', 'N/A'));
    expect(mail.html).toContain('>5\u202f000 comptes</div>');
    expect(mail.html).toContain('>31\u202f500,00\u00a0€</div>');
    expect(mail.html).toContain(
      block(
        'Nom-1 Prénom1',
        ['prenom1.nom-1@etablissement-exemple.fr', 'Éducateur spécialisé'],
        [license('Office 365 E3', '6,30\u00a0€'), license('Power BI (free)', '0,00\u00a0€')],
        '6,30\u00a0€',
      ),
    );
    expect(mail.html).toContain(`<b>Nom-${shown - 1} Prénom`);
    expect(mail.html).not.toContain(`<b>Nom-${shown} Prénom`);

    const attachment = mail.attachments[0];
    expect(attachment).toBeDefined();
    const { text } = decodeCsv(attachment?.content ?? new Uint8Array());
    const lines = text.replace(/\r\n$/, '').split('\r\n');
    expect(lines).toHaveLength(5001);
    expect(lines[5000]).toMatch(/^Nom-4999;/);
  });

  it('shows exactly MAIL_BODY_MAX_ROWS accounts when they fit', async () => {
    const renderer = await createRenderer(ctxFor('fr-FR', { mailBodyMaxRows: 100 }));
    const { html } = await renderer.siteReport(largeReport(150));
    expect(html.match(/<b>Nom-\d+ Prénom/g)).toHaveLength(100);
    expect(html).toContain('Cet établissement compte 150 comptes : seuls les 100 premiers sont affichés ci-dessous.');
  });

  it("shows fewer rows when long values would push the body past Gmail's clipping size", async () => {
    const heavy = largeReport(300);
    for (const r of heavy.rows) r.jobTitle = 'Responsable '.repeat(40);
    const renderer = await createRenderer(ctxFor('fr-FR', { mailBodyMaxRows: 300 }));
    const mail = await renderer.siteReport(heavy);
    expect(Buffer.byteLength(mail.html, 'utf8')).toBeLessThan(100_000);
    const shown = mail.html.match(/<b>Nom-\d+ Prénom/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(50);
    expect(shown).toBeLessThan(300);
    expect(mail.html).toContain(`seuls les ${shown} premiers sont affichés ci-dessous`);
    expect(mail.attachments[0]?.name).toBe('comptes-SIEGE-2026-11.csv');
  });

  it('shows the whole list and no summary when the site fits the body', async () => {
    const renderer = await createRenderer(ctxFor('fr-FR', { mailBodyMaxRows: 3 }));
    const { html } = await renderer.siteReport(largeReport(3));
    expect(html).not.toContain('seuls les');
    expect(html).not.toContain('Synthèse par licence');
    expect(html.match(/<b>Nom-\d+ Prénom/g)).toHaveLength(3);
  });
});
