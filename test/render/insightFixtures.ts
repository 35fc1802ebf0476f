// Plain insights for the render tests: a site's changes and accounts to review, a run's costs,
// seats and coverage. Built to be overridden field by field.
import type { AccountChange, ReviewItem, RunInsights, SiteChanges, SiteInsights } from '../../src/insights/types.js';
import type { AssignmentErrorLine, RunWaste } from '../../src/insights/waste/wasteReportTypes.js';
import type { SavingsCategory, SavingsHeadline, SiteSavings, SubscriptionAttention } from '../../src/insights/waste/wasteTypes.js';

const UNITS = { 'idle-seats': 'seats', disabled: 'accounts', 'never-used': 'accounts', inactive: 'accounts', redundant: 'licenses' } as const;

/** A savings headline from [category, count, monthly cents] lines: totals and annual figures as computePossibleSavings gives them. */
export function savings(lines: ReadonlyArray<[SavingsCategory, number, number]>): SavingsHeadline {
  const breakdown = lines.map(([category, count, monthlyCents]) => ({ category, unit: UNITS[category], count, monthlyCents, annualCents: monthlyCents * 12 }));
  const monthlyCents = breakdown.reduce((sum, line) => sum + line.monthlyCents, 0);
  return { monthlyCents, annualCents: monthlyCents * 12, breakdown };
}

export function siteSavings(code: string, name: string, rank: number, lines: ReadonlyArray<[SavingsCategory, number, number]>): SiteSavings {
  return { code, name, rank, ...savings(lines) };
}

export function subscriptionAttention(overrides: Partial<SubscriptionAttention> = {}): SubscriptionAttention {
  return {
    subscriptionId: 'sub-e3',
    skuId: 'sku-e3',
    skuPartNumber: 'ENTERPRISEPACK',
    label: 'Office 365 E3',
    status: 'Enabled',
    isTrial: false,
    reasons: ['lifecycle-soon'],
    nextLifecycleAt: '2026-11-26T00:00:00Z',
    daysToLifecycle: 24,
    seats: 12,
    unitPriceCents: 630,
    monthlyCostAtStakeCents: 7_560,
    ...overrides,
  };
}

export function assignmentError(overrides: Partial<AssignmentErrorLine> = {}): AssignmentErrorLine {
  return {
    userId: 'u-julie',
    skuId: 'sku-bi',
    groupId: 'g-powerbi',
    state: 'Error',
    error: 'CountViolation',
    lastUpdatedAt: '2026-10-31T06:00:00Z',
    name: 'Julie Martinez',
    email: 'julie.martinez@contoso.fr',
    label: 'Power BI Pro',
    groupName: 'Licences Power BI - Contrôle de gestion',
    siteCodes: ['CEFLP'],
    ...overrides,
  };
}

export function runWaste(overrides: Partial<RunWaste> = {}): RunWaste {
  return {
    savings: savings([
      ['idle-seats', 6, 3_610],
      ['disabled', 2, 1_090],
      ['never-used', 1, 630],
      ['inactive', 2, 1_260],
      ['redundant', 1, 370],
    ]),
    sites: [
      siteSavings('SIEGE', 'Siège social', 1, [
        ['disabled', 1, 630],
        ['never-used', 1, 630],
        ['inactive', 2, 1_260],
        ['redundant', 1, 370],
      ]),
      siteSavings('APF', 'APF', 2, [
        ['disabled', 0, 0],
        ['never-used', 0, 0],
        ['inactive', 0, 0],
        ['redundant', 0, 0],
      ]),
    ],
    subscriptionsCheck: 'ok',
    subscriptions: [
      subscriptionAttention({
        subscriptionId: 'sub-visio',
        skuId: 'sku-visio',
        skuPartNumber: 'VISIOCLIENT',
        label: 'Visio Plan 2',
        status: 'Warning',
        reasons: ['warning', 'lifecycle-soon'],
        nextLifecycleAt: '2026-11-21T00:00:00Z',
        daysToLifecycle: 19,
        seats: 4,
        unitPriceCents: null,
        monthlyCostAtStakeCents: null,
      }),
      subscriptionAttention(),
      subscriptionAttention({
        subscriptionId: 'sub-copilot',
        skuId: 'sku-copilot',
        skuPartNumber: 'Microsoft_365_Copilot',
        label: 'Microsoft 365 Copilot',
        isTrial: true,
        reasons: ['trial', 'lifecycle-soon'],
        nextLifecycleAt: '2026-12-01T00:00:00Z',
        daysToLifecycle: 29,
        seats: 25,
        unitPriceCents: 0,
        monthlyCostAtStakeCents: 0,
      }),
    ],
    assignmentErrors: [
      assignmentError(),
      assignmentError({
        userId: 'u-marc',
        name: 'Marc Blanc',
        email: 'marc.blanc@contoso.fr',
        groupId: null,
        groupName: null,
        error: 'MutuallyExclusiveViolation',
        skuId: 'sku-e3',
        label: 'Office 365 E3',
        siteCodes: [],
      }),
    ],
    overlapExceptions: [],
    inactiveDays: 90,
    ...overrides,
  };
}

export function arrival(i: number, overrides: Partial<AccountChange> = {}): AccountChange {
  return {
    userId: `u-new-${i}`,
    name: `Nouvelle Personne ${i}`,
    email: `nouvelle.personne${i}@contoso.fr`,
    licenses: ['Office 365 E3'],
    monthlyCostCents: 630,
    ...overrides,
  };
}

export function changes(overrides: Partial<SiteChanges> = {}): SiteChanges {
  return {
    firstReport: false,
    previousPeriod: '2026-10',
    arrived: [arrival(1, { name: 'Inès Garnier', email: 'ines.garnier@contoso.fr' })],
    left: [arrival(2, { name: 'Marc Blanc', email: 'marc.blanc@contoso.fr', licenses: ['Microsoft 365 Business Premium'], monthlyCostCents: 460 })],
    licenseChanges: [
      {
        userId: 'u-dupont',
        name: 'Jeanne Dupont',
        email: 'jeanne.dupont@contoso.fr',
        added: ['Power BI Pro'],
        removed: ['Office 365 E1'],
        costThenCents: 0,
        costNowCents: 340,
      },
    ],
    costThenCents: 2_000,
    costNowCents: 2_630,
    deltaCents: 630,
    ...overrides,
  };
}

export function reviewItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    userId: 'u-castaing',
    name: 'Bernard Castaing',
    email: 'bernard.castaing@contoso.fr',
    reason: 'disabled-with-paid-license',
    detail: 'Office 365 E3',
    licenses: ['Office 365 E3'],
    monthlyCostCents: 630,
    ...overrides,
  };
}

export function siteInsights(overrides: Partial<SiteInsights> = {}): SiteInsights {
  return {
    changes: changes(),
    review: [
      reviewItem(),
      reviewItem({ userId: 'u-smith', name: 'Ann Smith', email: 'ann@partner.example', reason: 'guest-with-paid-license' }),
      reviewItem({
        userId: 'u-alice',
        name: 'Alice Martin',
        email: 'alice.martin@contoso.fr',
        reason: 'inactive',
        detail: '2025-09-01',
        lastSignInAt: '2025-09-01T10:00:00Z',
      }),
      reviewItem({ userId: 'u-paul', name: 'Paul Never', email: 'paul.never@contoso.fr', reason: 'inactive', detail: 'never signed in', lastSignInAt: null }),
    ],
    inactivityCheck: 'ok',
    inactiveDays: 90,
    savings: savings([
      ['disabled', 1, 630],
      ['never-used', 1, 630],
      ['inactive', 1, 630],
      ['redundant', 0, 0],
    ]),
    ...overrides,
  };
}

export function runInsights(overrides: Partial<RunInsights> = {}): RunInsights {
  return {
    previousPeriod: '2026-10',
    costBySite: [
      { code: 'SIEGE', name: 'Siège social', nowCents: 2_630, thenCents: 2_000 },
      { code: 'APF', name: 'APF', nowCents: 1_260, thenCents: 1_890 },
      { code: 'NEW', name: 'Nouveau site', nowCents: 460, thenCents: null },
    ],
    costByLicense: [
      { skuId: 'sku-e3', label: 'Office 365 E3', nowCents: 3_150, thenCents: 2_520 },
      { skuId: 'sku-bi', label: 'Power BI Pro', nowCents: 0, thenCents: 340 },
    ],
    seats: [
      {
        skuId: 'sku-e3',
        skuPartNumber: 'ENTERPRISEPACK',
        label: 'Office 365 E3',
        capabilityStatus: 'Enabled',
        purchased: 12,
        assigned: 7,
        idle: 5,
        unitPriceCents: 630,
        idleCostCents: 3_150,
      },
      {
        skuId: 'sku-bp',
        skuPartNumber: 'SPB',
        label: 'Microsoft 365 Business Premium',
        capabilityStatus: 'Suspended',
        purchased: 4,
        assigned: 3,
        idle: 1,
        unitPriceCents: 460,
        idleCostCents: 460,
      },
      {
        skuId: 'sku-visio',
        skuPartNumber: 'VISIOCLIENT',
        label: 'Visio Plan 2',
        capabilityStatus: 'Enabled',
        purchased: 3,
        assigned: 2,
        idle: 1,
        unitPriceCents: null,
        idleCostCents: 0,
      },
    ],
    idleCostCents: 3_610,
    coverageCheck: 'ok',
    uncovered: [
      {
        userId: 'u-admin',
        name: 'Admin M365',
        email: 'admin.m365@contoso.fr',
        disabled: false,
        guest: false,
        licenses: [{ skuId: 'sku-e3', label: 'Office 365 E3', monthlyPriceCents: 630 }],
        monthlyCostCents: 630,
      },
      {
        userId: 'u-old',
        name: 'Ancien Directeur',
        email: 'ancien.directeur@contoso.fr',
        disabled: true,
        guest: false,
        licenses: [{ skuId: 'sku-bp', label: 'Microsoft 365 Business Premium', monthlyPriceCents: 460 }],
        monthlyCostCents: 460,
      },
    ],
    uncoveredCostCents: 1_090,
    multiSite: [
      { userId: 'u-psy', name: 'Claire Psy', email: 'claire.psy@contoso.fr', siteCodes: ['DDA31', 'DDA32'], monthlyCostCents: 630, overcountCents: 630 },
    ],
    sitesTotalCents: 4_350,
    organisationCostCents: 3_720,
    overcountCents: 630,
    tenantCostCents: 4_810,
    incompleteSites: [],
    inactivityCheck: 'ok',
    productNamesSource: 'fresh',
    scope: 'all-sites',
    waste: runWaste(),
    ...overrides,
  };
}
