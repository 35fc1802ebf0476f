// The insights as one object: read once per run, then forSite per site and forRun at the end,
// each never throwing (a failure is a warning, the reports go out without the missing part).
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { createInsights, type InsightsDeps } from '../../src/insights/createInsights.js';
import { snapshotStore } from '../../src/insights/snapshotStore.js';
import { toSiteSnapshot } from '../../src/insights/toSiteSnapshot.js';
import type { AccountRow } from '../../src/types.js';
import { clockAt, directoryOf, FEBRUARY, JANUARY, memoryStore, priceIndex, SUBSCRIBED } from './fixtures.js';

const NOW = '2026-02-01T06:00:00Z';
const jan = toSiteSnapshot(JANUARY, '2026-01', new Date('2026-01-01T06:00:00Z'));
const febFirstRun = toSiteSnapshot(FEBRUARY, '2026-02', new Date(NOW));

/** Insights over `store`, with sign-ins unreadable (a 503) and no product names. */
function insightsOver(store: ReturnType<typeof memoryStore>, deps: Partial<InsightsDeps> = {}) {
  return createInsights({
    config: { productNamesUrl: undefined, inactiveDays: 90, locale: 'fr-FR' },
    directory: directoryOf(() => new HttpError('GET', '/users', 503, 'Service Unavailable')),
    store,
    fetchText: async () => '',
    clock: clockAt(NOW),
    ...deps,
  }).read('2026-02', new Date(NOW), { coverage: false });
}

describe('the insights of a site (forSite)', () => {
  it('compares with the last stored report, and keeps this month’s snapshot only once told the mail was delivered', async () => {
    const store = memoryStore();
    await snapshotStore(store).save(jan);
    const site = await (await insightsOver(store)).forSite(FEBRUARY);
    expect(site.report.insights?.changes?.previousPeriod).toBe('2026-01');
    expect(site.report.insights?.changes?.arrived.map((a) => a.userId)).toEqual(['u-dan']);
    expect(store.files.has('snapshots/sites/SIEGE/2026-02.json')).toBe(false);

    expect(await site.saveSnapshot()).toEqual([]);
    expect(JSON.parse(store.files.get('snapshots/sites/SIEGE/2026-02.json') ?? 'null')).toEqual(febFirstRun);
  });

  it('says the comparison is unavailable, not "first report", when the store cannot be read', async () => {
    const store = memoryStore();
    store.failGet = true;
    await snapshotStore(store).save(jan);
    const site = await (await insightsOver(store)).forSite(FEBRUARY);
    expect(site.report.insights?.changes).toBeNull();
    expect(site.report.insights?.changesError).toContain('storage unreachable');
    expect(site.report.insights?.inactivityCheck).toBe('unavailable');
    expect(site.warnings).toEqual([
      expect.objectContaining({ code: 'insights-unavailable', details: expect.objectContaining({ siteCode: 'SIEGE', insight: 'changes' }) }),
    ]);
  });

  it('turns a snapshot that cannot be kept into a warning naming the site', async () => {
    const store = memoryStore();
    const site = await (await insightsOver(store)).forSite(FEBRUARY);
    store.failPut = true;
    const warnings = await site.saveSnapshot();
    expect(warnings).toEqual([expect.objectContaining({ details: expect.objectContaining({ siteCode: 'SIEGE', insight: 'snapshot' }) })]);
    expect(warnings[0]?.message).toContain("next month's comparison");
  });

  it('sends the report without insights, and warns, when computing them fails', async () => {
    const broken = { ...FEBRUARY, rows: undefined as unknown as AccountRow[] };
    const site = await (await insightsOver(memoryStore())).forSite(broken);
    expect(site.report).toBe(broken);
    expect(site.warnings.map((w) => [w.code, w.details?.['insight']])).toEqual([['insights-unavailable', 'site']]);
    expect(await site.saveSnapshot()).toEqual([]);
  });
});

describe('the insights of a run (read, forRun)', () => {
  it('keeps this month’s costs for next month only after a real run over every site', async () => {
    for (const [run, kept] of [
      [{ partial: false, dryRun: false }, true],
      [{ partial: true, dryRun: false }, false],
      [{ partial: false, dryRun: true }, false],
    ] as const) {
      const store = memoryStore();
      const done = await (await insightsOver(store)).forRun({ skus: SUBSCRIBED, priceIndex, siteReports: [FEBRUARY], sitesWithoutReport: [], ...run });
      expect(done.insights?.costBySite.map((site) => site.code)).toEqual(['SIEGE']);
      expect(store.files.has('snapshots/run/2026-02.json')).toBe(kept);
    }
  });

  it('still gives the run insights, with a warning, when this month’s costs cannot be kept', async () => {
    const store = memoryStore();
    const insights = await insightsOver(store);
    store.failPut = true;
    const done = await insights.forRun({ skus: SUBSCRIBED, priceIndex, siteReports: [FEBRUARY], sitesWithoutReport: [], partial: false, dryRun: false });
    expect(done.insights?.seats.length).toBeGreaterThan(0);
    expect(done.warnings.map((w) => w.details?.['insight'])).toEqual(['cost-comparison']);
  });

  it('when the reads break unexpectedly, gives one warning and leaves every report as it is', async () => {
    const broken = {
      now: () => {
        throw new Error('clock unplugged');
      },
    };
    const insights = await insightsOver(memoryStore(), {
      clock: broken,
      config: { productNamesUrl: 'https://example.test/names.csv', inactiveDays: 90, locale: 'fr-FR' },
    });
    expect(insights.warnings).toEqual([expect.objectContaining({ code: 'insights-unavailable', details: { insight: 'all', reason: 'clock unplugged' } })]);
    const site = await insights.forSite(FEBRUARY);
    expect(site.report).toBe(FEBRUARY);
    expect(site.warnings).toEqual([]);
    expect(insights.nameProducts(FEBRUARY)).toBe(FEBRUARY);
    expect(await insights.forRun({ skus: SUBSCRIBED, priceIndex, siteReports: [FEBRUARY], sitesWithoutReport: [], partial: false, dryRun: false })).toEqual({
      warnings: [],
    });
  });
});
