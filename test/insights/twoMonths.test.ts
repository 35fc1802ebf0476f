// The insights over two consecutive months, driven as runReport drives them: read once per run,
// forSite per site (its snapshot saved after delivery), forRun at the end.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { collectInsightsInputs } from '../../src/insights/collectInsightsInputs.js';
import { createInsights } from '../../src/insights/createInsights.js';
import type { RawRecord } from '../../src/ports.js';
import type { SiteReport } from '../../src/types.js';
import { productNamesCsv } from '../fakeTenant/productNames.js';
import { BI_PRO, clockAt, directoryOf, E3, FEBRUARY, JANUARY, memoryStore, priceIndex, report, row, SKUS, SUBSCRIBED, VISIO } from './fixtures.js';

const CSV = productNamesCsv(Object.values(SKUS).map((s) => ({ ...s, prepaidUnits: 1 })));
const URL = 'https://download.example.test/product-names.csv';

const APF_JAN = report('APF', [row('u-bob', 'Bob', 'Durand', [E3, BI_PRO])]);
const APF_FEB = report('APF', [row('u-bob', 'Bob', 'Durand', [E3]), row('u-gone', 'Old', 'Account', [E3], { disabled: true })]);

const tenantUsers = (reports: SiteReport[], extra: RawRecord[]): RawRecord[] => [
  ...reports.flatMap((r) =>
    r.rows.map((x) => ({
      id: x.userId,
      displayName: `${x.firstName} ${x.lastName}`,
      userPrincipalName: x.email,
      accountEnabled: !x.disabled,
      userType: 'Member',
      assignedLicenses: x.licenses.map((l) => ({ skuId: l.skuId })),
    })),
  ),
  ...extra,
];

async function runMonth(options: {
  store: ReturnType<typeof memoryStore>;
  period: string;
  at: string;
  reports: SiteReport[];
  users: RawRecord[];
  signInForbidden?: boolean;
  fetchFails?: boolean;
}) {
  const clock = clockAt(options.at);
  const directory = directoryOf((select) => {
    if (select.includes('signInActivity')) {
      return options.signInForbidden
        ? new HttpError('GET', '/users', 403, 'Forbidden')
        : options.users.map((u) => ({
            id: u['id'],
            createdDateTime: '2020-01-01T00:00:00Z',
            signInActivity: u['signInActivity'] ?? { lastSuccessfulSignInDateTime: '2026-01-15T00:00:00Z' },
          }));
    }
    return options.users;
  });
  const insights = await createInsights({
    config: { productNamesUrl: URL, inactiveDays: 90, locale: 'fr-FR' },
    directory,
    store: options.store,
    fetchText: async () => {
      if (options.fetchFails) throw new Error('ENOTFOUND download.example.test');
      return CSV;
    },
    clock,
  }).read(options.period, clock.now());
  const sites = [];
  for (const siteReport of options.reports) {
    const site = await insights.forSite(siteReport);
    if (!site.report.insights) throw new Error(`no insights for ${siteReport.site.code}: ${JSON.stringify(site.warnings)}`);
    sites.push(site.report.insights);
    await site.saveSnapshot(); // after a successful delivery
  }
  const run = await insights.forRun({ skus: SUBSCRIBED, priceIndex, siteReports: options.reports, sitesWithoutReport: [], partial: false, dryRun: false });
  if (!run.insights) throw new Error(`no run insights: ${JSON.stringify(run.warnings)}`);
  return { inputs: insights, sites, run: run.insights };
}

describe('insights over January then February', () => {
  const orphan = {
    id: 'u-orphan',
    displayName: 'Nobody Knows',
    userPrincipalName: 'nobody@contoso.test',
    accountEnabled: true,
    userType: 'Member',
    assignedLicenses: [{ skuId: E3 }, { skuId: VISIO }],
  };
  const sleeper = { id: 'u-alice', signInActivity: { lastSignInDateTime: '2025-09-01T00:00:00Z' } };

  it('January is a first report everywhere; February tells what changed and compares costs', async () => {
    const store = memoryStore();
    const january = await runMonth({
      store,
      period: '2026-01',
      at: '2026-01-01T06:00:00Z',
      reports: [JANUARY, APF_JAN],
      users: tenantUsers([JANUARY, APF_JAN], [orphan]),
    });
    expect(january.sites.map((s) => s.changes?.firstReport)).toEqual([true, true]);
    expect(january.run.previousPeriod).toBeNull();
    expect(january.inputs.warnings).toEqual([]);

    const users = tenantUsers([FEBRUARY, APF_FEB], [orphan]).map((u) => (u['id'] === 'u-alice' ? { ...u, ...sleeper } : u));
    const february = await runMonth({ store, period: '2026-02', at: '2026-02-01T06:00:00Z', reports: [FEBRUARY, APF_FEB], users });
    const [siege, apf] = february.sites;
    expect(siege?.changes).toMatchObject({ firstReport: false, previousPeriod: '2026-01', costThenCents: 1600, costNowCents: 1890, deltaCents: 290 });
    expect(siege?.changes?.arrived.map((a) => a.name)).toEqual(['Dan Roux']);
    expect(siege?.changes?.left.map((a) => a.name)).toEqual(['Carla Petit']);
    expect(apf?.changes?.licenseChanges).toMatchObject([{ userId: 'u-bob', added: [], removed: ['Power BI Pro'] }]);

    // Accounts to review: Alice has not signed in since September, the old account is disabled with E3.
    expect(siege?.inactivityCheck).toBe('ok');
    expect(siege?.review.map((r) => [r.name, r.reason, r.detail])).toEqual([['Alice Martin', 'inactive', '2025-09-01']]);
    expect(apf?.review.map((r) => [r.name, r.reason])).toEqual([['Old Account', 'disabled-with-paid-license']]);

    // Central IT: the account in no site, Bob counted once though in two sites, costs vs January.
    const run = february.run;
    expect(run.uncovered.map((a) => [a.name, a.licenses.map((l) => l.label), a.monthlyCostCents])).toEqual([
      ['Nobody Knows', ['Office 365 E3', 'Visio Plan 2'], 630],
    ]);
    expect(run.multiSite.map((a) => [a.userId, a.siteCodes])).toEqual([['u-bob', ['SIEGE', 'APF']]]);
    expect(run.sitesTotalCents).toBe(1890 + 1260);
    expect(run.overcountCents).toBe(630);
    expect(run.organisationCostCents).toBe(1890 + 1260 - 630);
    expect(run.tenantCostCents).toBe(run.organisationCostCents + 630);
    expect(run.previousPeriod).toBe('2026-01');
    expect(run.costBySite).toEqual([
      { code: 'SIEGE', name: 'Site SIEGE', nowCents: 1890, thenCents: 1600 },
      { code: 'APF', name: 'Site APF', nowCents: 1260, thenCents: 970 },
    ]);
    // Bob held Power BI Pro in January in both sites: counted once (340, not 680).
    expect(run.costByLicense.find((l) => l.skuId === BI_PRO)).toEqual({ skuId: BI_PRO, label: 'Power BI Pro', nowCents: 0, thenCents: 340 });
    expect(run.seats.find((s) => s.skuId === E3)).toMatchObject({ idle: 4, idleCostCents: 2520 });
    expect(run.idleCostCents).toBe(2520);
    expect(run.productNamesSource).toBe('fresh');
  });

  it('a rerun of February still compares with January, not with the February it just saved', async () => {
    const store = memoryStore();
    await runMonth({ store, period: '2026-01', at: '2026-01-01T06:00:00Z', reports: [JANUARY], users: tenantUsers([JANUARY], []) });
    await runMonth({ store, period: '2026-02', at: '2026-02-01T06:00:00Z', reports: [FEBRUARY], users: tenantUsers([FEBRUARY], []) });
    const rerun = await runMonth({ store, period: '2026-02', at: '2026-02-03T09:00:00Z', reports: [FEBRUARY], users: tenantUsers([FEBRUARY], []) });
    expect(rerun.sites[0]?.changes).toMatchObject({ previousPeriod: '2026-01', deltaCents: 290 });
    expect(rerun.sites[0]?.changes?.arrived).toHaveLength(1);
    expect(rerun.run.previousPeriod).toBe('2026-01');
    expect(rerun.run.costBySite[0]?.thenCents).toBe(1600);
  });

  it('without Entra ID P1 (403 on signInActivity) the run goes on and says the inactivity check is unavailable', async () => {
    const month = await runMonth({
      store: memoryStore(),
      period: '2026-02',
      at: '2026-02-01T06:00:00Z',
      reports: [APF_FEB],
      users: tenantUsers([APF_FEB], []),
      signInForbidden: true,
    });
    expect(month.sites[0]?.inactivityCheck).toBe('unavailable');
    expect(month.sites[0]?.review.map((r) => r.reason)).toEqual(['disabled-with-paid-license']);
    expect(month.run.inactivityCheck).toBe('unavailable');
    expect(month.inputs.warnings).toEqual([]);
  });

  it('when the product names download fails, uses last month’s cached copy and warns IT', async () => {
    const store = memoryStore();
    await runMonth({ store, period: '2026-01', at: '2025-12-01T06:00:00Z', reports: [], users: [orphan] });
    const month = await runMonth({ store, period: '2026-02', at: '2026-02-01T06:00:00Z', reports: [], users: [orphan], fetchFails: true });
    expect(month.run.productNamesSource).toBe('cache');
    expect(month.run.uncovered[0]?.licenses.map((l) => l.label)).toEqual(['Office 365 E3', 'Visio Plan 2']);
    expect(month.inputs.warnings.map((w) => [w.code, w.details?.['insight']])).toEqual([['insights-unavailable', 'product-names']]);
    expect(month.inputs.warnings[0]?.message).toContain('ENOTFOUND');
  });

  it('never fails the run when Graph or the store break: each insight says it is unavailable', async () => {
    const store = memoryStore({ 'snapshots/run/2026-01.json': '{}' });
    store.failGet = true;
    const inputs = await collectInsightsInputs({
      directory: directoryOf(() => new HttpError('GET', '/users', 503, 'Service Unavailable')),
      store,
      fetchText: async () => {
        throw new Error('offline');
      },
      clock: clockAt('2026-02-01T06:00:00Z'),
      productNamesUrl: URL,
      period: '2026-02',
    });
    expect(inputs.signIns.current().signIns).toBe('unavailable');
    expect(inputs.licensedUsers.users).toBe('unavailable');
    expect(inputs.productNames.source).toBe('none');
    expect(inputs.previousRunCosts).toBeUndefined();
    expect(inputs.warnings.map((w) => w.details?.['insight'])).toEqual(['inactivity', 'coverage', 'product-names', 'cost-comparison']);
  });
});
