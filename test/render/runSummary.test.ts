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

const siteRow = (html: string, name: string): string => {
  const start = html.indexOf(`<td>${name} <span`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
};

describe('run summary mail', () => {
  it('says all went well, with each site, n/m, time spent, status, cost and totals (French)', async () => {
    const result = runResult([outcome(), outcome({ code: 'APF', name: 'APF', exported: 100, total: 100, durationMs: 302_000, monthlyCostCents: 63_000 })]);
    const mail = await fr.runSummary(result);
    expect(mail.subject).toBe('[ANRAS] Export des comptes Microsoft 365 — novembre 2026 — OK');
    expect(mail.attachments).toEqual([]);
    expect(mail.html).toContain('>Effectué le : 1 janv. 2026 à 06:00</div>');
    expect(mail.html).toContain("Le script d&#39;export des comptes de tous les établissements s&#39;est bien exécuté !");
    expect(siteRow(mail.html, 'Siège social')).toBe(
      '<td>Siège social <span style="color:#5f6368;font-size:11px">SIEGE</span></td><td align="right" nowrap>35/35</td>' +
        '<td align="right" nowrap>00:02:12</td><td style="color:#1e7b34">OK</td><td align="right" nowrap>220,50\u00a0€</td>',
    );
    expect(siteRow(mail.html, 'APF')).toContain('<td align="right" nowrap>00:05:02</td>');
    expect(mail.html).toContain('<td>Établissements</td><td align="right" nowrap><strong>2 (2 OK, 0 en erreur)</strong></td>');
    expect(mail.html).toContain('<td>Comptes exportés</td><td align="right" nowrap><strong>135</strong></td>');
    expect(mail.html).toContain('<td>Coût mensuel total HT</td><td align="right" nowrap><strong>850,50\u00a0€</strong></td>');
    expect(mail.html).toContain('<td>Durée totale</td><td align="right" nowrap><strong>00:03:12</strong></td>');
    expect(mail.html).not.toMatch(/\{\{|\}\}|<script|<link|<img/);
  });

  it('says the same in English', async () => {
    const mail = await en.runSummary(runResult([outcome({ monthlyCostCents: 630 })]));
    expect(mail.subject).toBe('[ANRAS] Microsoft 365 accounts export — November 2026 — OK');
    expect(mail.html).toContain('>Run on: Jan 1, 2026, 12:00 AM</div>');
    expect(mail.html).toContain('The accounts export ran successfully for every site!');
    expect(siteRow(mail.html, 'Siège social')).toContain('<td style="color:#1e7b34">OK</td><td align="right" nowrap>$6.30</td>');
    expect(mail.html).toContain('>ACCOUNTS EXPORTED</th>');
  });

  it('shows a failed site with the failed step and the error, and counts it in the subject', async () => {
    const result = runResult([
      outcome(),
      outcome({ code: 'FLP', name: 'Foyer La Poujade', status: 'failed', exported: 0, total: 0, monthlyCostCents: 0, delivery: undefined, step: 'members', error: 'GET /groups/g-flp/transitiveMembers answered 404: Request_ResourceNotFound' }),
    ]);
    const mail = await fr.runSummary(result);
    expect(mail.subject).toBe('[ANRAS] Export des comptes Microsoft 365 — novembre 2026 — 1 erreur');
    expect(mail.html).toContain('<div>1 établissement en erreur.</div>');
    expect(mail.html).not.toContain('bien exécuté');
    expect(siteRow(mail.html, 'Foyer La Poujade')).toBe(
      '<td>Foyer La Poujade <span style="color:#5f6368;font-size:11px">FLP</span></td><td align="right" nowrap>—</td>' +
        '<td align="right" nowrap>00:02:12</td><td style="color:#b3261e">Erreur lors de l&#39;étape « lecture des membres du groupe » : ' +
        'GET /groups/g-flp/transitiveMembers answered 404: Request_ResourceNotFound</td><td align="right" nowrap>—</td>',
    );
    const english = await en.runSummary(result);
    expect(english.subject).toBe('[ANRAS] Microsoft 365 accounts export — November 2026 — 1 error');
    expect(english.html).toContain('Failed while reading group members: GET /groups/g-flp/transitiveMembers answered 404');
  });

  it('counts several failures in the plural', async () => {
    const failed = (code: string) => outcome({ code, name: code, status: 'failed', step: 'send', error: 'boom' });
    const mail = await fr.runSummary(runResult([failed('A'), failed('B')]));
    expect(mail.subject).toMatch(/— 2 erreurs$/);
    expect(mail.html).toContain('<div>2 établissements en erreur.</div>');
    expect(siteRow(mail.html, 'A')).toContain('<td align="right" nowrap>35/35</td>');
    expect(siteRow(mail.html, 'A')).toContain('« envoi du mail » : boom');
  });

  it.each([
    ['fr-FR', 'Déjà envoyé ce mois-ci', 'Envoi incertain : vérifier les éléments envoyés'],
    ['en-US', 'Already sent this month', 'Delivery uncertain: check the Sent Items'],
  ] as const)('says in %s when a report was already sent, or may or may not have gone out', async (locale, already, unknown) => {
    const renderer = locale === 'fr-FR' ? fr : en;
    const mail = await renderer.runSummary(
      runResult([
        outcome({ code: 'AT65', name: 'AT65', status: 'skipped', delivery: 'already-sent' }),
        outcome({ code: 'APF', name: 'APF', status: 'failed', step: 'send', delivery: 'unknown', error: 'socket hang up' }),
      ]),
    );
    expect(siteRow(mail.html, 'AT65')).toContain(`<td style="color:#5f6368">${already}</td>`);
    expect(siteRow(mail.html, 'APF')).toContain(`<td style="color:#a15c00">${unknown} — socket hang up</td>`);
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
  ] as const)('tells in %s how each delivery was settled: sent before (when), sent again, found in Sent Items, or unknown for want of Mail.Read', async (locale, already, resent, found, forbidden, banner) => {
    const attempt = { key: '2026-11/X/a1', at: '2026-11-01T05:30:00Z', runId: 'run-0' };
    const mail = await (locale === 'fr-FR' ? fr : en).runSummary(
      runResult([
        outcome({ code: 'AT65', name: 'AT65', status: 'skipped', delivery: 'already-sent', deliveredAt: '2026-11-01T05:30:00Z' }),
        outcome({ code: 'APF', name: 'APF', delivery: 'sent', reconciliation: { lookup: 'not-found', attempt, resent: true } }),
        outcome({ code: 'CEPSJ', name: 'CEPSJ', status: 'skipped', delivery: 'already-sent', reconciliation: { lookup: 'found', attempt, sentAt: '2026-11-01T05:31:00Z' } }),
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
    expect(siteRow(mail.html, 'AT65')).toContain(`<td style="color:#5f6368">${already}</td>`);
    expect(siteRow(mail.html, 'APF')).toContain(`<td style="color:#1e7b34">${resent}</td>`);
    expect(siteRow(mail.html, 'CEPSJ')).toContain(`<td style="color:#5f6368">${found}</td>`);
    expect(siteRow(mail.html, 'HUMA')).toContain(`<td style="color:#a15c00">${forbidden}</td>`);
    expect(mail.html).toContain(banner);
  });

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
    expect(mail.html).not.toContain('bien exécuté');
    expect((await en.runSummary(result)).subject).toMatch(/— FAILED$/);
  });

  it('lists warnings by kind with their details, escaped', async () => {
    const warnings: RunWarning[] = [
      { code: 'unpriced-sku', message: 'VISIOCLIENT has no price row (12 accounts)', details: { skuPartNumber: 'VISIOCLIENT', accounts: 12 } },
      { code: 'site-row-skipped', message: 'Row 7 of the sites list has no staff group id', details: { rowId: 7 } },
      { code: 'duplicate-price-rows', message: 'PROJECTPROFESSIONAL has 2 price rows', details: { rowIds: [3, 9] } },
      { code: 'account-skipped', message: 'Site SIEGE: <b>Zoé</b> skipped' },
    ];
    const mail = await fr.runSummary(runResult([outcome()], { warnings }));
    const html = mail.html;
    expect(html).toContain('>Avertissements</div>');
    const order = ['Lignes ignorées dans la liste des établissements', 'Tarifs en double', 'Licences sans tarif', 'Comptes non exportés'].map((h) => html.indexOf(h));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<li>VISIOCLIENT has no price row (12 accounts)<br><span style="color:#5f6368;font-size:12px">skuPartNumber: VISIOCLIENT · accounts: 12</span></li>');
    expect(html).toContain('rowIds: 3, 9');
    expect(html).toContain('<li>Site SIEGE: &lt;b&gt;Zoé&lt;/b&gt; skipped</li>');
  });

  it('has no warnings section when there is nothing to warn about', async () => {
    const mail = await fr.runSummary(runResult([outcome()]));
    expect(mail.html).not.toContain('Avertissements');
  });

  it('escapes site names and errors', async () => {
    const mail = await fr.runSummary(runResult([outcome({ name: 'A & <B>', status: 'failed', step: 'render', error: '<img src=x onerror=alert(1)>' })]));
    expect(mail.html).toContain('<td>A &amp; &lt;B&gt; <span');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<img');
  });
});
