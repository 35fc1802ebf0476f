import { beforeAll, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/ports.js';
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
    row({ userId: 'u-martin', lastName: 'Martin', firstName: 'Paul', licenses: [], disabled: true }),
    row({ userId: 'u-smith', lastName: 'Smith', firstName: 'Ann', licenses: [E3], guest: true }),
  ]);

describe('site report mail', () => {
  it('shows the French report: header, title, run date, site, columns, rows, count and total', async () => {
    const mail = await fr.siteReport(sample());
    expect(mail.subject).toBe('[ANRAS] Comptes Microsoft 365 — Siège social — novembre 2026');
    expect(mail.html).toContain('>SI ANRAS</div>');
    expect(mail.html).toContain('>Export mensuel des comptes Microsoft 365</div>');
    expect(mail.html).toContain('>Effectué le : 1 janv. 2026 à 06:00</div>');
    expect(mail.html).toContain('>Siège social</div>');
    for (const column of ['NOM', 'PRÉNOM', 'EMAIL', 'POSTE', 'ÉTABLISSEMENT', 'LICENCES', 'TARIF HT']) {
      expect(mail.html).toContain(`>${column}</th>`);
    }
    expect(mail.html).toContain(
      '<td>Dupont</td><td>Jeanne</td><td class="addr">jeanne.dupont@contoso.fr</td><td>Éducatrice spécialisée</td><td>Siège social</td>' +
        '<td nowrap>Office 365 E3<br>Power BI (free)<br>VISIOCLIENT</td>' +
        '<td align="right" nowrap>6,30\u00a0€<br>0,00\u00a0€<br>N/A</td>',
    );
    expect(mail.html).toContain('>3 comptes</div>');
    expect(mail.html).toContain('>Total mensuel HT : 12,60\u00a0€</div>');
    expect(mail.html).toContain('<html lang="fr"');
  });

  it('shows the English report with US formats', async () => {
    const mail = await en.siteReport(sample());
    expect(mail.subject).toBe('[ANRAS] Microsoft 365 accounts — Siège social — November 2026');
    expect(mail.html).toContain('>Monthly Microsoft 365 accounts report</div>');
    expect(mail.html).toContain('>Run on: Jan 1, 2026, 12:00 AM</div>');
    for (const column of ['LAST NAME', 'FIRST NAME', 'JOB TITLE', 'SITE', 'LICENSES', 'MONTHLY COST (EXCL. VAT)']) {
      expect(mail.html).toContain(`>${column}</th>`);
    }
    expect(mail.html).toContain('<td align="right" nowrap>$6.30<br>$0.00<br>N/A</td>');
    expect(mail.html).toContain('>3 accounts</div>');
    expect(mail.html).toContain('>Monthly total (excl. VAT): $12.60</div>');
  });

  it('shades every other row', async () => {
    const { html } = await fr.siteReport(sample());
    const rows = [...html.matchAll(/<tr( bgcolor="#[0-9a-f]{6}")? valign="top"><td>(\w+)/g)].map((m) => [m[2], m[1] ?? '']);
    expect(rows).toEqual([
      ['Dupont', ''],
      ['Martin', ' bgcolor="#eef3f8"'],
      ['Smith', ''],
    ]);
  });

  it('marks disabled accounts and guests beside the name', async () => {
    const frHtml = (await fr.siteReport(sample())).html;
    expect(frHtml).toMatch(/<td>Martin <span style="[^"]+">Désactivé<\/span><\/td>/);
    expect(frHtml).toMatch(/<td>Smith <span style="[^"]+">Invité<\/span><\/td>/);
    expect(frHtml).toContain('<td>Dupont</td>');
    const enHtml = (await en.siteReport(sample())).html;
    expect(enHtml).toMatch(/Martin <span[^>]*>Disabled<\/span>/);
    expect(enHtml).toMatch(/Smith <span[^>]*>Guest<\/span>/);
  });

  it('shows N/A alone in the price column for an account without a license', async () => {
    const { html } = await fr.siteReport(sample());
    expect(html).toContain('<td nowrap>Aucune licence</td><td align="right" nowrap>N/A</td></tr>');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
    ['{{subject}} {{#rows}}', '{{subject}} {{#rows}}'],
    ['</mj-text></mj-column>', '&lt;/mj-text&gt;&lt;/mj-column&gt;'],
  ])('shows a job title %j as text, never as markup or template syntax', async (jobTitle, shown) => {
    const { html } = await fr.siteReport(report([row({ jobTitle })]));
    expect(html).toContain(`<td>${shown}</td>`);
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
    expect(mail.html).toContain(`<td>${'y'.repeat(199)}…</td>`);
    expect(mail.html).not.toContain('y'.repeat(200));
    expect(mail.html).toContain('word-break: break-word');
    const attachment = mail.attachments[0];
    expect(attachment && decodeCsv(attachment.content).text).toContain(jobTitle);
  });

  it('keeps an address on one line, cutting an absurdly long one in the mail but not in the CSV', async () => {
    const email = `${'z'.repeat(80)}@contoso.fr`;
    const mail = await fr.siteReport(report([row({ email })]));
    expect(mail.html).toContain(`<td class="addr">${'z'.repeat(49)}…</td>`);
    expect(mail.html).toContain('.report td.addr { white-space: nowrap;');
    const attachment = mail.attachments[0];
    expect(attachment && decodeCsv(attachment.content).text).toContain(email);
  });

  it('always attaches the full list as CSV', async () => {
    const mail = await fr.siteReport(sample());
    expect(mail.attachments.map((a) => a.name)).toEqual(['comptes-SIEGE-2026-11.csv']);
  });

  it('says so when the group has no account', async () => {
    const mail = await fr.siteReport(report([]));
    expect(mail.html).toContain('<td colspan="7">Aucun compte dans le groupe de cet établissement.</td>');
    expect(mail.html).toContain('>0 compte</div>');
  });

  it('names the accounts that could not be exported', async () => {
    const mail = await fr.siteReport(report([row()], { skipped: [{ userId: 'u-x', name: 'Zoé Leroy', reason: 'HTTP 500' }] }));
    // The apostrophe is escaped like every other value character.
    expect(mail.html).toContain('1 compte n&#39;a pas pu être exporté : Zoé Leroy.');
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
    expect(mail.html).toContain(
      'Cet établissement compte 5\u202f000 comptes : seuls les 300 premiers sont affichés ci-dessous. ' +
        'La liste complète est dans le fichier joint comptes-SIEGE-2026-11.csv.',
    );
    // E3 on every account (6,30 € x 5,000), Power BI on 2 of 3, Visio on 1 of 3 with no price.
    expect(mail.html).toContain('<td>Office 365 E3</td><td align="right" nowrap>5\u202f000</td><td align="right" nowrap>31\u202f500,00\u00a0€</td>');
    expect(mail.html).toContain('<td>Power BI (free)</td><td align="right" nowrap>3\u202f333</td><td align="right" nowrap>0,00\u00a0€</td>');
    expect(mail.html).toContain('<td>VISIOCLIENT</td><td align="right" nowrap>1\u202f666</td><td align="right" nowrap>N/A</td>');
    expect(mail.html).toContain('>5\u202f000 comptes</div>');
    expect(mail.html).toContain('>Total mensuel HT : 31\u202f500,00\u00a0€</div>');
    expect(mail.html.match(/valign="top"><td>Nom-/g)).toHaveLength(300);
    expect(mail.html).toContain('<td>Éducateur spécialisé</td><td>Siège social</td><td nowrap>Office 365 E3<br>Power BI (free)</td>');
    expect(mail.html).toContain('<td>Nom-299</td>');
    expect(mail.html).not.toContain('<td>Nom-300</td>');

    const attachment = mail.attachments[0];
    expect(attachment).toBeDefined();
    const { text } = decodeCsv(attachment?.content ?? new Uint8Array());
    const lines = text.replace(/\r\n$/, '').split('\r\n');
    expect(lines).toHaveLength(5001);
    expect(lines[5000]).toMatch(/^Nom-4999;/);
  });

  it('shows fewer rows when long values would push the body past Gmail\'s clipping size', async () => {
    const heavy = largeReport(300);
    for (const r of heavy.rows) r.jobTitle = 'Responsable '.repeat(40);
    const renderer = await createRenderer(ctxFor('fr-FR', { mailBodyMaxRows: 300 }));
    const mail = await renderer.siteReport(heavy);
    expect(Buffer.byteLength(mail.html, 'utf8')).toBeLessThan(100_000);
    const shown = mail.html.match(/valign="top"><td>Nom-/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(50);
    expect(shown).toBeLessThan(300);
    expect(mail.html).toContain(`seuls les ${shown} premiers sont affichés ci-dessous`);
    expect(mail.attachments[0]?.name).toBe('comptes-SIEGE-2026-11.csv');
  });

  it('shows the whole list and no summary when the site fits the body', async () => {
    const renderer = await createRenderer(ctxFor('fr-FR', { mailBodyMaxRows: 3 }));
    const { html } = await renderer.siteReport(largeReport(3));
    expect(html).not.toContain('fichier joint');
    expect(html.match(/valign="top"><td>Nom-/g)).toHaveLength(3);
  });
});
