import { beforeAll, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/ports.js';
import { MAX_BODY_BYTES, createRenderer } from '../../src/render/createRenderer.js';
import { E3, ctxFor, largeReport, report, row } from './fixtures.js';
import { arrival, changes, reviewItem, siteInsights } from './insightFixtures.js';

let fr: Renderer;
let en: Renderer;
beforeAll(async () => {
  fr = await createRenderer(ctxFor('fr-FR'));
  en = await createRenderer(ctxFor('en-US', { currency: 'EUR', timeZone: 'Europe/Paris' }));
});

const withInsights = (insights = siteInsights()) => report([row(), row({ userId: 'u-smith', lastName: 'Smith', licenses: [E3] })], { insights });
const cell = (text: string) => `<td>${text}</td>`;
const addrCell = (text: string) => `<td class="addr">${text}</td>`;
const money = (text: string) => `<td align="right" nowrap>${text}</td>`;

describe('site mail: changes since the last report and accounts to review', () => {
  it('shows arrivals, departures, license changes and the cost then, now and the difference (French)', async () => {
    const { html } = await fr.siteReport(withInsights());
    expect(html).toContain('>Changements depuis le rapport d&#39;octobre 2026</div>');
    expect(html).toContain('>Arrivée (1)</div>');
    expect(html).toContain(cell('Inès Garnier') + addrCell('ines.garnier@contoso.fr') + '<td><div>Office 365 E3</div></td>' + money('6,30\u00a0€'));
    expect(html).toContain('>Départ (1)</div>');
    expect(html).toContain(cell('Marc Blanc') + addrCell('marc.blanc@contoso.fr') + '<td><div>Microsoft 365 Business Premium</div></td>' + money('4,60\u00a0€'));
    expect(html).toContain('>Licence ajoutée ou retirée (1 compte)</div>');
    expect(html).toContain('<td><div>+ Power BI Pro (ajoutée)</div><div>− Office 365 E1 (retirée)</div></td>' + money('0,00\u00a0€ → 3,40\u00a0€'));
    expect(html).toContain('<td>Coût mensuel HT en octobre 2026</td><td align="right" nowrap><strong>20,00\u00a0€</strong></td>');
    expect(html).toContain('<td>Coût mensuel HT en novembre 2026</td><td align="right" nowrap><strong>26,30\u00a0€</strong></td>');
    expect(html).toContain('<td>Écart</td><td align="right" nowrap><strong>+6,30\u00a0€</strong></td>');
  });

  it('lists each account to review with its reason in words (French)', async () => {
    const { html } = await fr.siteReport(withInsights());
    expect(html).toContain('>Comptes à vérifier (4)</div>');
    expect(html).toContain('>MOTIF</th>');
    expect(html).toContain(cell('Bernard Castaing') + addrCell('bernard.castaing@contoso.fr') + cell('Compte désactivé qui détient encore une licence payante') + '<td><div>Office 365 E3</div></td>' + money('6,30\u00a0€'));
    expect(html).toContain(cell('Invité qui détient une licence payante'));
    expect(html).toContain(cell('Aucune connexion depuis plus de 90 jours (dernière le 1 sept. 2025)'));
    expect(html).toContain(cell('Jamais connecté (compte créé il y a plus de 90 jours)'));
    expect(html).not.toContain('Vérification des comptes inactifs indisponible');
  });

  it('says the same in English with US wording and euro amounts', async () => {
    const { html } = await en.siteReport(withInsights());
    expect(html).toContain('>Changes since the October 2026 report</div>');
    expect(html).toContain('>Arrival (1)</div>');
    expect(html).toContain(money('€6.30'));
    expect(html).toContain('<td>Difference</td><td align="right" nowrap><strong>+€6.30</strong></td>');
    expect(html).toContain(money('€0.00 → €3.40'));
    expect(html).toContain('>Accounts to review (4)</div>');
    expect(html).toContain(cell('Disabled account still holding a paid license'));
    expect(html).toContain(cell('No sign-in for more than 90 days (last on Sep 1, 2025)'));
    expect(html).toContain(cell('Never signed in (account older than 90 days)'));
  });

  it.each([
    ['fr-FR', [
      'Aucune connexion réussie depuis plus de 90 jours (dernière le 1 sept. 2025)',
      'Aucune connexion depuis plus de 90 jours (dernière tentative le 2 mars 2023)',
      'Aucune connexion réussie depuis le 1 déc. 2023 (seulement des tentatives échouées, dernière le 20 janv. 2026)',
      'Jamais connecté (compte créé il y a plus de 90 jours)',
    ]],
    ['en-US', [
      'No successful sign-in for more than 90 days (last on Sep 1, 2025)',
      'No sign-in for more than 90 days (last attempt on Mar 2, 2023)',
      'No successful sign-in since Dec 1, 2023 (failed attempts only, last on Jan 20, 2026)',
      'Never signed in (account older than 90 days)',
    ]],
  ] as const)('says which sign-in date each unused account was judged on (%s)', async (locale, texts) => {
    const review = [
      reviewItem({ userId: 'u1', reason: 'inactive', detail: '2025-09-01', lastSignInAt: '2025-09-01T10:00:00Z', signInBasis: 'successful' }),
      reviewItem({ userId: 'u2', reason: 'inactive', detail: '2023-03-02', lastSignInAt: '2023-03-02T10:00:00Z', signInBasis: 'attempt' }),
      reviewItem({ userId: 'u3', reason: 'inactive', detail: 'no successful sign-in since 2023-12-01', lastSignInAt: null, signInBasis: 'failed-attempts-only', lastAttemptAt: '2026-01-20T03:00:00Z' }),
      reviewItem({ userId: 'u4', reason: 'never-used', detail: 'never signed in', lastSignInAt: null }),
    ];
    const { html } = await (locale === 'fr-FR' ? fr : en).siteReport(withInsights(siteInsights({ review })));
    for (const text of texts) expect(html).toContain(cell(text));
  });

  it('puts the changes first, then the accounts to review, then the account table and the total', async () => {
    const { html } = await fr.siteReport(withInsights());
    const at = (text: string) => html.indexOf(text);
    expect(at('Changements depuis')).toBeGreaterThan(at('>Siège social</div>'));
    expect(at('Comptes à vérifier')).toBeGreaterThan(at('Changements depuis'));
    expect(at("Comptes de l&#39;établissement")).toBeGreaterThan(at('Comptes à vérifier'));
    expect(at('>PRÉNOM</th>')).toBeGreaterThan(at("Comptes de l&#39;établissement"));
    expect(at('>Total mensuel HT')).toBeGreaterThan(at('>PRÉNOM</th>'));
  });

  it.each([
    ['fr-FR', 'Premier rapport pour cet établissement', 'Changements depuis le rapport'],
    ['en-US', 'First report for this site', 'Changes since the October'],
  ] as const)('says "first report" the first time (%s), with no lists and no cost comparison', async (locale, first, since) => {
    const renderer = locale === 'fr-FR' ? fr : en;
    const { html } = await renderer.siteReport(withInsights(siteInsights({ changes: { firstReport: true, arrived: [], left: [], licenseChanges: [], costNowCents: 2_630 } })));
    expect(html).toContain(first);
    expect(html).not.toContain(since);
    expect(html).not.toMatch(/Arrivée|Arrival|Écart|Difference/);
  });

  it('says briefly when the comparison could not be made, and when nothing changed', async () => {
    const unavailable = await fr.siteReport(withInsights(siteInsights({ changes: null, changesError: 'store down' })));
    expect(unavailable.html).toContain("La comparaison avec le rapport précédent n&#39;a pas pu être faite ce mois-ci.");
    expect(unavailable.html).not.toContain('store down');
    const quiet = await fr.siteReport(withInsights(siteInsights({ changes: changes({ arrived: [], left: [], licenseChanges: [], costThenCents: 2_630, deltaCents: 0 }) })));
    expect(quiet.html).toContain('Aucune arrivée, aucun départ, aucune licence ajoutée ou retirée.');
    expect(quiet.html).toContain('<td>Écart</td><td align="right" nowrap><strong>0,00\u00a0€</strong></td>');
  });

  it.each([
    ['fr-FR', 'forbidden', 'Vérification des comptes inactifs indisponible : le locataire Microsoft 365 ne permet pas de lire la dernière connexion des comptes (licence Entra ID P1 nécessaire).'],
    ['fr-FR', 'error', "Vérification des comptes inactifs indisponible ce mois-ci : la dernière connexion des comptes n&#39;a pas pu être lue."],
    ['en-US', 'forbidden', 'Inactive accounts check unavailable: the Microsoft 365 tenant does not allow reading the accounts&#39; last sign-in (an Entra ID P1 license is needed).'],
  ] as const)('says in %s when the inactivity check is unavailable (%s) and still lists the other accounts to review', async (locale, why, sentence) => {
    const renderer = locale === 'fr-FR' ? fr : en;
    const insights = siteInsights({ review: [reviewItem()], inactivityCheck: 'unavailable', inactivityUnavailable: why });
    const { html } = await renderer.siteReport(withInsights(insights));
    expect(html).toContain(sentence);
    expect(html).toContain(cell('Bernard Castaing'));
  });

  it('says there is nothing to review when the list is empty', async () => {
    const { html } = await fr.siteReport(withInsights(siteInsights({ review: [] })));
    expect(html).toContain('>Comptes à vérifier (0)</div>');
    expect(html).toContain('Aucun compte à vérifier ce mois-ci.');
    expect(html).not.toContain('>MOTIF</th>');
  });

  it('shows nothing of the insights, not even a heading, when they could not be read', async () => {
    const { html } = await fr.siteReport(report([row()]));
    expect(html).not.toMatch(/Changements|Premier rapport|Comptes à vérifier|Comptes de l&#39;établissement|>COMPTE<\/th>/);
    expect(html).toContain('<td>Dupont</td>');
  });

  it('bounds a long list, says how many more, and keeps the counts exact', async () => {
    const arrived = Array.from({ length: 5_000 }, (_, i) => arrival(i));
    const { html } = await fr.siteReport(withInsights(siteInsights({ changes: changes({ arrived, left: [], licenseChanges: [] }), review: [] })));
    expect(html).toContain('>Arrivées (5\u202f000)</div>');
    expect(html.match(/<td>Nouvelle Personne \d+<\/td>/g)).toHaveLength(50);
    expect(html).toContain('>… et 4\u202f950 autres</div>');
    const english = await en.siteReport(withInsights(siteInsights({ changes: changes({ arrived: arrived.slice(0, 51), left: [], licenseChanges: [] }), review: [] })));
    expect(english.html).toContain('>… and 1 more</div>');
  });

  it('keeps a 5,000-account site under the body limit in the month after a migration, every list bounded', async () => {
    const long = 'x'.repeat(300);
    const many = (prefix: string) => Array.from({ length: 5_000 }, (_, i) => arrival(i, { name: `${prefix} ${i} ${long}`, email: `${prefix}${i}${long}@contoso.fr`, licenses: Array.from({ length: 8 }, (_, k) => `License ${k} ${long}`) }));
    const licenseChanges = many('Change').map((a) => ({ ...a, added: a.licenses, removed: a.licenses, costThenCents: 0, costNowCents: 630 }));
    const review = many('Review').map((a) => reviewItem({ ...a, reason: 'inactive', lastSignInAt: null }));
    const site = largeReport(5_000);
    site.insights = siteInsights({ changes: changes({ arrived: many('Arrived'), left: many('Left'), licenseChanges }), review });
    const { html } = await fr.siteReport(site);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(MAX_BODY_BYTES);
    for (const heading of ['Arrivées (5\u202f000)', 'Départs (5\u202f000)', 'Licences ajoutées ou retirées (5\u202f000 comptes)', 'Comptes à vérifier (5\u202f000)']) {
      expect(html).toContain(`>${heading}</div>`);
    }
    expect(html.match(/>… et 4\u202f975 autres</g)).toHaveLength(4);
    // Room is left for some accounts; the full list is in the CSV.
    expect(html).toContain('<td>Nom-0</td>');
    expect(html).toContain('La liste complète est dans le fichier joint');
  });

  it('escapes a hostile display name in the changes and review lists', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"&';
    const insights = siteInsights({
      changes: changes({ arrived: [arrival(1, { name: hostile, email: `${hostile}@x`, licenses: [hostile] })] }),
      review: [reviewItem({ name: hostile, licenses: [hostile] })],
    });
    const { html } = await fr.siteReport(withInsights(insights));
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
    expect(html).toContain(cell('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&amp;'));
    expect(html.split('&lt;script&gt;alert(1)').length - 1).toBeGreaterThanOrEqual(4);
  });
});
