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
/** One account's block; `badge` the disabled / guest mark, `note` why to review it. */
const account = (name: string, grey: string[], licenses: string[], total: string, note?: string, badge = '') =>
  `<b>${name}</b>${badge}<span style="color:#52606d">${grey.map((line) => `<br>${line}`).join('')}</span>` +
  `${note ? `<br><span style="color:#8a4b00">${note}</span>` : ''}${licenses.map((line) => `<br>${line}`).join('')}` +
  `</td><td align="right" valign="bottom" nowrap><b>${total}</b></td></tr>`;
const note = (text: string) => `<br><span style="color:#8a4b00">${text}</span>`;
const costLine = (label: string, value: string) =>
  `<td style="border-bottom:1px solid #e3e8ee">${label}</td><td align="right" nowrap style="border-bottom:1px solid #e3e8ee"><b>${value}</b></td>`;

describe('site mail: changes since the last report and accounts to review', () => {
  it('shows arrivals, departures, license changes and the cost then, now and the difference (French)', async () => {
    const { html } = await fr.siteReport(withInsights());
    expect(html).toContain('>Changements depuis le rapport d&#39;octobre 2026</div>');
    expect(html).toContain('>Arrivée (1)</div>');
    expect(html).toContain(account('Inès Garnier', ['ines.garnier@contoso.fr'], ['Office 365 E3'], '6,30\u00a0€'));
    expect(html).toContain('>Départ (1)</div>');
    expect(html).toContain(account('Marc Blanc', ['marc.blanc@contoso.fr'], ['Microsoft 365 Business Premium'], '4,60\u00a0€'));
    expect(html).toContain('>Licence ajoutée ou retirée (1 compte)</div>');
    // Jeanne Dupont is an account of the site: named as in the account list.
    expect(html).toContain(
      account('Dupont Jeanne', ['jeanne.dupont@contoso.fr'], ['+ Power BI Pro (ajoutée)', '− Office 365 E1 (retirée)'], '0,00\u00a0€ → 3,40\u00a0€'),
    );
    expect(html).toContain(costLine('Coût mensuel HT en octobre 2026', '20,00\u00a0€'));
    expect(html).toContain(costLine('Coût mensuel HT en novembre 2026', '26,30\u00a0€'));
    expect(html).toContain(costLine('Écart', '+6,30\u00a0€'));
    // The change since last month is on the first screen too, under the total.
    expect(html).toContain('>2 comptes<br>+6,30\u00a0€ depuis octobre 2026</div>');
  });

  it('lists each account to review with its reason in words (French)', async () => {
    const { html } = await fr.siteReport(withInsights());
    expect(html).toContain('>Comptes à vérifier (4)</div>');
    const disabled = ' <span style="background-color:#fde8e8;color:#a61b1b;font-size:12px;padding:0 5px;white-space:nowrap">Désactivé</span>';
    expect(html).toContain(
      account(
        'Bernard Castaing',
        ['bernard.castaing@contoso.fr'],
        ['Office 365 E3'],
        '6,30\u00a0€',
        'Compte désactivé qui détient encore une licence payante',
        disabled,
      ),
    );
    // u-smith is an account of the site: it reads as in the account list (name, job title, priced licenses).
    expect(html).toContain(
      account(
        'Smith Jeanne',
        ['ann@partner.example', 'Éducatrice spécialisée'],
        ['Office 365 E3\u00a0·\u00a06,30\u00a0€'],
        '6,30\u00a0€',
        'Invité qui détient une licence payante',
      ),
    );
    expect(html).toContain(note('Aucune connexion depuis plus de 90 jours (dernière le 1 sept. 2025)'));
    expect(html).toContain(note('Jamais connecté (compte créé il y a plus de 90 jours)'));
    expect(html).not.toContain('Vérification des comptes inactifs indisponible');
  });

  it('says the same in English with US wording and euro amounts', async () => {
    const { html } = await en.siteReport(withInsights());
    expect(html).toContain('>Changes since the October 2026 report</div>');
    expect(html).toContain('>Arrival (1)</div>');
    expect(html).toContain('<b>€6.30</b></td>');
    expect(html).toContain(costLine('Difference', '+€6.30'));
    expect(html).toContain('<b>€0.00 → €3.40</b></td>');
    expect(html).toContain('>2 accounts<br>+€6.30 since October 2026</div>');
    expect(html).toContain('>Accounts to review (4)</div>');
    expect(html).toContain(note('Disabled account still holding a paid license'));
    expect(html).toContain(note('No sign-in for more than 90 days (last on Sep 1, 2025)'));
    expect(html).toContain(note('Never signed in (account older than 90 days)'));
  });

  it.each([
    [
      'fr-FR',
      [
        'Aucune connexion réussie depuis plus de 90 jours (dernière le 1 sept. 2025)',
        'Aucune connexion depuis plus de 90 jours (dernière tentative le 2 mars 2023)',
        'Aucune connexion réussie depuis le 1 déc. 2023 (seulement des tentatives échouées, dernière le 20 janv. 2026)',
        'Jamais connecté (compte créé il y a plus de 90 jours)',
      ],
    ],
    [
      'en-US',
      [
        'No successful sign-in for more than 90 days (last on Sep 1, 2025)',
        'No sign-in for more than 90 days (last attempt on Mar 2, 2023)',
        'No successful sign-in since Dec 1, 2023 (failed attempts only, last on Jan 20, 2026)',
        'Never signed in (account older than 90 days)',
      ],
    ],
  ] as const)('says which sign-in date each unused account was judged on (%s)', async (locale, texts) => {
    const review = [
      reviewItem({ userId: 'u1', reason: 'inactive', detail: '2025-09-01', lastSignInAt: '2025-09-01T10:00:00Z', signInBasis: 'successful' }),
      reviewItem({ userId: 'u2', reason: 'inactive', detail: '2023-03-02', lastSignInAt: '2023-03-02T10:00:00Z', signInBasis: 'attempt' }),
      reviewItem({
        userId: 'u3',
        reason: 'inactive',
        detail: 'no successful sign-in since 2023-12-01',
        lastSignInAt: null,
        signInBasis: 'failed-attempts-only',
        lastAttemptAt: '2026-01-20T03:00:00Z',
      }),
      reviewItem({ userId: 'u4', reason: 'never-used', detail: 'never signed in', lastSignInAt: null }),
    ];
    const { html } = await (locale === 'fr-FR' ? fr : en).siteReport(withInsights(siteInsights({ review })));
    for (const text of texts) expect(html).toContain(note(text));
  });

  it('puts the site, month, total, count and change first, then what to act on, the changes, and the full list', async () => {
    const { html } = await fr.siteReport(withInsights());
    const at = (text: string) => html.indexOf(text);
    const order = [
      '>Siège social</div>',
      '<br>novembre 2026</div>',
      '>12,60\u00a0€</div>',
      '>2 comptes<br>+6,30',
      'est jointe au format CSV',
      '>Comptes à vérifier (4)</div>',
      'Changements depuis',
      'Comptes de l&#39;établissement (2)',
      '<b>Total mensuel HT</b>',
    ].map(at);
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each([
    ['fr-FR', 'Premier rapport pour cet établissement', 'Changements depuis le rapport'],
    ['en-US', 'First report for this site', 'Changes since the October'],
  ] as const)('says "first report" the first time (%s), with no lists and no cost comparison', async (locale, first, since) => {
    const renderer = locale === 'fr-FR' ? fr : en;
    const { html } = await renderer.siteReport(
      withInsights(siteInsights({ changes: { firstReport: true, arrived: [], left: [], licenseChanges: [], costNowCents: 2_630 } })),
    );
    expect(html).toContain(first);
    expect(html).not.toContain(since);
    expect(html).not.toMatch(/Arrivée|Arrival|Écart|Difference/);
  });

  it('says briefly when the comparison could not be made, and when nothing changed', async () => {
    const unavailable = await fr.siteReport(withInsights(siteInsights({ changes: null, changesError: 'store down' })));
    expect(unavailable.html).toContain('La comparaison avec le rapport précédent n&#39;a pas pu être faite ce mois-ci.');
    expect(unavailable.html).not.toContain('store down');
    const quiet = await fr.siteReport(
      withInsights(siteInsights({ changes: changes({ arrived: [], left: [], licenseChanges: [], costThenCents: 2_630, deltaCents: 0 }) })),
    );
    expect(quiet.html).toContain('Aucune arrivée, aucun départ, aucune licence ajoutée ou retirée.');
    expect(quiet.html).toContain(costLine('Écart', '0,00\u00a0€'));
    expect(quiet.html).toContain('>2 comptes<br>Inchangé depuis octobre 2026</div>');
  });

  it.each([
    [
      'fr-FR',
      'forbidden',
      'Vérification des comptes inactifs indisponible : le locataire Microsoft 365 ne permet pas de lire la dernière connexion des comptes (licence Entra ID P1 nécessaire).',
    ],
    ['fr-FR', 'error', 'Vérification des comptes inactifs indisponible ce mois-ci : la dernière connexion des comptes n&#39;a pas pu être lue.'],
    [
      'en-US',
      'forbidden',
      'Inactive accounts check unavailable: the Microsoft 365 tenant does not allow reading the accounts&#39; last sign-in (an Entra ID P1 license is needed).',
    ],
  ] as const)('says in %s when the inactivity check is unavailable (%s) and still lists the other accounts to review', async (locale, why, sentence) => {
    const renderer = locale === 'fr-FR' ? fr : en;
    const insights = siteInsights({ review: [reviewItem()], inactivityCheck: 'unavailable', inactivityUnavailable: why });
    const { html } = await renderer.siteReport(withInsights(insights));
    expect(html).toContain(sentence);
    expect(html).toContain('<b>Bernard Castaing</b>');
  });

  it('says there is nothing to review when the list is empty', async () => {
    const { html } = await fr.siteReport(withInsights(siteInsights({ review: [] })));
    expect(html).toContain('>Comptes à vérifier (0)</div>');
    expect(html).toContain('Aucun compte à vérifier ce mois-ci.');
    expect(html).not.toContain('Compte désactivé qui détient');
  });

  it('shows nothing of the insights, not even a heading, when they could not be read', async () => {
    const { html } = await fr.siteReport(report([row()]));
    expect(html).not.toMatch(/Changements|Premier rapport|Comptes à vérifier|Comptes de l&#39;établissement|depuis octobre/);
    expect(html).toContain('<b>Dupont Jeanne</b>');
  });

  it('bounds a long list, says how many more, and keeps the counts exact', async () => {
    const arrived = Array.from({ length: 5_000 }, (_, i) => arrival(i));
    const { html } = await fr.siteReport(withInsights(siteInsights({ changes: changes({ arrived, left: [], licenseChanges: [] }), review: [] })));
    expect(html).toContain('>Arrivées (5\u202f000)</div>');
    expect(html.match(/<b>Nouvelle Personne \d+<\/b>/g)).toHaveLength(50);
    expect(html).toContain('>… et 4\u202f950 autres</div>');
    const english = await en.siteReport(
      withInsights(siteInsights({ changes: changes({ arrived: arrived.slice(0, 51), left: [], licenseChanges: [] }), review: [] })),
    );
    expect(english.html).toContain('>… and 1 more</div>');
  });

  it('keeps a 5,000-account site under the body limit in the month after a migration, every list bounded', async () => {
    const long = 'x'.repeat(300);
    const many = (prefix: string) =>
      Array.from({ length: 5_000 }, (_, i) =>
        arrival(i, {
          name: `${prefix} ${i} ${long}`,
          email: `${prefix}${i}${long}@contoso.fr`,
          licenses: Array.from({ length: 8 }, (_, k) => `License ${k} ${long}`),
        }),
      );
    const licenseChanges = many('Change').map((a) => ({ ...a, added: a.licenses, removed: a.licenses, costThenCents: 0, costNowCents: 630 }));
    const review = many('Review').map((a) => reviewItem({ ...a, reason: 'inactive', lastSignInAt: null }));
    const site = largeReport(5_000);
    site.insights = siteInsights({ changes: changes({ arrived: many('Arrived'), left: many('Left'), licenseChanges }), review });
    const { html } = await fr.siteReport(site);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(MAX_BODY_BYTES);
    for (const heading of [
      'Arrivées (5\u202f000)',
      'Départs (5\u202f000)',
      'Licences ajoutées ou retirées (5\u202f000 comptes)',
      'Comptes à vérifier (5\u202f000)',
    ]) {
      expect(html).toContain(`>${heading}</div>`);
    }
    expect(html.match(/>… et 4\u202f975 autres</g)).toHaveLength(4);
    // Room is left for some accounts; the full list is in the CSV.
    expect(html).toContain('<b>Nom-0 Prénom0</b>');
    expect(html).toContain('seuls les');
    expect(html).toContain('est jointe au format CSV');
  });

  it('escapes a hostile display name in the changes and review lists', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"&';
    const insights = siteInsights({
      changes: changes({ arrived: [arrival(1, { name: hostile, email: `${hostile}@x`, licenses: [hostile] })] }),
      review: [reviewItem({ name: hostile, licenses: [hostile] })],
    });
    const { html } = await fr.siteReport(withInsights(insights));
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
    expect(html).toContain('<b>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&amp;</b>');
    expect(html.split('&lt;script&gt;alert(1)').length - 1).toBeGreaterThanOrEqual(4);
  });
});
