import { beforeAll, describe, expect, it } from 'vitest';
import type { Renderer } from '../../src/ports.js';
import { createRenderer } from '../../src/render/createRenderer.js';
import type { RunWarning } from '../../src/types.js';
import { ctxFor, outcome, runResult } from './fixtures.js';

let fr: Renderer;
let en: Renderer;
beforeAll(async () => {
  fr = await createRenderer(ctxFor('fr-FR'));
  en = await createRenderer(ctxFor('en-US'));
});

/** One site's block in the site list (the last one, after the failed-site section). */
const siteRow = (html: string, name: string): string => {
  const start = html.lastIndexOf(`<td><b>${name}</b> <span`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
};
/** A failed or uncertain site's block, in the section above the totals. */
const problemRow = (html: string, name: string): string => {
  const start = html.indexOf(`<td><b>${name}</b> <span`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
};
const total = (label: string, value: string) =>
  `<td style="border-bottom:1px solid #e3e8ee">${label}</td><td align="right" style="border-bottom:1px solid #e3e8ee"><b>${value}</b></td>`;
const code = (text: string) => ` <span style="color:#52606d;font-size:12px">${text}</span>`;
const status = (color: string, text: string) => `<br><span style="color:${color}">${text}</span>`;

describe('run summary mail', () => {
  it('says all went well, with each site, n/m, time spent, status, cost and totals (French)', async () => {
    const result = runResult([outcome(), outcome({ code: 'APF', name: 'APF', exported: 100, total: 100, durationMs: 302_000, monthlyCostCents: 63_000 })]);
    const mail = await fr.runSummary(result);
    expect(mail.subject).toBe('[ANRAS] Export des comptes Microsoft 365 — novembre 2026 — OK');
    expect(mail.attachments).toEqual([]);
    expect(mail.html).toContain('>Effectué le : 1 janv. 2026 à 06:00</div>');
    expect(mail.html).toContain('Le script d&#39;export des comptes de tous les établissements s&#39;est bien exécuté !');
    expect(siteRow(mail.html, 'Siège social')).toBe(
      `<td><b>Siège social</b>${code('SIEGE')}${status('#1e7b34', 'OK')}<span style="color:#52606d"> · 35/35\u00a0comptes · 2\u00a0min 12\u00a0s</span></td>` +
        '<td align="right" valign="top" nowrap><b>220,50\u00a0€</b></td>',
    );
    expect(siteRow(mail.html, 'APF')).toContain('· 100/100\u00a0comptes · 5\u00a0min 02\u00a0s</span>');
    expect(mail.html).toContain(total('Établissements', '2 (2 OK, 0 en erreur)'));
    expect(mail.html).toContain(total('Comptes exportés', '135'));
    expect(mail.html).toContain(total('Coût mensuel total HT', '850,50\u00a0€'));
    expect(mail.html).toContain(total('Durée totale', '3\u00a0min 12\u00a0s'));
    // The first screen: the month's total, accounts and sites, the time taken.
    expect(mail.html).toContain('>COÛT MENSUEL TOTAL HT</div>');
    expect(mail.html).toContain('>850,50\u00a0€</div>');
    expect(mail.html).toContain('<div>135 comptes</div><div>2 établissements : 2 OK, 0 en erreur</div><div>Durée de l&#39;export : 3\u00a0min 12\u00a0s</div>');
    expect(mail.html).not.toMatch(/\{\{|\}\}|<script|<link|<img/);
  });

  it('says which sites a --site run was asked for, instead of "every site" (French and English)', async () => {
    const result = { ...runResult([outcome()]), requestedSiteCodes: ['SIEGE', 'APF'] };
    const frMail = await fr.runSummary(result);
    expect(frMail.html).toContain('établissements demandés : SIEGE, APF');
    expect(frMail.html).toContain('Le script d&#39;export des comptes s&#39;est bien exécuté pour les établissements demandés (SIEGE, APF) !');
    expect(frMail.html).not.toContain('de tous les établissements');
    const enMail = await en.runSummary(result);
    expect(enMail.html).toContain('sites asked for: SIEGE, APF');
    expect(enMail.html).toContain('ran successfully for the sites asked for (SIEGE, APF)!');
    expect(enMail.html).not.toContain('for every site');
  });

  it('reads a duration under a second as such, not 00:00:00', async () => {
    const result = runResult([outcome({ durationMs: 412 })], { startedAt: '2026-12-01T05:00:00.000Z', finishedAt: '2026-12-01T05:00:00.620Z' });
    const { html } = await fr.runSummary(result);
    expect(siteRow(html, 'Siège social')).toContain('35/35\u00a0comptes · 0,4\u00a0s');
    expect(html).toContain(total('Durée totale', '0,6\u00a0s'));
    expect((await en.runSummary(result)).html).toContain(total('Total time', '0.6\u00a0s'));
    expect(html).not.toContain('00:00:00');
  });

  it('says the same in English', async () => {
    const mail = await en.runSummary(runResult([outcome({ monthlyCostCents: 630 })]));
    expect(mail.subject).toBe('[ANRAS] Microsoft 365 accounts export — November 2026 — OK');
    expect(mail.html).toContain('>Run on: Jan 1, 2026, 12:00 AM</div>');
    expect(mail.html).toContain('The accounts export ran successfully for every site!');
    expect(siteRow(mail.html, 'Siège social')).toContain(`${status('#1e7b34', 'OK')}<span style="color:#52606d"> · 35/35\u00a0accounts`);
    expect(siteRow(mail.html, 'Siège social')).toContain('<b>$6.30</b>');
    expect(mail.html).toContain('>SITE · STATUS</th>');
    expect(mail.html).toContain('>MONTHLY COST (EXCL. VAT)</th>');
  });

  it('puts a failed site first, naming the step and why in words, with the technical detail, and counts it in the subject', async () => {
    const result = runResult([
      outcome(),
      outcome({
        code: 'FLP',
        name: 'Foyer La Poujade',
        status: 'failed',
        exported: 0,
        total: 0,
        monthlyCostCents: 0,
        delivery: undefined,
        step: 'members',
        error: 'GET /groups/g-flp/transitiveMembers answered 404: Request_ResourceNotFound',
      }),
    ]);
    const mail = await fr.runSummary(result);
    expect(mail.subject).toBe('[ANRAS] Export des comptes Microsoft 365 — novembre 2026 — 1 erreur');
    expect(mail.html).toContain('<div>1 établissement en erreur.</div>');
    expect(mail.html).not.toContain('bien exécuté');
    expect(mail.html).toContain('>Établissements en erreur (1)</div>');
    expect(problemRow(mail.html, 'Foyer La Poujade')).toBe(
      `<td><b>Foyer La Poujade</b>${code('FLP')}${status('#b42318', 'Erreur à l&#39;étape «\u00a0lecture des membres du groupe\u00a0»')}` +
        '<br>Élément introuvable dans Microsoft 365 (HTTP 404).' +
        '<br><span style="color:#52606d;font-size:12px">Détail technique : GET /groups/g-flp/transitiveMembers answered 404: Request_ResourceNotFound</span></td>',
    );
    expect(siteRow(mail.html, 'Foyer La Poujade')).toContain(
      '· —/—\u00a0comptes · 2\u00a0min 12\u00a0s</span></td><td align="right" valign="top" nowrap><b>—</b></td>',
    );
    expect(mail.html.indexOf('Établissements en erreur')).toBeLessThan(mail.html.indexOf('>Totaux</div>'));
    const english = await en.runSummary(result);
    expect(english.subject).toBe('[ANRAS] Microsoft 365 accounts export — November 2026 — 1 error');
    expect(english.html).toContain('Failed while reading group members</span><br>Not found in Microsoft 365 (HTTP 404).');
    expect(english.html).toContain('Technical detail: GET /groups/g-flp/transitiveMembers answered 404');
  });

  it.each([
    [
      'members: group 8d7f34bd-fb42-421a-80e7-0ddefb42863d not found (deleted?)',
      'Le groupe 8d7f34bd-fb42-421a-80e7-0ddefb42863d est introuvable dans Microsoft 365 (supprimé ?) : corriger la liste des établissements.',
    ],
    [
      'GET /groups/g/transitiveMembers answered 403: Authorization_RequestDenied',
      'Accès refusé par Microsoft 365 (HTTP 403) : vérifier les permissions accordées à l&#39;application.',
    ],
    ['GET /groups/g/transitiveMembers did not answer within 30000 ms', 'Microsoft 365 n&#39;a pas répondu dans le délai accordé.'],
    [
      'GET /groups/g/transitiveMembers answered 503: Service Unavailable',
      'Microsoft 365 a répondu par une erreur de son côté (HTTP 5xx) ; réessayer plus tard.',
    ],
    ['fetch failed (ECONNRESET)', 'Microsoft 365 n&#39;a pas pu être joint (réseau).'],
    ['something odd', 'Erreur inattendue.'],
  ])('says why a site failed in words: %s', async (error, sentence) => {
    const { html } = await fr.runSummary(runResult([outcome({ name: 'A', code: 'A', status: 'failed', step: 'members', error })]));
    expect(problemRow(html, 'A')).toContain(`<br>${sentence}<br>`);
  });

  it('counts several failures in the plural', async () => {
    const failed = (c: string) => outcome({ code: c, name: c, status: 'failed', step: 'send', error: 'boom' });
    const mail = await fr.runSummary(runResult([failed('A'), failed('B')]));
    expect(mail.subject).toMatch(/— 2 erreurs$/);
    expect(mail.html).toContain('<div>2 établissements en erreur.</div>');
    expect(siteRow(mail.html, 'A')).toContain(' · 35/35\u00a0comptes');
    expect(problemRow(mail.html, 'A')).toContain('«\u00a0envoi du mail\u00a0»');
    expect(problemRow(mail.html, 'A')).toContain('Détail technique : boom');
  });

  it.each([
    ['fr-FR', 'Déjà envoyé ce mois-ci', 'Envoi incertain : vérifier les éléments envoyés', 'Envois incertains (1)'],
    ['en-US', 'Already sent this month', 'Delivery uncertain: check the Sent Items', 'Uncertain deliveries (1)'],
  ] as const)('says in %s when a report was already sent, or may or may not have gone out', async (locale, already, unknown, title) => {
    const renderer = locale === 'fr-FR' ? fr : en;
    const mail = await renderer.runSummary(
      runResult([
        outcome({ code: 'AT65', name: 'AT65', status: 'skipped', delivery: 'already-sent' }),
        outcome({ code: 'APF', name: 'APF', status: 'failed', step: 'send', delivery: 'unknown', error: 'socket hang up' }),
      ]),
    );
    expect(siteRow(mail.html, 'AT65')).toContain(status('#52606d', already));
    expect(siteRow(mail.html, 'APF')).toContain(status('#a15c00', unknown));
    expect(mail.html).toContain(`>${title}</div>`);
    expect(problemRow(mail.html, 'APF')).toContain('socket hang up</span>');
    expect(mail.subject).toMatch(locale === 'fr-FR' ? /— 1 envoi incertain$/ : /— 1 uncertain delivery$/);
  });

  it.each([
    [
      'fr-FR',
      'Déjà envoyé ce mois-ci, le 1 nov. 2026 à 06:30',
      'OK, envoyé à nouveau : l&#39;envoi précédent n&#39;était pas parti',
      'Déjà remis : trouvé dans les éléments envoyés, non renvoyé (envoyé le 1 nov. 2026 à 06:31)',
      'Envoi incertain, rien n&#39;a été renvoyé : rôle « Application Mail.Read » manquant (voir en haut)',
      '1 envoi incertain ne peut pas être vérifié : l&#39;application ne peut pas lire les éléments envoyés de la boîte d&#39;envoi. ' +
        'Accordez-lui le rôle Exchange « Application Mail.Read » limité à cette boîte (RBAC pour les applications, comme ' +
        '« Application Mail.Send »), jamais l&#39;autorisation Graph Mail.Read dans Entra ID.',
    ],
    [
      'en-US',
      'Already sent this month, on Nov 1, 2026, 1:30 AM',
      'OK, sent again: the earlier attempt had not gone out',
      'Already delivered: found in Sent Items, not resent (sent on Nov 1, 2026, 1:31 AM)',
      'Delivery uncertain, nothing resent: &quot;Application Mail.Read&quot; role missing (see above)',
      '1 uncertain delivery could not be checked: the app may not read the sender mailbox&#39;s Sent Items. Grant it the Exchange role ' +
        '&quot;Application Mail.Read&quot; scoped to that mailbox (RBAC for Applications, like &quot;Application Mail.Send&quot;), ' +
        'never the Graph Mail.Read permission in Entra ID.',
    ],
  ] as const)(
    'tells in %s how each delivery was settled: sent before (when), sent again, found in Sent Items, or unknown for want of Mail.Read',
    async (locale, already, resent, found, forbidden, banner) => {
      const attempt = { key: '2026-11/X/a1', at: '2026-11-01T05:30:00Z', runId: 'run-0' };
      const mail = await (locale === 'fr-FR' ? fr : en).runSummary(
        runResult([
          outcome({ code: 'AT65', name: 'AT65', status: 'skipped', delivery: 'already-sent', deliveredAt: '2026-11-01T05:30:00Z' }),
          outcome({ code: 'APF', name: 'APF', delivery: 'sent', reconciliation: { lookup: 'not-found', attempt, resent: true } }),
          outcome({
            code: 'CEPSJ',
            name: 'CEPSJ',
            status: 'skipped',
            delivery: 'already-sent',
            reconciliation: { lookup: 'found', attempt, sentAt: '2026-11-01T05:31:00Z' },
          }),
          outcome({
            code: 'HUMA',
            name: 'HUMA',
            status: 'failed',
            step: 'send',
            delivery: 'unknown',
            error: 'send: the mail may or may not have gone out',
            reconciliation: { lookup: 'forbidden', attempt, missingPermission: 'Application Mail.Read' },
          }),
        ]),
      );
      const status = (color: string, text: string) => `<br><span style="color:${color}">${text}</span>`;
      expect(siteRow(mail.html, 'AT65')).toContain(status('#52606d', already));
      expect(siteRow(mail.html, 'APF')).toContain(status('#1e7b34', resent));
      expect(siteRow(mail.html, 'CEPSJ')).toContain(status('#52606d', found));
      expect(siteRow(mail.html, 'HUMA')).toContain(status('#a15c00', forbidden));
      expect(mail.html).toContain(banner);
    },
  );

  it('shows the delivery mode of successful sites: outbox folder, dry run', async () => {
    const mail = await fr.runSummary(
      runResult([outcome({ code: 'A', name: 'A', delivery: 'outbox' }), outcome({ code: 'B', name: 'B', delivery: 'not-sent' })], { dryRun: true }),
    );
    expect(siteRow(mail.html, 'A')).toContain('OK (déposé dans le dossier outbox)');
    expect(siteRow(mail.html, 'B')).toContain('OK (simulation : non envoyé)');
    expect(mail.html).toContain('Simulation : aucun rapport n&#39;a été envoyé aux établissements.');
  });

  it('says why the run could not run at all, and shows no table', async () => {
    const result = runResult([], { fatalError: 'The sites list "Etablissements" could not be read: GET /lists answered 403' });
    const mail = await fr.runSummary(result);
    expect(mail.subject).toBe('[ANRAS] Export des comptes Microsoft 365 — novembre 2026 — ÉCHEC');
    expect(mail.html).toContain(
      'L&#39;export n&#39;a pas pu s&#39;exécuter : The sites list &quot;Etablissements&quot; could not be read: GET /lists answered 403',
    );
    expect(mail.html).not.toContain('<th');
    expect(mail.html).not.toContain('COÛT MENSUEL TOTAL');
    expect(mail.html).not.toContain('bien exécuté');
    expect((await en.runSummary(result)).subject).toMatch(/— FAILED$/);
  });

  it("lists warnings by kind, each a sentence in the mail's language naming the list, row and column in words", async () => {
    const warnings: RunWarning[] = [
      {
        code: 'unpriced-sku',
        message: 'License VISIOCLIENT has no row in the price list: shown as N/A for 12 accounts',
        details: { sku: 'VISIOCLIENT', skuId: 'x', accounts: 12 },
      },
      {
        code: 'site-row-skipped',
        message: 'Sites list, row Id 7 "Foyer": column "MembersGroupId" is empty; the row is skipped',
        details: { rowId: 7, rowTitle: 'Foyer', field: 'membersGroupId', problem: 'empty', column: 'MembersGroupId' },
      },
      {
        code: 'price-row-ignored',
        message: 'Price list, row Id 16: ...',
        details: { rowId: 16, rowTitle: 'Microsoft 365 Apps for business', field: 'monthlyPrice', problem: 'empty', column: 'MonthlyPrice', value: null },
      },
      {
        code: 'price-row-ignored',
        message: 'Price list, row Id 14: ...',
        details: { rowId: 14, field: 'monthlyPrice', problem: 'not-a-price', column: 'MonthlyPrice', value: 'abc' },
      },
      {
        code: 'price-row-ignored',
        message: 'Price list, row Id 3: ...',
        details: { rowId: 3, rowTitle: 'E3', field: 'skuId', problem: 'not-a-guid', column: 'SkuId', value: 'E3' },
      },
      {
        code: 'site-row-skipped',
        message: '...',
        details: { rowId: 9, field: 'code', problem: 'duplicate-code', column: 'SiteCode', value: 'APF', keptRowId: 2 },
      },
      {
        code: 'duplicate-price-rows',
        message: 'License PROJECTPROFESSIONAL matches 2 price rows',
        details: {
          sku: 'PROJECTPROFESSIONAL',
          skuId: 'y',
          accounts: 2,
          rows: [
            { rowId: 3, name: 'Project Plan 3' },
            { rowId: 9, name: 'Project Online' },
          ],
        },
      },
      {
        code: 'account-skipped',
        message: 'Site SIEGE: <b>Zoé</b> skipped',
        details: {
          siteCode: 'SIEGE',
          userId: 'u-z',
          name: '<b>Zoé</b>',
          reason: 'user u-z came without displayName or userPrincipalName (is User.Read.All granted?)',
        },
      },
      { code: 'unknown-site-code', message: 'Site code "NOPE" was requested', details: { siteCode: 'NOPE' } },
      {
        code: 'insights-unavailable',
        message: 'Site SIEGE: the changes could not be computed: store down',
        details: { siteCode: 'SIEGE', insight: 'changes', reason: 'store down' },
      },
    ];
    const mail = await fr.runSummary(runResult([outcome()], { warnings }));
    const html = mail.html;
    expect(html).toContain('>Avertissements</div>');
    const order = [
      'Lignes ignorées dans la liste des établissements',
      'Lignes ignorées dans la liste des prix',
      'Tarifs en double',
      'Licences sans tarif',
      'Comptes non exportés',
    ].map((h) => html.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const item = (text: string) => `<li style="margin:0 0 6px">${text}</li>`;
    expect(html).toContain(item('Liste des établissements, ligne 7 «\u00a0Foyer\u00a0» : groupe du personnel (colonne MembersGroupId) vide — ligne ignorée.'));
    expect(html).toContain(
      item('Liste des prix, ligne 16 «\u00a0Microsoft 365 Apps for business\u00a0» : prix mensuel (colonne MonthlyPrice) vide — ligne ignorée.'),
    );
    expect(html).toContain(
      item(
        'Liste des prix, ligne 14 : prix mensuel (colonne MonthlyPrice) «\u00a0abc\u00a0» n&#39;est pas un prix (nombre positif ou nul, deux décimales au plus) — ligne ignorée.',
      ),
    );
    expect(html).toContain(
      item(
        'Liste des prix, ligne 3 «\u00a0E3\u00a0» : identifiant de la licence (SkuId) (colonne SkuId) «\u00a0E3\u00a0» n&#39;est pas un identifiant de licence (GUID) — cette colonne n&#39;est pas utilisée, la ligne l&#39;est.',
      ),
    );
    expect(html).toContain(item('Liste des établissements, ligne 9 : code «\u00a0APF\u00a0» déjà utilisé par la ligne 2, qui est conservée — ligne ignorée.'));
    expect(html).toContain(item('VISIOCLIENT — 12 comptes'));
    expect(html).toContain(
      item(
        'Établissement SIEGE : le compte «\u00a0&lt;b&gt;Zoé&lt;/b&gt;\u00a0» n&#39;a pas été exporté — l&#39;annuaire ne renvoie ni son nom ni son identifiant de connexion (permission User.Read.All accordée ?).<br><span style="color:#52606d;font-size:12px">Détail technique : user u-z came without displayName or userPrincipalName (is User.Read.All granted?)</span>',
      ),
    );
    expect(html).toContain('Le code d&#39;établissement «\u00a0NOPE\u00a0» a été demandé');
    expect(html).toContain('Établissement SIEGE : les changements depuis le dernier rapport n&#39;ont pas pu être calculés.');
    expect(html).not.toMatch(/rowId|column:|·\s*column|Price list, row/);
    const english = (await en.runSummary(runResult([outcome()], { warnings }))).html;
    expect(english).toContain(
      item('Price list, row 16 &quot;Microsoft 365 Apps for business&quot;: monthly price (column MonthlyPrice) is empty — row skipped.'),
    );
    expect(english).toContain(item('Sites list, row 7 &quot;Foyer&quot;: staff group (column MembersGroupId) is empty — row skipped.'));
  });

  it("keeps the core's message for a warning without the details to say it in words", async () => {
    const { html } = await fr.runSummary(runResult([outcome()], { warnings: [{ code: 'site-row-skipped', message: 'Sites list, row 7: <odd>' }] }));
    expect(html).toContain('<li style="margin:0 0 6px">Sites list, row 7: &lt;odd&gt;</li>');
  });

  it('has no warnings section when there is nothing to warn about', async () => {
    const mail = await fr.runSummary(runResult([outcome()]));
    expect(mail.html).not.toContain('Avertissements');
  });

  it('escapes site names and errors', async () => {
    const mail = await fr.runSummary(runResult([outcome({ name: 'A & <B>', status: 'failed', step: 'render', error: '<img src=x onerror=alert(1)>' })]));
    expect(mail.html).toContain('<td><b>A &amp; &lt;B&gt;</b> <span');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<img');
  });

  it('says who sends it and where its settings are', async () => {
    const { html } = await fr.runSummary(runResult([outcome()]));
    expect(html).toContain('Récapitulatif envoyé automatiquement au service informatique d&#39;ANRAS');
    expect(html).toContain('(IT_SUMMARY_TO, REPORT_SCHEDULE, SHAREPOINT_SITE_URL)');
  });
});
