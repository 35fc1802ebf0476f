import { describe, expect, it } from 'vitest';
import { sampleTenantData, withTextPriceColumn } from '../fakeTenant/index.js';
import { runReport } from '../../src/run/runReport.js';
import type { SiteReport } from '../../src/types.js';
import { loadTenantData } from '../support/portsFromTenantData.js';
import { createTestRun } from '../support/testRun.js';

async function runOnSampleTenant(textPrices = false) {
  const t = createTestRun({ SITE_CONCURRENCY: '4' });
  const data = sampleTenantData({ now: new Date('2026-02-01T00:00:00Z') });
  loadTenantData(textPrices ? withTextPriceColumn(data) : data, t.lists, t.directory);
  const reports: SiteReport[] = [];
  const create = t.deps.createRenderer;
  t.deps.createRenderer = async (ctx) => {
    const renderer = await create(ctx);
    return { ...renderer, siteReport: async (report) => (reports.push(report), renderer.siteReport(report)) };
  };
  const result = await runReport(t.deps);
  return { t, data, result, reports };
}

describe('a run over the shared sample tenant', () => {
  it('reports every active site with all its accounts, and fails only the site whose group was deleted', async () => {
    const { result } = await runOnSampleTenant();
    const byCode = Object.fromEntries(result.sites.map((s) => [s.code, s]));
    expect(Object.keys(byCode)).toHaveLength(12);
    expect(byCode['ESAT']).toBeUndefined(); // inactive row
    expect(byCode['FLP']).toMatchObject({ status: 'failed', step: 'members' });
    expect(byCode['FLP']?.error).toContain('not found (deleted?)');
    // Every page and every nested group: no "100/100" ceiling, a nested user counted once.
    expect(`${byCode['APF']?.exported}/${byCode['APF']?.total}`).toBe('112/112');
    expect(`${byCode['CEPSJ']?.exported}/${byCode['CEPSJ']?.total}`).toBe('131/131');
    expect(result.totals).toMatchObject({ sites: 12, sitesOk: 11, sitesFailed: 1, accounts: 588 });
  });

  it('warns about the malformed site row, the unreadable price, the duplicate and the unpriced licenses', async () => {
    const { result } = await runOnSampleTenant();
    const byCode = (code: string) => result.warnings.filter((w) => w.code === code);
    expect(byCode('site-row-skipped').map((w) => w.details?.['column'])).toEqual(['MembersGroupId']);
    expect(byCode('site-row-skipped')[0]?.message).toContain('SITE SANS GROUPE');
    expect(byCode('price-row-ignored')[0]?.message).toContain('Microsoft 365 Apps for business');
    expect(byCode('duplicate-price-rows')[0]?.details).toMatchObject({ sku: 'PROJECTPROFESSIONAL', accounts: 2 });
    expect(byCode('unpriced-sku').map((w) => w.details?.['sku'])).toEqual(['O365_BUSINESS', 'VISIOCLIENT']);
    expect(byCode('unpriced-sku').find((w) => w.details?.['sku'] === 'VISIOCLIENT')?.details?.['accounts']).toBe(3);
  });

  it('marks guests and disabled accounts and falls back to the UPN for accounts without mail', async () => {
    const { reports, data } = await runOnSampleTenant();
    const rows = reports.flatMap((report) => report.rows);
    const withoutMail = data.users.filter((u) => u.mail === null && rows.some((r) => r.userId === u.id));
    expect(withoutMail.length).toBeGreaterThan(0);
    for (const user of withoutMail) expect(rows.find((r) => r.userId === user.id)?.email).toBe(user.userPrincipalName);
    expect(rows.find((r) => r.lastName === 'Schmidt' && r.firstName === 'Anna')).toMatchObject({ guest: true });
    expect(rows.find((r) => r.lastName === 'Castaing')).toMatchObject({ disabled: true, guest: false });
  });

  it('costs the same whether prices are a Number column or text with a decimal comma', async () => {
    const numbers = await runOnSampleTenant(false);
    const text = await runOnSampleTenant(true);
    expect(text.result.totals.monthlyCostCents).toBe(numbers.result.totals.monthlyCostCents);
    expect(numbers.result.totals.monthlyCostCents).toBeGreaterThan(0);
  });
});
