// The waste rules wired into the insights: read once per run (company subscriptions, group names),
// then forSite (reasons, savings) and forRun (the organisation's savings, subscriptions, errors).
import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from '../../../src/core/buildPriceIndex.js';
import { HttpError } from '../../../src/errors.js';
import { createInsights } from '../../../src/insights/createInsights.js';
import { readCompanySubscriptions } from '../../../src/insights/waste/readCompanySubscriptions.js';
import { groupNamesReader } from '../../../src/insights/waste/readGroupNames.js';
import { readServicePlans } from '../../../src/insights/waste/readServicePlans.js';
import type { OverlapException } from '../../../src/insights/waste/parseOverlapExceptions.js';
import type { RawRecord } from '../../../src/ports.js';
import type { AccountRow, PriceEntry } from '../../../src/types.js';
import { clockAt, directoryOf, memoryStore, report, row, sku, SKUS } from '../fixtures.js';

const NOW = '2026-11-01T06:00:00Z';
const GROUP = 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const EXO = SKUS.EXCHANGESTANDARD.skuId;
const E3 = SKUS.ENTERPRISEPACK.skuId;
const BSTD = SKUS.O365_BUSINESS_PREMIUM.skuId;
const TEAMS_X = SKUS.TEAMS_EXPLORATORY.skuId;
const BI = SKUS.POWER_BI_PRO.skuId;

const PRICES: PriceEntry[] = [
  { rowId: 1, commercialName: 'Office 365 E3', skuPartNumber: 'ENTERPRISEPACK', monthlyPriceCents: 630 },
  { rowId: 2, commercialName: 'Exchange Online (Plan 1)', skuPartNumber: 'EXCHANGESTANDARD', monthlyPriceCents: 370 },
  { rowId: 3, commercialName: 'Microsoft 365 Business Standard', skuPartNumber: 'O365_BUSINESS_PREMIUM', monthlyPriceCents: 260 },
  { rowId: 4, commercialName: 'Microsoft Teams Exploratory', skuPartNumber: 'TEAMS_EXPLORATORY', monthlyPriceCents: 0 },
  { rowId: 5, commercialName: 'Power BI Pro', skuPartNumber: 'POWER_BI_PRO', monthlyPriceCents: 340 },
];
const SUBSCRIBED = [
  sku('ENTERPRISEPACK', 10, 3),
  sku('EXCHANGESTANDARD', 5, 2),
  sku('O365_BUSINESS_PREMIUM', 5, 2),
  sku('TEAMS_EXPLORATORY', 100, 1),
  sku('POWER_BI_PRO', 1, 1),
];
/** /subscribedSkus items as Graph returns them, service plans included (from Microsoft's table). */
const RAW_SKUS: RawRecord[] = Object.values(SKUS).map((s) => ({
  skuId: s.skuId,
  skuPartNumber: s.skuPartNumber,
  servicePlans: s.servicePlans.map((p) => ({
    servicePlanId: p.servicePlanId,
    servicePlanName: p.servicePlanName,
    appliesTo: 'User',
    provisioningStatus: 'Success',
  })),
}));
const licensing = { servicePlans: readServicePlans(RAW_SKUS).servicePlans, priceIndex: buildPriceIndex(PRICES, SUBSCRIBED) };
const priced = (r: AccountRow): AccountRow => {
  const licenses = r.licenses.map((line) => {
    const price = PRICES.find((p) => SKUS[p.skuPartNumber as keyof typeof SKUS]?.skuId === line.skuId);
    return {
      ...line,
      label: price?.commercialName ?? line.label,
      monthlyPriceCents: price ? price.monthlyPriceCents : null,
      match: price ? ('priced' as const) : ('unpriced' as const),
    };
  });
  return { ...r, licenses, monthlyCostCents: licenses.reduce((sum, l) => sum + (l.monthlyPriceCents ?? 0), 0) };
};
const state = (skuId: string, extra: Record<string, unknown> = {}) => ({
  skuId,
  assignedByGroup: null,
  state: 'Active',
  error: null,
  lastUpdatedAt: null,
  disabledPlans: [],
  ...extra,
});
const recently = {
  id: '',
  createdDateTime: '2024-01-01T00:00:00Z',
  signInActivity: { lastSignInDateTime: '2026-10-30T08:00:00Z', lastNonInteractiveSignInDateTime: null, lastSuccessfulSignInDateTime: '2026-10-30T08:00:00Z' },
};

/** Ana: Exchange Online (Plan 1) next to E3 (a known pair) and Teams Exploratory (free); Ben: Plan 1 inside Business Standard (service plans); Chloé: Power BI Pro in CountViolation through a group. */
function siteReport() {
  const ana = priced({ ...row('u-ana', 'Ana', 'Alves', [E3, EXO, TEAMS_X]), licenseStates: [state(E3), state(EXO), state(TEAMS_X)] });
  const ben = priced(row('u-ben', 'Ben', 'Bruno', [BSTD, EXO]));
  const chloe = priced({
    ...row('u-chloe', 'Chloé', 'Costa', [E3]),
    licenseStates: [state(E3), state(BI, { assignedByGroup: GROUP, state: 'Error', error: 'CountViolation' })],
  });
  return report('SIEGE', [ana, ben, chloe]);
}

function insightsWith(options: { exceptions?: OverlapException[]; subscriptions?: () => RawRecord[] | Error; users?: RawRecord[] } = {}) {
  const users = options.users ?? ['u-ana', 'u-ben', 'u-chloe'].map((id) => ({ ...recently, id }));
  const directory = directoryOf((select) => (select.includes('signInActivity') ? users : users.filter((u) => u['assignedLicenses'])), {
    ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
    groups: [{ id: GROUP, displayName: 'Licences Power BI' }],
  });
  const insights = createInsights({
    config: { productNamesUrl: undefined, inactiveDays: 90, locale: 'fr-FR', licenseOverlapExceptions: options.exceptions ?? [] },
    directory,
    store: memoryStore(),
    fetchText: async () => '',
    clock: clockAt(NOW),
  }).read('2026-11', new Date(NOW));
  return { directory, insights: insights.then((read) => read.withLicensing(licensing)) };
}

describe('the waste in a site’s insights', () => {
  it('names each redundant license next to the one that includes it, and each assignment error with its group, once per account and reason', async () => {
    const { insights, directory } = insightsWith();
    const site = await (await insights).forSite(siteReport());
    const review = site.report.insights?.review ?? [];
    expect(review.map((item) => [item.userId, item.reason, item.detail])).toEqual([
      ['u-ana', 'redundant-license', 'Exchange Online (Plan 1) next to Office 365 E3'],
      ['u-ben', 'redundant-license', 'Exchange Online (Plan 1) next to Microsoft 365 Business Standard'],
      ['u-chloe', 'assignment-error', 'Power BI Pro: CountViolation (group Licences Power BI)'],
    ]);
    expect(review[0]).toMatchObject({
      redundancy: 'known-pair',
      license: { label: 'Exchange Online (Plan 1)', monthlyPriceCents: 370 },
      coveredBy: { label: 'Office 365 E3' },
    });
    expect(review[1]).toMatchObject({ redundancy: 'service-plans' });
    expect(review[2]).toMatchObject({
      license: { skuId: BI, label: 'Power BI Pro' },
      assignment: { state: 'Error', error: 'CountViolation', groupId: GROUP, groupName: 'Licences Power BI' },
    });
    // Teams Exploratory's one plan is in E3, but it costs nothing: no waste, no line.
    expect(review.some((item) => item.license?.skuId === TEAMS_X)).toBe(false);
    expect(site.report.insights?.savings).toMatchObject({ monthlyCents: 740, annualCents: 8_880 });
    expect(site.report.insights?.savings?.breakdown.find((line) => line.category === 'redundant')).toMatchObject({ count: 2, monthlyCents: 740 });
    expect(directory.groupReads).toEqual([[GROUP]]);
  });

  it('never calls a pair held on purpose redundant (LICENSE_OVERLAP_EXCEPTIONS)', async () => {
    const { insights } = insightsWith({ exceptions: [{ a: 'EXCHANGESTANDARD', b: 'ENTERPRISEPACK' }] });
    const site = await (await insights).forSite(siteReport());
    expect(site.report.insights?.review.filter((item) => item.reason === 'redundant-license').map((item) => item.userId)).toEqual(['u-ben']);
    expect(site.report.insights?.savings?.monthlyCents).toBe(370);
  });

  it('calls nothing redundant without the tenant’s service plans (before withLicensing)', async () => {
    const { directory } = insightsWith();
    const read = await createInsights({
      config: { productNamesUrl: undefined, inactiveDays: 90, locale: 'fr-FR' },
      directory,
      store: memoryStore(),
      fetchText: async () => '',
      clock: clockAt(NOW),
    }).read('2026-11', new Date(NOW));
    const site = await read.forSite(siteReport());
    expect(site.report.insights?.review.map((item) => item.reason)).toEqual(['assignment-error']);
  });
});

describe('the waste in the run’s insights', () => {
  const forRun = async (insightsRead: ReturnType<typeof insightsWith>['insights'], reports = [siteReport()]) =>
    (await insightsRead).forRun({
      skus: SUBSCRIBED,
      priceIndex: licensing.priceIndex,
      siteReports: reports,
      sitesWithoutReport: [],
      partial: false,
      dryRun: true,
    });

  it('counts each account once across sites and in no site, with the idle paid seats, per month and per year', async () => {
    // Dan, in no site, is disabled with an E3; Ana is in two sites.
    const dan = {
      id: 'u-dan',
      displayName: 'Dan Roux',
      userPrincipalName: 'dan@contoso.test',
      accountEnabled: false,
      assignedLicenses: [{ skuId: E3 }],
      licenseAssignmentStates: [],
    };
    const users = [...['u-ana', 'u-ben', 'u-chloe'].map((id) => ({ ...recently, id })), { ...recently, ...dan }];
    const { insights } = insightsWith({ users });
    const second = report('APF', [siteReport().rows[0] as AccountRow]);
    const run = await forRun(insights, [siteReport(), second]);
    const waste = run.insights?.waste;
    // Idle seats: E3 7 x 6,30 + Exchange 3 x 3,70 + Business Standard 3 x 2,60 (Teams Exploratory and Power BI cost nothing idle).
    const idle = 7 * 630 + 3 * 370 + 3 * 260;
    expect(waste?.savings.breakdown).toEqual([
      { category: 'idle-seats', unit: 'seats', count: 13, monthlyCents: idle, annualCents: idle * 12 },
      { category: 'disabled', unit: 'accounts', count: 1, monthlyCents: 630, annualCents: 7_560 },
      { category: 'never-used', unit: 'accounts', count: 0, monthlyCents: 0, annualCents: 0 },
      { category: 'inactive', unit: 'accounts', count: 0, monthlyCents: 0, annualCents: 0 },
      { category: 'redundant', unit: 'licenses', count: 2, monthlyCents: 740, annualCents: 8_880 },
    ]);
    expect(waste?.savings.monthlyCents).toBe(idle + 630 + 740);
    expect(waste?.sites.map((site) => [site.code, site.monthlyCents, site.rank])).toEqual([
      ['SIEGE', 740, 1],
      ['APF', 370, 2],
    ]);
    expect(waste?.assignmentErrors).toEqual([
      expect.objectContaining({
        userId: 'u-chloe',
        name: 'Chloé Costa',
        label: 'Power BI Pro',
        groupName: 'Licences Power BI',
        siteCodes: ['SIEGE'],
        error: 'CountViolation',
      }),
    ]);
    expect(waste?.inactiveDays).toBe(90);
  });

  it('lists an account in no site whose only license is in error (it holds none)', async () => {
    const eve = {
      id: 'u-eve',
      displayName: 'Eve Moreau',
      mail: 'eve@contoso.test',
      userPrincipalName: 'eve@contoso.test',
      assignedLicenses: [],
      licenseAssignmentStates: [{ skuId: BI, assignedByGroup: null, state: 'Error', error: 'MutuallyExclusiveViolation', disabledPlans: [] }],
    };
    const { insights } = insightsWith({ users: [{ ...recently, ...eve }] });
    const run = await forRun(insights, []);
    expect(run.insights?.waste?.assignmentErrors).toEqual([
      expect.objectContaining({
        userId: 'u-eve',
        email: 'eve@contoso.test',
        groupId: null,
        groupName: null,
        siteCodes: [],
        error: 'MutuallyExclusiveViolation',
      }),
    ]);
  });

  it('lists the subscriptions to act on with the seats and the monthly cost at stake', async () => {
    const subscriptions = () => [
      {
        id: 's1',
        skuId: E3,
        skuPartNumber: 'ENTERPRISEPACK',
        status: 'Enabled',
        isTrial: false,
        totalLicenses: 10,
        nextLifecycleDateTime: '2026-11-26T00:00:00Z',
      },
      {
        id: 's2',
        skuId: EXO,
        skuPartNumber: 'EXCHANGESTANDARD',
        status: 'Enabled',
        isTrial: false,
        totalLicenses: 5,
        nextLifecycleDateTime: '2027-06-01T00:00:00Z',
      },
      { id: 's3', skuId: BSTD, skuPartNumber: 'O365_BUSINESS_PREMIUM', status: 'Suspended', isTrial: false, totalLicenses: 2, nextLifecycleDateTime: null },
    ];
    const run = await forRun(insightsWith({ subscriptions }).insights);
    expect(run.insights?.waste).toMatchObject({ subscriptionsCheck: 'ok' });
    expect(run.insights?.waste?.subscriptions.map((s) => [s.skuPartNumber, s.reasons, s.seats, s.monthlyCostAtStakeCents])).toEqual([
      ['O365_BUSINESS_PREMIUM', ['suspended'], 2, 520],
      ['ENTERPRISEPACK', ['lifecycle-soon'], 10, 6_300],
    ]);
  });

  it('says the subscriptions are unavailable when Graph refuses them (403), and fails nothing', async () => {
    const forbidden = () =>
      new HttpError('GET', '/directory/subscriptions', 403, 'Authorization_RequestDenied: Insufficient privileges to complete the operation.');
    const { insights } = insightsWith({ subscriptions: forbidden });
    const read = await insights;
    expect(read.warnings).toEqual([]);
    const run = await forRun(insights);
    expect(run.warnings).toEqual([]);
    expect(run.insights?.waste).toMatchObject({ subscriptionsCheck: 'unavailable', subscriptionsUnavailable: 'forbidden', subscriptions: [] });
    expect(run.insights?.waste?.savings.monthlyCents).toBeGreaterThan(0);
  });
});

describe('reads once per run', () => {
  it('reads the company subscriptions: a 403 names Organization.Read.All without a warning, any other failure is a warning, an unreadable item is counted', async () => {
    const forbidden = await readCompanySubscriptions({
      listCompanySubscriptions: async () => {
        throw new HttpError('GET', '/directory/subscriptions', 403, 'Authorization_RequestDenied');
      },
    });
    expect(forbidden).toMatchObject({ subscriptions: 'unavailable', reason: 'forbidden' });
    expect('message' in forbidden && forbidden.message).toContain('Organization.Read.All');
    expect(forbidden.warning).toBeUndefined();
    const down = await readCompanySubscriptions({
      listCompanySubscriptions: async () => {
        throw new HttpError('GET', '/directory/subscriptions', 503, 'Service Unavailable');
      },
    });
    expect(down.warning).toMatchObject({ code: 'insights-unavailable', details: { insight: 'subscriptions' } });
    expect(down.warning?.message).toContain('503');
    const partly = await readCompanySubscriptions({ listCompanySubscriptions: async () => [{ id: 's1', skuId: E3, status: 'Enabled' }, { id: 's2' }] });
    expect(partly.subscriptions).toHaveLength(1);
    expect(partly.warning?.message).toContain('1 company subscription(s) could not be read');
  });

  it('reads each group’s name once, whoever asks, and leaves it unknown when the read fails', async () => {
    const reads: string[][] = [];
    const reader = groupNamesReader({ listGroupsById: async (ids) => (reads.push([...ids]), ids.map((id) => ({ id, displayName: `Groupe ${id}` }))) });
    expect([...(await reader.namesOf(['G1', 'g2', null]))]).toEqual([
      ['g1', 'Groupe g1'],
      ['g2', 'Groupe g2'],
    ]);
    expect([...(await reader.namesOf(['g2', 'g3']))]).toEqual([
      ['g2', 'Groupe g2'],
      ['g3', 'Groupe g3'],
    ]);
    expect(reads).toEqual([['g1', 'g2'], ['g3']]);
    const failing = groupNamesReader({
      listGroupsById: async () => {
        throw new HttpError('GET', '/groups', 403, 'Authorization_RequestDenied');
      },
    });
    expect([...(await failing.namesOf(['g1']))]).toEqual([['g1', null]]);
  });
});
