// Plain insights for the render tests: a site's changes and accounts to review, a run's costs,
// seats and coverage. Built to be overridden field by field.
import type { AccountChange, ReviewItem, RunInsights, SiteChanges, SiteInsights } from '../../src/insights/types.js';

export function arrival(i: number, overrides: Partial<AccountChange> = {}): AccountChange {
  return { userId: `u-new-${i}`, name: `Nouvelle Personne ${i}`, email: `nouvelle.personne${i}@contoso.fr`, licenses: ['Office 365 E3'], monthlyCostCents: 630, ...overrides };
}

export function changes(overrides: Partial<SiteChanges> = {}): SiteChanges {
  return {
    firstReport: false,
    previousPeriod: '2026-10',
    arrived: [arrival(1, { name: 'Inès Garnier', email: 'ines.garnier@contoso.fr' })],
    left: [arrival(2, { name: 'Marc Blanc', email: 'marc.blanc@contoso.fr', licenses: ['Microsoft 365 Business Premium'], monthlyCostCents: 460 })],
    licenseChanges: [
      { userId: 'u-dupont', name: 'Jeanne Dupont', email: 'jeanne.dupont@contoso.fr', added: ['Power BI Pro'], removed: ['Office 365 E1'], costThenCents: 0, costNowCents: 340 },
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
      reviewItem({ userId: 'u-alice', name: 'Alice Martin', email: 'alice.martin@contoso.fr', reason: 'inactive', detail: '2025-09-01', lastSignInAt: '2025-09-01T10:00:00Z' }),
      reviewItem({ userId: 'u-paul', name: 'Paul Never', email: 'paul.never@contoso.fr', reason: 'inactive', detail: 'never signed in', lastSignInAt: null }),
    ],
    inactivityCheck: 'ok',
    inactiveDays: 90,
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
      { skuId: 'sku-e3', skuPartNumber: 'ENTERPRISEPACK', label: 'Office 365 E3', capabilityStatus: 'Enabled', purchased: 12, assigned: 7, idle: 5, unitPriceCents: 630, idleCostCents: 3_150 },
      { skuId: 'sku-bp', skuPartNumber: 'SPB', label: 'Microsoft 365 Business Premium', capabilityStatus: 'Suspended', purchased: 4, assigned: 3, idle: 1, unitPriceCents: 460, idleCostCents: 460 },
      { skuId: 'sku-visio', skuPartNumber: 'VISIOCLIENT', label: 'Visio Plan 2', capabilityStatus: 'Enabled', purchased: 3, assigned: 2, idle: 1, unitPriceCents: null, idleCostCents: 0 },
    ],
    idleCostCents: 3_610,
    coverageCheck: 'ok',
    uncovered: [
      { userId: 'u-admin', name: 'Admin M365', email: 'admin.m365@contoso.fr', disabled: false, guest: false, licenses: [{ skuId: 'sku-e3', label: 'Office 365 E3', monthlyPriceCents: 630 }], monthlyCostCents: 630 },
      { userId: 'u-old', name: 'Ancien Directeur', email: 'ancien.directeur@contoso.fr', disabled: true, guest: false, licenses: [{ skuId: 'sku-bp', label: 'Microsoft 365 Business Premium', monthlyPriceCents: 460 }], monthlyCostCents: 460 },
    ],
    uncoveredCostCents: 1_090,
    multiSite: [{ userId: 'u-psy', name: 'Claire Psy', email: 'claire.psy@contoso.fr', siteCodes: ['DDA31', 'DDA32'], monthlyCostCents: 630, overcountCents: 630 }],
    sitesTotalCents: 4_350,
    organisationCostCents: 3_720,
    overcountCents: 630,
    tenantCostCents: 4_810,
    incompleteSites: [],
    inactivityCheck: 'ok',
    productNamesSource: 'fresh',
    scope: 'all-sites',
    ...overrides,
  };
}
