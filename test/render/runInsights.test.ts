import { beforeAll, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/ports.js';
import { createRenderer } from '../../src/render/createRenderer.js';
import type { RunWarning } from '../../src/types.js';
import { ctxFor, outcome, runResult } from './fixtures.js';
import { runInsights } from './insightFixtures.js';

let fr: Renderer;
let en: Renderer;
beforeAll(async () => {
  fr = await createRenderer(ctxFor('fr-FR'));
  en = await createRenderer(ctxFor('en-US', { currency: 'EUR', timeZone: 'Europe/Paris' }));
});

const summary = (renderer: Renderer, insights = runInsights(), warnings: RunWarning[] = []) =>
  renderer.runSummary(
    runResult([outcome({ monthlyCostCents: 2_630 }), outcome({ code: 'APF', name: 'APF', monthlyCostCents: 1_260 })], { insights, warnings }),
  );
const NBSP = '\u00a0';
const grey = (text: string) => `<span style="color:#52606d">${text}</span>`;
const small = (text: string) => ` <span style="color:#52606d;font-size:12px">${text}</span>`;
/** A figure on the right of a block: this month's cost, and the difference in colour. */
const figure = (now: string, color?: string, change?: string) =>
  `<td align="right" valign="top" nowrap><b>${now}</b>${color ? `<br><span style="color:${color}">${change}</span>` : ''}</td>`;
const account = (name: string, lines: string, total: string) => `<b>${name}</b>${lines}</td><td align="right" valign="bottom" nowrap><b>${total}</b></td></tr>`;
const RISE = '#b42318';
const SAVING = '#1e7b34';

describe('run summary: seats, coverage, costs against last month', () => {
  it('shows seats purchased vs assigned per license and the monthly cost of the idle ones, with the total (French)', async () => {
    const { html } = await summary(fr);
    expect(html).toContain('>Licences achetées et attribuées</div>');
    const seats = (text: string) =>
      grey(
        text
          .replaceAll(' ', NBSP)
          .replaceAll(`${NBSP}·${NBSP}`, ` ·${NBSP}`)
          .replace(/·\u00a0/g, '· '),
      );
    expect(html).toContain(
      `<td>Office 365 E3${small('ENTERPRISEPACK')}<br>${seats('12 achetées · 7 attribuées · 5 inutilisées × 6,30 €')}</td>` +
        `<td align="right" valign="bottom" nowrap><b>31,50${NBSP}€</b></td>`,
    );
    expect(html).toContain('<br><span style="color:#a15c00">état : Suspended</span><br>');
    expect(html).toContain(`1${NBSP}inutilisée${NBSP}×${NBSP}4,60${NBSP}€`);
    expect(html).toContain(
      `<td>Visio Plan 2${small('VISIOCLIENT')}<br>${seats('3 achetées · 2 attribuées · 1 inutilisée × N/A')}</td><td align="right" valign="bottom" nowrap><b>N/A</b></td>`,
    );
    expect(html).toContain(
      '<b>Coût mensuel total des licences inutilisées</b></td><td align="right" valign="bottom" nowrap style="border-top:1px solid #c5ced8"><b>36,10\u00a0€</b></td>',
    );
    // What idle seats cost most comes first.
    expect(html.indexOf('>Office 365 E3 <span')).toBeLessThan(html.indexOf('>Microsoft 365 Business Premium <span'));
  });

  it('shows the same seats in English with euro amounts', async () => {
    const { html } = await summary(en);
    expect(html).toContain('>Licenses purchased and assigned</div>');
    expect(html).toContain(`5${NBSP}idle${NBSP}×${NBSP}€6.30</span></td><td align="right" valign="bottom" nowrap><b>€31.50</b></td>`);
    expect(html).toContain(
      '<b>Total monthly cost of idle seats</b></td><td align="right" valign="bottom" nowrap style="border-top:1px solid #c5ced8"><b>€36.10</b></td>',
    );
  });

  it.each([
    ['fr-FR', ['2 attribuées de plus qu&#39;achetées', '3 en période de grâce (avertissement)', '25 suspendues', '1 bloquée (abonnement résilié)']],
    ['en-US', ['2 more assigned than purchased', '3 in grace period (warning)', '25 suspended', '1 locked out (subscription cancelled)']],
  ] as const)('says how a SKU is over-assigned and which seats are in grace period, suspended or locked out (%s)', async (locale, texts) => {
    const over = {
      skuId: 'sku-bi',
      skuPartNumber: 'POWER_BI_PRO',
      label: 'Power BI Pro',
      capabilityStatus: 'Enabled',
      purchased: 3,
      assigned: 5,
      idle: 0,
      overAssigned: 2,
      warning: 3,
      suspended: 25,
      lockedOut: 1,
      unitPriceCents: 340,
      idleCostCents: 0,
    };
    const { html } = await summary(locale === 'fr-FR' ? fr : en, runInsights({ seats: [over] }));
    for (const text of texts) expect(html).toContain(`<br><span style="color:#a15c00">${text}</span>`);
    // Missing seats are said first, in the subscription's status lines, before the seat counts.
    expect(html.indexOf(texts[0])).toBeLessThan(html.indexOf(locale === 'fr-FR' ? `3${NBSP}achetées` : `3${NBSP}purchased`));
  });

  it('lists licensed accounts in no site with their cost, and accounts in several sites counted once, saying so', async () => {
    const { html } = await summary(fr);
    expect(html).toContain('>2 comptes sous licence rattachés à aucun établissement — 10,90\u00a0€ par mois</div>');
    expect(html).toContain(account('Admin M365', `${grey('<br>admin.m365@contoso.fr')}<br>Office 365 E3${NBSP}·${NBSP}6,30${NBSP}€`, `6,30${NBSP}€`));
    expect(html).toMatch(/<b>Ancien Directeur<\/b> <span style="[^"]+">Désactivé<\/span>/);
    expect(html).toContain('>1 compte présent dans plusieurs établissements</div>');
    expect(html).toContain(
      account('Claire Psy', `${grey('<br>claire.psy@contoso.fr')}<br><span style="color:#8a4b00">Établissements : DDA31, DDA32</span>`, `6,30${NBSP}€`),
    );
    expect(html).toContain(
      'Leur coût n&#39;est compté qu&#39;une fois dans le total de l&#39;organisation : 43,50\u00a0€ (somme des établissements) − 6,30\u00a0€ (comptés plusieurs fois) = 37,20\u00a0€.',
    );
    expect(html).toContain(
      'chacun compté une fois (établissements et hors établissement)</td><td align="right" style="border-bottom:1px solid #e3e8ee"><b>48,10\u00a0€</b>',
    );
    const english = await summary(en);
    expect(english.html).toContain('>2 licensed accounts in no site — €10.90 a month</div>');
    expect(english.html).toContain(
      'Their cost is counted once in the organisation total: €43.50 (sum of the sites) − €6.30 (counted more than once) = €37.20.',
    );
  });

  it('compares the cost by site and by license with last month, a rise in red, a saving in green', async () => {
    const { html } = await summary(fr);
    // Each site's block: its cost last month on the left, this month and the difference on the right.
    const site = (c: string, then: string, now: string, color: string, change: string) =>
      `${c}</span><br><span style="color:#1e7b34">OK</span>${grey(` · 35/35${NBSP}comptes · 2${NBSP}min 12${NBSP}s<br>octobre 2026 : ${then}`)}</td>${figure(now, color, change)}`;
    expect(html).toContain(site('SIEGE', `20,00${NBSP}€`, `26,30${NBSP}€`, RISE, `+6,30${NBSP}€`));
    expect(html).toContain(site('APF', `18,90${NBSP}€`, `12,60${NBSP}€`, SAVING, `-6,30${NBSP}€`));
    expect(html).toContain(`NEW</span>${grey('<br>octobre 2026 : —')}</td>${figure(`4,60${NBSP}€`, '#52606d', 'nouveau')}`);
    expect(html).toContain(
      `<b>Total</b>${grey(`<br>octobre 2026 : 38,90${NBSP}€`)}</td><td align="right" valign="top" nowrap style="border-top:1px solid #c5ced8"><b>43,50${NBSP}€</b><br><span style="color:${RISE}">+4,60${NBSP}€</span></td>`,
    );
    expect(html).toContain('>Coût mensuel par licence (chaque compte compté une fois)</div>');
    expect(html).toContain('>LICENCE · MOIS PRÉCÉDENT</th>');
    expect(html).toContain('>COÛT MENSUEL HT · ÉCART</th>');
    expect(html).toContain(`<td>Power BI Pro${grey(`<br>octobre 2026 : 3,40${NBSP}€`)}</td>${figure(`0,00${NBSP}€`, SAVING, `-3,40${NBSP}€`)}`);
    expect(html).toContain(
      `<b>Total</b>${grey(`<br>octobre 2026 : 28,60${NBSP}€`)}</td><td align="right" valign="top" nowrap style="border-top:1px solid #c5ced8"><b>31,50${NBSP}€</b><br><span style="color:${RISE}">+2,90${NBSP}€</span></td>`,
    );
    const english = await summary(en);
    expect(english.html).toContain('>LICENSE · PREVIOUS MONTH</th>');
    expect(english.html).toContain(
      `SIEGE</span><br><span style="color:#1e7b34">OK</span>${grey(` · 35/35${NBSP}accounts · 2${NBSP}min 12${NBSP}s<br>October 2026: €20.00`)}`,
    );
    expect(english.html).toContain(`<td>Power BI Pro${grey('<br>October 2026: €3.40')}</td>${figure('€0.00', SAVING, '-€3.40')}`);
  });

  it.each([
    ['fr-FR', 'Premier mois : rien à comparer pour l&#39;instant.'],
    ['en-US', 'First month: nothing to compare with yet.'],
  ] as const)('says on the first run (%s) there is nothing to compare with yet, and shows this month only', async (locale, sentence) => {
    const { html } = await summary(
      locale === 'fr-FR' ? fr : en,
      runInsights({ previousPeriod: null, costBySite: [], costByLicense: [{ skuId: 'sku-e3', label: 'Office 365 E3', nowCents: 3_150, thenCents: null }] }),
    );
    expect(html).toContain(sentence);
    expect(html).not.toMatch(/octobre|October|nouveau|>new</);
    expect(html).toContain(`<td>Office 365 E3<span style="color:#52606d"></span></td>${figure(locale === 'fr-FR' ? `31,50${NBSP}€` : '€31.50')}</tr>`);
  });

  it('totals the organisation counting an account in several sites once, beside the sum of the site totals', async () => {
    const result = (insights: ReturnType<typeof runInsights>) => runResult([outcome(), outcome({ code: 'APF', name: 'APF' })], { insights });
    const total = (label: string, value: string) =>
      `<td style="border-bottom:1px solid #e3e8ee">${label}</td><td align="right" style="border-bottom:1px solid #e3e8ee"><b>${value}</b></td>`;
    const { html } = await fr.runSummary(result(runInsights()));
    const sitesSum = (await fr.runSummary(result(runInsights({ multiSite: [], overcountCents: 0 })))).html;
    const plain = />Coût mensuel total HT<\/td><td align="right" style="[^"]+"><b>([^<]+)<\/b>/.exec(sitesSum)?.[1];
    expect(plain).toBeDefined();
    expect(html).toContain(total('Somme des totaux des établissements HT', plain!));
    expect(html).toContain(total('Coût mensuel total HT, chaque compte compté une fois', '37,20\u00a0€'));
    expect(html).not.toContain('>Coût mensuel total HT</td>');
    // The first screen shows the total counting each account once.
    expect(html).toContain('>37,20\u00a0€</div>');
    expect((await en.runSummary(result(runInsights()))).html).toContain(total('Total monthly cost (excl. VAT), each account counted once', '€37.20'));
  });

  it('says an account in several sites holding only free licenses counts nothing twice, without a formula of zeros', async () => {
    const free = runInsights({
      multiSite: [
        { userId: 'u-psy', name: 'Claire Psy', email: 'claire.psy@contoso.fr', siteCodes: ['DDA31', 'DDA32'], monthlyCostCents: 0, overcountCents: 0 },
      ],
      sitesTotalCents: 3_720,
      overcountCents: 0,
    });
    const { html } = await summary(fr, free);
    expect(html).toContain(
      '<b>Claire Psy</b><span style="color:#52606d"><br>claire.psy@contoso.fr</span><br><span style="color:#8a4b00">Établissements : DDA31, DDA32</span>',
    );
    expect(html).toContain('Leur coût n&#39;est compté qu&#39;une fois dans le total de l&#39;organisation ; leurs licences sont gratuites');
    expect(html).not.toContain('(comptés plusieurs fois)');
    expect((await summary(en, free)).html).toContain('their licenses are free, so the sum of the sites counts nothing twice.');
  });

  it('says coverage is not computed for a run limited to some sites', async () => {
    const partial = runInsights({ scope: 'some-sites', coverageCheck: 'unavailable', uncovered: [], uncoveredCostCents: 0 });
    const { html } = await summary(fr, partial);
    expect(html).toContain('Couverture non calculée : l&#39;exécution était limitée à certains établissements.');
    expect(html).toContain('Exécution limitée à certains établissements : ces coûts ne portent que sur eux.');
    expect(html).not.toContain('rattachés à aucun établissement');
    expect(html).not.toContain('Coût mensuel de tous les comptes sous licence');
    expect((await summary(en, partial)).html).toContain('Coverage not computed: the run was limited to some sites.');
  });

  it('says when the tenant’s licensed accounts could not be read', async () => {
    const { html } = await summary(fr, runInsights({ coverageCheck: 'unavailable', uncovered: [], uncoveredCostCents: 0 }));
    expect(html).toContain('Couverture non calculée : les comptes sous licence du locataire n&#39;ont pas pu être lus.');
    expect(html).not.toContain('Coût mensuel de tous les comptes sous licence');
  });

  it('names the sites without a report whose members may show as in no site', async () => {
    const { html } = await summary(fr, runInsights({ incompleteSites: ['FLP'] }));
    expect(html).toContain('Établissements sans rapport ce mois-ci (FLP) : leurs membres peuvent figurer dans cette liste.');
  });

  it.each([
    [
      'fr-FR',
      'Comptes inactifs non vérifiés : la lecture de la dernière connexion (signInActivity) est refusée. Il faut la permission AuditLog.Read.All et une licence Entra ID P1.',
    ],
    [
      'en-US',
      'Inactive accounts not checked: reading the last sign-in (signInActivity) is refused. It needs the AuditLog.Read.All permission and an Entra ID P1 license.',
    ],
  ] as const)('says (%s) the inactivity check needs AuditLog.Read.All and Entra ID P1 when refused', async (locale, sentence) => {
    const { html } = await summary(locale === 'fr-FR' ? fr : en, runInsights({ inactivityCheck: 'unavailable', inactivityUnavailable: 'forbidden' }));
    expect(html).toContain(sentence);
  });

  it('says when Microsoft’s product names come from an older copy or are missing', async () => {
    const cached = await summary(fr, runInsights({ productNamesSource: 'cache', productNamesFetchedAt: '2026-10-01T06:00:00Z' }));
    expect(cached.html).toContain('Noms commerciaux Microsoft : copie du 1 oct. 2026 (le téléchargement de ce mois-ci a échoué).');
    const none = await summary(en, runInsights({ productNamesSource: 'none' }));
    expect(none.html).toContain('Microsoft&#39;s product names unavailable');
  });

  it('shows unpriced licenses with Microsoft’s name and account count, and duplicate price rows, in the mail’s language', async () => {
    const warnings: RunWarning[] = [
      {
        code: 'unpriced-sku',
        message: 'License VISIOCLIENT (Visio Plan 2) has no row in the price list: shown as N/A for 3 accounts',
        details: { sku: 'VISIOCLIENT', skuId: 'c5928f49', accounts: 3, productName: 'Visio Plan 2' },
      },
      { code: 'unpriced-sku', message: 'License ODD has no row', details: { sku: 'ODD', skuId: 'x', accounts: 1 } },
      {
        code: 'duplicate-price-rows',
        message: 'License PROJECTPROFESSIONAL matches 2 price rows',
        details: {
          sku: 'PROJECTPROFESSIONAL',
          skuId: 'y',
          accounts: 2,
          rows: [
            { rowId: 12, name: 'Project Plan 3' },
            { rowId: 13, name: 'Project Online Professional' },
          ],
        },
      },
      { code: 'price-row-ignored', message: 'Price list, row 14: MonthlyPrice "abc" is not a price', details: { rowId: 14 } },
    ];
    const { html } = await summary(fr, runInsights(), warnings);
    const li = (text: string) => `<li style="margin:0 0 6px">${text}</li>`;
    expect(html).toContain(li('VISIOCLIENT (Visio Plan 2) — 3 comptes'));
    expect(html).toContain(li('ODD — 1 compte'));
    expect(html).toContain(li('PROJECTPROFESSIONAL — 2 comptes — ligne 12 «\u00a0Project Plan 3\u00a0», ligne 13 «\u00a0Project Online Professional\u00a0»'));
    // Without the details to say it in words, the core's message stands.
    expect(html).toContain('Price list, row 14: MonthlyPrice &quot;abc&quot; is not a price');
    const english = await summary(en, runInsights(), warnings);
    expect(english.html).toContain(li('VISIOCLIENT (Visio Plan 2) — 3 accounts'));
    expect(english.html).toContain('row 12 &quot;Project Plan 3&quot;');
  });

  it('puts what to act on first (warnings and checks, savings), then the totals, the sites, costs, seats and coverage', async () => {
    const { html } = await summary(fr, runInsights({ inactivityCheck: 'unavailable', inactivityUnavailable: 'forbidden' }), [
      { code: 'unpriced-sku', message: 'm', details: { sku: 'VISIOCLIENT', accounts: 3 } },
    ]);
    const order = [
      '>COÛT MENSUEL TOTAL HT</div>',
      '>Avertissements</div>',
      'Comptes inactifs non vérifiés',
      '>Économies possibles</div>',
      '>Totaux</div>',
      '>Établissements (3)</div>',
      '>Coût mensuel par licence',
      '>Licences achetées et attribuées</div>',
      '>Comptes sous licence et établissements</div>',
    ].map((text) => html.indexOf(text));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows nothing of the insights when the run has none', async () => {
    const { html } = await fr.runSummary(runResult([outcome()]));
    expect(html).not.toMatch(/Coût mensuel par licence|Licences achetées|Comptes sous licence|Comptes inactifs|Économies possibles/);
  });

  it('bounds the list of accounts in no site and escapes their names', async () => {
    const hostile = '<b onmouseover=alert(1)>x</b>';
    const uncovered = Array.from({ length: 120 }, (_, i) => ({
      userId: `u${i}`,
      name: i === 0 ? hostile : `Compte ${i}`,
      email: `c${i}@contoso.fr`,
      disabled: false,
      guest: true,
      licenses: [],
      monthlyCostCents: 0,
    }));
    const { html } = await summary(fr, runInsights({ uncovered }));
    expect(html).toContain('>120 comptes sous licence rattachés à aucun établissement — 10,90\u00a0€ par mois</div>');
    expect(html).toContain('>… et 70 autres</div>');
    expect(html).toContain('<b>&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;</b>');
    expect(html).not.toContain('<b onmouseover');
  });
});
