import { describe, expect, it } from 'vitest';
import type { RunInsights, SiteInsights } from '../../src/insights/types.js';
import { formatInsights } from '../../scripts/formatInsights.js';

const insights = (overrides: Partial<RunInsights> = {}): Partial<RunInsights> => ({
  seats: [
    {
      skuId: 'a',
      skuPartNumber: 'ENTERPRISEPACK',
      label: 'Office 365 E3',
      capabilityStatus: 'Enabled',
      purchased: 40,
      assigned: 35,
      idle: 5,
      unitPriceCents: 630,
      idleCostCents: 3150,
    },
    {
      skuId: 'b',
      skuPartNumber: 'FLOW_FREE',
      label: 'Power Automate Free',
      capabilityStatus: 'Enabled',
      purchased: 10000,
      assigned: 20,
      idle: 9980,
      unitPriceCents: 0,
      idleCostCents: 0,
    },
  ],
  idleCostCents: 3150,
  coverageCheck: 'ok',
  uncovered: [],
  uncoveredCostCents: 0,
  multiSite: [],
  overcountCents: 0,
  previousPeriod: '2026-10',
  costBySite: [
    { code: 'HUMA', name: 'HUMALLIANCE', nowCents: 4960, thenCents: 3410 },
    { code: 'PDM', name: 'PDM', nowCents: 7590, thenCents: 7850 },
    { code: 'APF', name: 'APF', nowCents: 23410, thenCents: 23410 },
  ],
  ...overrides,
});

describe('formatInsights', () => {
  it('prints nothing for a run result without insights', () => {
    expect(formatInsights({ sites: [{ code: 'SIEGE' }] }, 'fr-FR', 'EUR')).toEqual([]);
    expect(formatInsights({ insights: 'n/a', sites: [] }, 'fr-FR', 'EUR')).toEqual([]);
  });

  it('names the idle paid seats, the accounts in no site and the sites whose cost moved since last month', () => {
    const lines = formatInsights({ insights: insights(), sites: [] }, 'en-US', 'EUR');
    expect(lines).toContain('Idle paid seats: 5, €31.50 a month (ENTERPRISEPACK 5)');
    expect(lines).toContain('Licensed accounts in no site: 0, €0.00 a month');
    expect(lines).toContain('Cost by site against 2026-10: HUMA +€15.50, PDM -€2.60');
  });

  it('names the amount the site totals count too much for accounts in several sites', () => {
    const shared = { userId: 'u', name: 'A', email: 'a@x.fr', siteCodes: ['DDA31', 'DDA32'], monthlyCostCents: 630, overcountCents: 630 };
    expect(formatInsights({ insights: insights({ multiSite: [shared], overcountCents: 630 }), sites: [] }, 'en-US', 'EUR')).toContain(
      'Accounts in several sites: 1 (counted once; the site totals add €6.30 too much)',
    );
    expect(formatInsights({ insights: insights({ multiSite: [{ ...shared, overcountCents: 0 }], overcountCents: 0 }), sites: [] }, 'en-US', 'EUR')).toContain(
      'Accounts in several sites: 1',
    );
  });

  it('says when there is nothing to compare with, or when a check could not be made', () => {
    const lines = formatInsights(
      { insights: insights({ previousPeriod: null, coverageCheck: 'unavailable', inactivityCheck: 'unavailable' }), sites: [] },
      'en-US',
      'EUR',
    );
    expect(lines).toContain('Cost by site: first run, nothing to compare with yet');
    expect(lines).toContain("Licensed accounts in no site: unknown (the tenant's users could not be read)");
    expect(lines).toContain('Inactive accounts: not checked (sign-in activity unavailable)');
  });
});

const account = { userId: 'u', name: 'A', email: 'a@x.fr', licenses: ['Office 365 E3'], monthlyCostCents: 630 };
const site = (changes: SiteInsights['changes'], review: SiteInsights['review'] = []): SiteInsights => ({
  changes,
  review,
  inactivityCheck: 'ok',
  inactiveDays: 90,
});

describe('formatInsights, per site', () => {
  it("sums up each site's changes since the last report and the accounts to review by reason", () => {
    const base = { firstReport: false, previousPeriod: '2026-10', arrived: [], left: [], licenseChanges: [], costNowCents: 0 };
    const lines = formatInsights(
      {
        sites: [
          { code: 'HUMA', insights: site({ ...base, arrived: [account, account, account] }) },
          { code: 'PDM', insights: site({ ...base, left: [account] }) },
          { code: 'APF', insights: site(base, [{ ...account, reason: 'inactive', detail: 'never signed in', licenses: [] }]) },
          {
            code: 'SIEGE',
            insights: site(
              { ...base, licenseChanges: [{ userId: 'u', name: 'A', email: 'a', added: ['Power BI Pro'], removed: [], costThenCents: 0, costNowCents: 340 }] },
              [{ ...account, reason: 'disabled-with-paid-license', detail: '', licenses: [] }],
            ),
          },
          { code: 'FLP' },
        ],
      },
      'fr-FR',
      'EUR',
    );
    expect(lines).toEqual([
      'Changes since 2026-10: HUMA 3 arrived; PDM 1 left; SIEGE 1 license change(s)',
      'Accounts to review: 2 (inactive 1, disabled with a paid license 1)',
    ]);
  });

  it('says when every site gets its first report', () => {
    const first = site({ firstReport: true, arrived: [], left: [], licenseChanges: [], costNowCents: 0 });
    expect(formatInsights({ sites: [{ code: 'HUMA', insights: first }] }, 'fr-FR', 'EUR')[0]).toBe(
      'Changes since the last report: none to show, first report of every site',
    );
  });

  it('names the possible savings, the top sites, the subscriptions to act on and the assignment errors', () => {
    const line = (category: string, count: number, monthlyCents: number) => ({
      category,
      unit: 'accounts',
      count,
      monthlyCents,
      annualCents: monthlyCents * 12,
    });
    const waste = {
      savings: { monthlyCents: 1_000, annualCents: 12_000, breakdown: [line('idle-seats', 0, 0), line('disabled', 1, 630), line('redundant', 1, 370)] },
      sites: [{ code: 'DDA31', name: 'DDA31', rank: 1, monthlyCents: 1_000, annualCents: 12_000, breakdown: [] }],
      subscriptionsCheck: 'ok',
      subscriptions: [
        {
          subscriptionId: 's',
          skuId: 'v',
          skuPartNumber: 'VISIOCLIENT',
          label: 'Visio Plan 2',
          status: 'Warning',
          isTrial: false,
          reasons: ['warning'],
          nextLifecycleAt: null,
          daysToLifecycle: 19,
          seats: 4,
          unitPriceCents: null,
          monthlyCostAtStakeCents: null,
        },
      ],
      assignmentErrors: [
        {
          userId: 'u',
          skuId: 'b',
          groupId: 'g',
          state: 'Error',
          error: 'CountViolation',
          lastUpdatedAt: null,
          name: 'Julie Martinez',
          email: 'j@x.fr',
          label: 'Power BI Pro',
          groupName: 'Licences Power BI',
          siteCodes: ['CEFLP'],
        },
      ],
      overlapExceptions: [],
      inactiveDays: 90,
    } as unknown as RunInsights['waste'];
    const lines = formatInsights({ insights: insights({ waste }), sites: [] }, 'en-US', 'EUR');
    expect(lines).toContain('Possible savings: €10.00 a month, €120.00 a year (disabled 1: €6.30, redundant 1: €3.70)');
    expect(lines).toContain('Sites with the largest possible savings: DDA31 €10.00');
    expect(lines).toContain('Subscriptions to act on: 1 (VISIOCLIENT Warning (next date in 19 days))');
    expect(lines).toContain('License assignment errors: 1 (Julie Martinez: Power BI Pro CountViolation, group "Licences Power BI")');
    const forbidden = {
      ...waste,
      subscriptionsCheck: 'unavailable',
      subscriptionsUnavailable: 'forbidden',
      subscriptions: [],
    } as unknown as RunInsights['waste'];
    expect(formatInsights({ insights: insights({ waste: forbidden }), sites: [] }, 'en-US', 'EUR')).toContain(
      'Subscriptions to act on: not checked (needs Organization.Read.All)',
    );
  });
});
