import { describe, expect, it } from 'vitest';
import { HttpError, RunInProgressError } from '../../src/errors.js';
import { runReport } from '../../src/run/runReport.js';
import { priceRow, SKU, siteRow, standardPriceRows, userJson } from '../support/testData.js';
import { createTestRun } from '../support/testRun.js';

describe('runReport', () => {
  it('sends every site its report, then IT the summary, and releases the period lock', async () => {
    const t = createTestRun();
    t.addSite(1, 'SIEGE', 35);
    t.addSite(2, 'APF', 100);
    const result = await runReport(t.deps);

    expect(result).toMatchObject({ runId: 'run-1', period: '2026-02', dryRun: false, startedAt: '2026-02-01T06:00:00.000Z' });
    expect(result.sites.map((s) => [s.code, s.status, s.delivery, `${s.exported}/${s.total}`])).toEqual([
      ['SIEGE', 'ok', 'sent', '35/35'],
      ['APF', 'ok', 'sent', '100/100'],
    ]);
    expect(result.totals).toEqual({ sites: 2, sitesOk: 2, sitesFailed: 0, accounts: 135, monthlyCostCents: 135 * 630, monthlyCost: 850.5 });
    const summary = t.mailer.sent.at(-1);
    expect(summary).toMatchObject({ kind: 'summary', to: [{ name: 'it@contoso.test', address: 'it@contoso.test' }], subject: 'Summary 2026-02' });
    expect(t.renderer.summaries[0]?.sites).toHaveLength(2);
    expect(t.ledger.held.size).toBe(0);
    expect(t.ledger.releases).toBe(1);
    expect(result.summaryError).toBeUndefined();
  });

  it('gives the renderer the run’s settings and report month', async () => {
    const t = createTestRun({ REPORT_LOCALE: 'en-US', ORG_NAME: 'ANRAS' });
    t.addSite(1, 'A');
    await runReport(t.deps);
    expect(t.renderer.contexts).toEqual([
      {
        orgName: 'ANRAS',
        locale: 'en-US',
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        generatedAt: new Date('2026-02-01T06:00:00Z'),
        period: '2026-02',
        mailBodyMaxRows: 300,
      },
    ]);
  });

  it('reports on the month of the run date in Paris: 31 January 23:30 UTC is February', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.clock.set('2026-01-31T23:30:00Z');
    const result = await runReport(t.deps);
    expect(result.period).toBe('2026-02');
    expect(t.ledger.store.get('2026-02')?.get('A')?.status).toBe('sent');
  });

  it('reads the sites list, the price list and the SKUs once per run', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.addSite(2, 'B');
    await runReport(t.deps);
    expect(t.lists.calls.map((c) => c.listTitle).sort()).toEqual(['LicensePrices', 'Sites']);
    expect(t.lists.calls.find((c) => c.listTitle === 'Sites')?.columns).toEqual(
      expect.arrayContaining(['Id', 'Title', 'SiteCode', 'MembersGroupId', 'CorrespondentsGroupId', 'Active']),
    );
  });

  it('still sends the summary, saying why, when the sites list cannot be read', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.lists.failures.set('Sites', new HttpError('GET', "/_api/web/lists/getByTitle('Sites')/items", 404, 'List does not exist'));
    const result = await runReport(t.deps);
    expect(result.sites).toEqual([]);
    expect(result.fatalError).toContain('the sites list "Sites" could not be read');
    expect(result.fatalError).toContain('404');
    expect(t.mailer.sent.map((m) => m.kind)).toEqual(['summary']);
    expect(t.mailer.sent[0]?.html).toContain('the sites list');
    expect(t.ledger.held.size).toBe(0);
  });

  it('sends no report at all when the price list cannot be read, rather than reports without prices', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.lists.failures.set('LicensePrices', new Error('403 Forbidden'));
    const result = await runReport(t.deps);
    expect(result.fatalError).toContain('the price list "LicensePrices" could not be read: 403 Forbidden');
    expect(t.mailer.sent.map((m) => m.kind)).toEqual(['summary']);
  });

  it('names the reason once when every input fails alike (no credentials), listing what could not be read', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    const noCredentials = new Error('no credentials: set AZURE_CLIENT_CERTIFICATE_PATH or run with a managed identity');
    t.lists.failures.set('Sites', noCredentials);
    t.lists.failures.set('LicensePrices', noCredentials);
    t.directory.failures.set('subscribedSkus', noCredentials);
    const result = await runReport(t.deps);
    expect(result.fatalError).toBe(
      'the sites list "Sites", the price list "LicensePrices" and the tenant\'s licenses (subscribedSkus) could not be read: ' +
        'no credentials: set AZURE_CLIENT_CERTIFICATE_PATH or run with a managed identity',
    );
  });

  it('throws RunInProgressError, sending nothing, when another run holds the period', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.ledger.held.set('2026-02', 'other-run');
    await expect(runReport(t.deps)).rejects.toBeInstanceOf(RunInProgressError);
    expect(t.mailer.attempts).toEqual([]);
    expect(t.ledger.held.get('2026-02')).toBe('other-run');
  });

  it('runs only the requested sites and warns about unknown codes', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.addSite(2, 'B');
    const result = await runReport(t.deps, { siteCodes: ['b', 'ZZZ'] });
    expect(result.sites.map((s) => s.code)).toEqual(['B']);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unknown-site-code', details: { siteCode: 'ZZZ' } })]);
    expect(result.requestedSiteCodes).toEqual(['B', 'ZZZ']);
  });

  it('marks a run of every site as such: no requested site codes', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    const result = await runReport(t.deps);
    expect(result).not.toHaveProperty('requestedSiteCodes');
  });

  it('lists warnings in order: site rows, price rows, duplicates, unpriced with account counts, skipped accounts, missing insights', async () => {
    const t = createTestRun();
    t.addSite(1, 'A', [userJson({ skus: [SKU.VISIO, SKU.PROJECT] }), userJson({ skus: [SKU.VISIO] }), { id: 'u-x' }]);
    t.addSite(2, 'B', [userJson({ skus: [SKU.VISIO] })]);
    t.lists.lists.get('Sites')?.push(siteRow(3, 'BAD', { MembersGroupId: 'not-a-guid' }));
    t.lists.lists.set('LicensePrices', [...standardPriceRows(), priceRow(9, 'Broken', 'SOMETHING', 'free')]);
    const result = await runReport(t.deps);
    // u-x is unreadable in GET /users too: the search for accounts in no site says it could not check it.
    expect(result.warnings.map((w) => w.code)).toEqual([
      'site-row-skipped',
      'price-row-ignored',
      'duplicate-price-rows',
      'unpriced-sku',
      'account-skipped',
      'insights-unavailable',
    ]);
    expect(result.warnings.find((w) => w.code === 'unpriced-sku')?.details).toMatchObject({ sku: 'VISIOCLIENT', accounts: 3, productName: 'Visio Plan 2' });
    expect(result.warnings.at(-1)?.details).toMatchObject({ insight: 'coverage' });
  });

  it('records a summary that could not be sent in the result instead of throwing', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.mailer.failures.push({ when: (m) => m.kind === 'summary', error: new Error('mailbox full') });
    const result = await runReport(t.deps);
    expect(result.sites[0]?.status).toBe('ok');
    expect(result.summaryError).toBe('the run summary could not be sent: mailbox full');
    expect(t.logger.text()).toContain('mailbox full');
  });

  it('falls back to a plain summary when the summary template fails', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.renderer.failSummary = new Error('summary.mjml: unclosed tag');
    const result = await runReport(t.deps);
    const summary = t.mailer.sent.find((m) => m.kind === 'summary');
    expect(summary?.html).toContain('summary.mjml: unclosed tag');
    expect(summary?.html).toContain('Site A (A)');
    expect(result.summaryError).toContain('plain summary was sent');
  });

  it('fails every site at step render, and still tells IT, when the renderer cannot be built', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.addSite(2, 'B');
    t.renderer.failCreate = new Error('templates/siteReport.mjml not found');
    const result = await runReport(t.deps);
    expect(result.sites.map((s) => [s.status, s.step])).toEqual([
      ['failed', 'render'],
      ['failed', 'render'],
    ]);
    expect(t.mailer.sent.map((m) => m.kind)).toEqual(['summary']);
    expect(t.mailer.sent[0]?.html).toContain('templates/siteReport.mjml not found');
  });

  it.each([
    ['sendSummary is false', {}, { sendSummary: false }],
    ['IT_SUMMARY_TO is empty', { IT_SUMMARY_TO: '' }, {}],
  ])('does not mail the summary when %s', async (_label, env, options) => {
    const t = createTestRun(env);
    t.addSite(1, 'A');
    await runReport(t.deps, options);
    expect(t.mailer.sent.map((m) => m.kind)).toEqual(['site']);
  });
});
