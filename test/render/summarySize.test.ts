// Gmail clips a body over ~102 KB: the summary stays under 100 KB whatever the run's size, what needs
// action first; the full per-site table goes into a CSV when it no longer fits.
import { describe, expect, it } from 'vitest';
import { createRenderer, MAX_BODY_BYTES } from '../../src/render/createRenderer.js';
import type { RunWarning } from '../../src/types.js';
import { ctxFor, decodeCsv, outcome, runResult } from './fixtures.js';
import { summaryOf300Sites } from './mailFixtures.js';

const bytes = (html: string) => Buffer.byteLength(html, 'utf8');

describe('run summary size', () => {
  it('keeps a 300-site first month under 100 KB, failed sites and warnings in full, the site list attached as CSV', async () => {
    const renderer = await createRenderer(ctxFor('fr-FR'));
    const result = summaryOf300Sites();
    const mail = await renderer.runSummary(result);
    expect(bytes(mail.html)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Every failed site is named, with why.
    for (const site of result.sites.filter((s) => s.status === 'failed')) expect(mail.html).toContain(`<b>${site.name}</b>`);
    expect(mail.html).toContain('>Établissements en erreur (5)</div>');
    expect(mail.html).toContain(
      'Liste des prix, ligne 16 «\u00a0Microsoft 365 Apps for business\u00a0» : prix mensuel (colonne MonthlyPrice) vide — ligne ignorée.',
    );
    expect(mail.html).toContain('>Économies possibles</div>');
    // The waste stays: the top sites (10 of 295), the subscriptions, the 200 assignment errors bounded.
    const top = mail.html.slice(mail.html.indexOf('les plus fortes</div>'), mail.html.indexOf('>Abonnements à surveiller'));
    const ranked = top.match(/<td><b>Établissement numéro \d+ de l&#39;association<\/b>/g)?.length ?? 0;
    expect(ranked).toBeGreaterThanOrEqual(3);
    expect(ranked).toBeLessThanOrEqual(10);
    expect(mail.html).toContain('>Abonnements à surveiller (3)</div>');
    expect(mail.html).toContain('>Erreurs d&#39;attribution de licence (200)</div>');
    expect(mail.html).toMatch(/>… et 1\d\d autres<\/div>/);
    expect(mail.html).toContain('La liste complète des établissements est jointe au format CSV :<br><b>etablissements-2026-11.csv</b>');
    expect(mail.attachments.map((a) => [a.name, a.contentType])).toEqual([['etablissements-2026-11.csv', 'text/csv']]);
    const lines = decodeCsv(mail.attachments[0]?.content ?? new Uint8Array())
      .text.replace(/\r\n$/, '')
      .split('\r\n');
    expect(lines).toHaveLength(301);
    expect(lines[0]).toBe('ÉTABLISSEMENT;CODE;COMPTES EXPORTÉS;COMPTES DU GROUPE;DURÉE (S);STATUT;COÛT MENSUEL HT;MOIS PRÉCÉDENT HT;ÉCART');
    expect(lines[1]).toBe("Établissement numéro 0 de l'association;SITE0;40;40;132;OK;100,00;;");
    expect(lines[8]).toMatch(
      /^Foyer en erreur 7;FAIL7;0;0;132;Erreur à l'étape «\u00a0lecture des membres du groupe\u00a0» — members: group .* not found \(deleted\?\);;;$/,
    );
  });

  it('keeps the whole site list in the body and attaches nothing while it fits', async () => {
    const renderer = await createRenderer(ctxFor('en-US'));
    const sites = Array.from({ length: 30 }, (_, i) => outcome({ code: `S${i}`, name: `Site ${i}` }));
    const mail = await renderer.runSummary(runResult(sites));
    expect(mail.attachments).toEqual([]);
    expect(mail.html).toContain('>Sites (30)</div>');
    expect(mail.html.match(/<td><b>Site \d+<\/b>/g)).toHaveLength(30);
  });

  it('stays under 100 KB with 3,000 sites, 400 of them failed, and 2,000 warnings, saying what it leaves out', async () => {
    const renderer = await createRenderer(ctxFor('fr-FR'));
    const sites = Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 0 && i < 2800
        ? outcome({
            code: `F${i}`,
            name: `Foyer ${i}`,
            status: 'failed',
            step: 'members',
            error: `members: GET /groups/g-${i}/transitiveMembers answered 503: Service Unavailable`,
          })
        : outcome({ code: `S${i}`, name: `Site ${i}` }),
    );
    const warnings: RunWarning[] = Array.from({ length: 2000 }, (_, i) => ({
      code: 'account-skipped',
      message: 'skipped',
      details: { siteCode: `S${i}`, userId: `u-${i}`, name: `Compte ${i}`, reason: 'user came without displayName or userPrincipalName' },
    }));
    const mail = await renderer.runSummary(runResult(sites, { warnings }));
    expect(bytes(mail.html)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(mail.html).toContain('>Établissements en erreur (400)</div>');
    expect(mail.html).toMatch(/>… et \d+ autres<\/div>/);
    expect(mail.html).toMatch(/… et 1\u202f9\d\d autres/);
    expect(mail.attachments[0]?.name).toBe('etablissements-2026-11.csv');
  });
});
