// Issue 15 in both mails: the site's possible savings on its first screen and its accounts to review
// with one reason per line (redundant license, assignment error included); the summary's savings
// (per month and per year, each account once), top sites, subscriptions to act on, assignment errors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/ports.js';
import { createRenderer } from '../../src/render/createRenderer.js';
import { ctxFor, decodeCsv, outcome, report, row, runResult } from './fixtures.js';
import { wasteSite } from './mailFixtures.js';
import { assignmentError, runInsights, runWaste, savings, siteInsights, siteSavings, subscriptionAttention } from './insightFixtures.js';

let fr: Renderer;
let en: Renderer;
beforeAll(async () => {
  fr = await createRenderer(ctxFor('fr-FR'));
  en = await createRenderer(ctxFor('en-US', { currency: 'EUR', timeZone: 'Europe/Paris' }));
});

const NBSP = '\u00a0';
const note = (text: string) => `<br><span style="color:#8a4b00">${text}</span>`;

describe('site mail: possible savings and the reasons to review', () => {
  it('puts the possible savings per month and per year under the total (French)', async () => {
    const { html } = await fr.siteReport(wasteSite());
    expect(html).toContain(
      `>Économies possibles : <b style="color:#1d4f91">10,00${NBSP}€</b> par mois<br><span style="color:#52606d">soit 120,00${NBSP}€ par an</span></div>`,
    );
    // On the first screen: before the attachment note and the lists.
    expect(html.indexOf('Économies possibles')).toBeLessThan(html.indexOf('est jointe au format CSV'));
  });

  it('says so when there is nothing to save, and nothing at all without insights', async () => {
    const none = report([row()], { insights: siteInsights({ review: [], savings: savings([['disabled', 0, 0]]) }) });
    expect((await fr.siteReport(none)).html).toContain('>Économies possibles : aucune repérée ce mois-ci.</div>');
    expect((await en.siteReport(none)).html).toContain('>Possible savings: none found this month.</div>');
    expect((await fr.siteReport(report([row()]))).html).not.toContain('Économies possibles');
  });

  it('shows each account once, one line per reason: redundant license with its price, assignment error in words with its group', async () => {
    const { html } = await fr.siteReport(wasteSite());
    expect(html).toContain('>Comptes à vérifier (2)</div>');
    const jeanne = html.slice(html.indexOf('<b>Dupont Jeanne</b>'), html.indexOf('</tr>', html.indexOf('<b>Dupont Jeanne</b>')));
    expect(jeanne).toContain(
      note(`Licence en double : Exchange Online (Plan 1) (3,70${NBSP}€ par mois), déjà comprise dans Office 365 E3`) +
        note(`Licence Power BI Pro non attribuée : plus assez de licences disponibles (CountViolation) — groupe «${NBSP}Licences Power BI${NBSP}»`),
    );
    // The review list holds Jeanne once although she has two reasons.
    const review = html.slice(html.indexOf('>Comptes à vérifier'), html.indexOf('>Changements depuis'));
    expect(review.match(/<b>Dupont Jeanne<\/b>/g)).toHaveLength(1);
  });

  it('says the same in English', async () => {
    const { html } = await en.siteReport(wasteSite());
    expect(html).toContain(`>Possible savings: <b style="color:#1d4f91">€10.00</b> a month<br><span style="color:#52606d">that is €120.00 a year</span></div>`);
    expect(html).toContain('>Accounts to review (2)</div>');
    expect(html).toContain(note('Redundant license: Exchange Online (Plan 1) (€3.70 a month), already included in Office 365 E3'));
    expect(html).toContain(note('License Power BI Pro not assigned: not enough licenses available (CountViolation) — group &quot;Licences Power BI&quot;'));
  });

  it('writes the reasons in the CSV column after the state, in the mail’s words', async () => {
    const csv = (await fr.siteReport(wasteSite())).attachments[0];
    const lines = decodeCsv(csv?.content ?? new Uint8Array()).text.split('\r\n');
    expect(lines[0]).toBe('NOM;PRÉNOM;EMAIL;POSTE;ÉTABLISSEMENT;LICENCES;TARIF HT;ÉTAT;À VÉRIFIER');
    const dupont = lines.find((line) => line.startsWith('Dupont;'));
    expect(dupont).toBe(
      `Dupont;Jeanne;jeanne.dupont@contoso.fr;Éducatrice spécialisée;Siège social;Office 365 E3 + Exchange Online (Plan 1);10,00;;` +
        `Licence en double : Exchange Online (Plan 1) (3,70${NBSP}€ par mois), déjà comprise dans Office 365 E3 | Licence Power BI Pro non attribuée : plus assez de licences disponibles (CountViolation) — groupe «${NBSP}Licences Power BI${NBSP}»`,
    );
    const english = decodeCsv((await en.siteReport(wasteSite())).attachments[0]?.content ?? new Uint8Array()).text.split('\r\n');
    expect(english[0]).toBe('LAST NAME,FIRST NAME,EMAIL,JOB TITLE,SITE,LICENSES,MONTHLY COST (EXCL. VAT),STATE,TO REVIEW');
    expect(english.find((line) => line.startsWith('Castaing,'))).toMatch(/,Disabled,Disabled account still holding a paid license$/);
  });
});

const summary = (renderer: Renderer, waste = runWaste(), extra: Parameters<typeof runInsights>[0] = {}) =>
  renderer.runSummary(
    runResult([outcome({ monthlyCostCents: 2_630 }), outcome({ code: 'APF', name: 'APF', monthlyCostCents: 1_260 })], {
      insights: runInsights({ waste, ...extra }),
    }),
  );
const line = (label: string, month: string, year: string) =>
  `<td style="border-bottom:1px solid #e3e8ee">${label}</td><td align="right" valign="top" nowrap style="border-bottom:1px solid #e3e8ee"><b>${month}</b><br><span style="color:#52606d;font-size:13px">${year}</span></td>`;

describe('run summary: possible savings, top sites, subscriptions, assignment errors', () => {
  it('gives the organisation’s headline per month and per year, then each category (French)', async () => {
    const { html } = await summary(fr);
    expect(html).toContain(
      `<b style="font-size:22px;line-height:30px;color:#1d4f91">69,60${NBSP}€ par mois</b><br><span style="color:#52606d">soit 835,20${NBSP}€ par an</span>`,
    );
    expect(html).toContain(line('6 licences achetées mais attribuées à personne', `36,10${NBSP}€`, `433,20${NBSP}€${NBSP}/${NBSP}an`));
    expect(html).toContain(line('2 comptes désactivés avec des licences payantes', `10,90${NBSP}€`, `130,80${NBSP}€${NBSP}/${NBSP}an`));
    expect(html).toContain(line('1 compte jamais utilisé', `6,30${NBSP}€`, `75,60${NBSP}€${NBSP}/${NBSP}an`));
    expect(html).toContain(line(`2 comptes inactifs depuis plus de 90${NBSP}jours`, `12,60${NBSP}€`, `151,20${NBSP}€${NBSP}/${NBSP}an`));
    expect(html).toContain(line('1 licence en double (déjà comprise dans une autre licence du compte)', `3,70${NBSP}€`, `44,40${NBSP}€${NBSP}/${NBSP}an`));
    // On the first screen too, and the total per year (the organisation's, each account once: 37,20 €).
    expect(html).toContain(`<div>Soit 446,40${NBSP}€ par an</div>`);
    expect(html).toContain(`<div>Économies possibles : 69,60${NBSP}€ par mois, soit 835,20${NBSP}€ par an</div>`);
  });

  it('ranks the sites by possible savings, with what they are made of, leaving out sites with nothing to save', async () => {
    const { html } = await summary(fr);
    expect(html).toContain('>Établissements où les économies possibles sont les plus fortes</div>');
    expect(html).toContain(
      `<td><b>Siège social</b> <span style="color:#52606d;font-size:12px">SIEGE</span><span style="color:#52606d"><br>1 désactivé · 1 jamais utilisé · 2 inactifs · 1 licence en double</span></td>` +
        `<td align="right" valign="top" nowrap><b>28,90${NBSP}€</b><br><span style="color:#52606d">346,80${NBSP}€${NBSP}/${NBSP}an</span></td>`,
    );
    const top = html.slice(html.indexOf('les plus fortes</div>'), html.indexOf('>Abonnements à surveiller'));
    expect(top).not.toContain('<b>APF</b>');
  });

  it('lists the subscriptions to act on: status, next date, seats and the cost at stake (French and English)', async () => {
    const { html } = await summary(fr);
    expect(html).toContain('>Abonnements à surveiller (3)</div>');
    expect(html).toContain(
      `<td>Visio Plan 2 <span style="color:#52606d;font-size:12px">VISIOCLIENT</span><br><span style="color:#a15c00">Expiré, en période de grâce</span>` +
        `<span style="color:#52606d"><br>Suspension le 21 nov. 2026 (dans 19${NBSP}jours)<br>4${NBSP}licences${NBSP}×${NBSP}N/A</span></td><td align="right" valign="top" nowrap><b>N/A</b></td>`,
    );
    expect(html).toContain(
      `<br>Échéance (renouvellement ou fin) le 26 nov. 2026 (dans 24${NBSP}jours)<br>12${NBSP}licences${NBSP}×${NBSP}6,30${NBSP}€</span></td><td align="right" valign="top" nowrap><b>75,60${NBSP}€</b><br><span style="color:#52606d">907,20${NBSP}€${NBSP}/${NBSP}an</span></td>`,
    );
    expect(html).toContain(
      `<span style="color:#1d4f91">Version d&#39;essai</span><span style="color:#52606d"><br>Fin de l&#39;essai le 1 déc. 2026 (dans 29${NBSP}jours)`,
    );
    const english = (await summary(en)).html;
    expect(english).toContain('>Subscriptions to watch (3)</div>');
    expect(english).toContain(`<br>Suspended on Nov 21, 2026 (in 19${NBSP}days)<br>4${NBSP}licenses${NBSP}×${NBSP}N/A`);
    expect(english).toContain(`<br>Expires unless renewed on Nov 26, 2026 (in 24${NBSP}days)`);
  });

  it('says the subscriptions are unavailable, naming Organization.Read.All, when Graph refuses them', async () => {
    const waste = runWaste({ subscriptionsCheck: 'unavailable', subscriptionsUnavailable: 'forbidden', subscriptions: [] });
    const { html } = await summary(fr, waste);
    expect(html).toContain('>Abonnements à surveiller (0)</div>');
    expect(html).toContain('Il faut la permission Microsoft Graph Organization.Read.All.');
    // And among the checks that could not run, with the warnings.
    expect(html).toContain(
      'Abonnements non vérifiés : la lecture de /directory/subscriptions est refusée. Il faut la permission Organization.Read.All (facultative).',
    );
    expect((await summary(en, waste)).html).toContain('It needs the Microsoft Graph permission Organization.Read.All.');
    const none = (await summary(fr, runWaste({ subscriptions: [] }))).html;
    expect(none).toContain('Aucun abonnement à surveiller');
  });

  it('lists the assignment errors under the group at fault, named, then the direct ones', async () => {
    const { html } = await summary(fr);
    expect(html).toContain('>Erreurs d&#39;attribution de licence (2)</div>');
    const group = html.indexOf(`>Groupe «${NBSP}Licences Power BI - Contrôle de gestion${NBSP}»</div>`);
    const direct = html.indexOf('>Attributions directes</div>');
    expect(group).toBeGreaterThan(0);
    expect(direct).toBeGreaterThan(group);
    expect(html).toContain(
      `<b>Julie Martinez</b><span style="color:#52606d"><br>julie.martinez@contoso.fr<br>Établissements : CEFLP</span>${note('Licence Power BI Pro non attribuée : plus assez de licences disponibles (CountViolation)')}`,
    );
    expect(html).toContain(
      `<br>Hors établissement</span>${note('Licence Office 365 E3 non attribuée : un de ses services est incompatible avec une autre licence du compte (MutuallyExclusiveViolation)')}`,
    );
    const english = (await summary(en)).html;
    expect(english).toContain('>Group &quot;Licences Power BI - Contrôle de gestion&quot;</div>');
    expect(english).toContain(note('License Power BI Pro not assigned: not enough licenses available (CountViolation)'));
  });

  it('orders what to act on: warnings, savings, top sites, subscriptions, assignment errors, then the totals', async () => {
    const { html } = await summary(fr, runWaste(), { inactivityCheck: 'unavailable', inactivityUnavailable: 'forbidden' });
    const order = [
      '>Avertissements</div>',
      '>Économies possibles</div>',
      'les plus fortes</div>',
      '>Abonnements à surveiller',
      '>Erreurs d&#39;attribution',
      '>Totaux</div>',
    ].map((text) => html.indexOf(text));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Inactive accounts could not be judged: the savings say they are not counted.
    expect(html).toContain('Les comptes inactifs et jamais utilisés ne sont pas comptés');
  });

  it('names the pairs held on purpose (LICENSE_OVERLAP_EXCEPTIONS)', async () => {
    const { html } = await summary(
      en,
      runWaste({
        overlapExceptions: ['STANDARDPACK+ENTERPRISEPACK'],
        sites: [siteSavings('SIEGE', 'Siège social', 1, [['disabled', 1, 630]])],
        assignmentErrors: [assignmentError()],
        subscriptions: [subscriptionAttention()],
      }),
    );
    expect(html).toContain('License pairs held on purpose, never counted as redundant (LICENSE_OVERLAP_EXCEPTIONS): STANDARDPACK+ENTERPRISEPACK.');
  });
});
