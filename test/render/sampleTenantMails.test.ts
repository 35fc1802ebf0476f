// The real renderer on the shared sample tenant, through the real run: what correspondents and IT receive.
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/render/createRenderer.js';
import { runReport } from '../../src/run/runReport.js';
import { sampleTenantData } from '../fakeTenant/index.js';
import { loadTenantData } from '../support/portsFromTenantData.js';
import { createTestRun } from '../support/testRun.js';
import { decodeCsv } from './fixtures.js';

describe('mails of a run over the sample tenant', () => {
  it('sends every site its report with all its accounts, and IT a summary naming the failed site and step', async () => {
    const t = createTestRun({ SITE_CONCURRENCY: '4' });
    loadTenantData(sampleTenantData({ now: new Date('2026-02-01T00:00:00Z') }), t.lists, t.directory);
    t.deps.createRenderer = (ctx) => createRenderer(ctx);
    const result = await runReport(t.deps);

    const siteMails = t.mailer.sent.filter((mail) => mail.kind === 'site');
    const okSites = result.sites.filter((site) => site.status === 'ok');
    expect(okSites.length).toBeGreaterThan(5);
    expect(siteMails).toHaveLength(okSites.length);
    for (const site of okSites) {
      const mail = siteMails.find((m) => m.siteCode === site.code);
      expect(mail?.subject).toContain(site.name);
      expect(Buffer.byteLength(mail?.html ?? '', 'utf8')).toBeLessThan(100_000);
      const csv = decodeCsv(mail?.attachments[0]?.content ?? new Uint8Array()).text;
      expect(csv.replace(/\r\n$/, '').split('\r\n')).toHaveLength(site.exported + 1);
      expect(mail?.html).not.toMatch(/\{\{|\}\}/);
    }

    const summary = t.mailer.sent.find((mail) => mail.kind === 'summary');
    const failed = result.sites.find((site) => site.status === 'failed');
    expect(failed).toBeDefined();
    expect(summary?.subject).toMatch(/— 1 erreur$/);
    expect(summary?.html).toContain(`<td><b>${failed?.name}</b> <span`);
    expect(summary?.html).toContain('«\u00a0lecture des membres du groupe\u00a0»');
    expect(summary?.html).toContain('Licences sans tarif (affichées N/A)');
  });
});
