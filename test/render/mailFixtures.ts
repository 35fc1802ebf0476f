// The mails the browser test looks at: a small site, a 130+-account site, a site with very long names
// and titles, and run summaries with failures and warnings (one of 300 sites).
import type { ReviewItem } from '../../src/insights/types.js';
import type { RunWarning, SiteOutcome, SiteReport } from '../../src/types.js';
import { E3, largeReport, outcome, POWER_BI_FREE, report, row, runResult, VISIO_UNPRICED } from './fixtures.js';
import { arrival, assignmentError, changes, reviewItem, runInsights, runWaste, savings, siteInsights, siteSavings } from './insightFixtures.js';

export function smallSite(): SiteReport {
  const rows = [
    row({ licenses: [E3, POWER_BI_FREE, VISIO_UNPRICED] }),
    row({
      userId: 'u-castaing',
      lastName: 'Castaing',
      firstName: 'Bernard',
      email: 'bernard.castaing@contoso.fr',
      jobTitle: 'Directeur adjoint',
      licenses: [E3],
      disabled: true,
    }),
    row({ userId: 'u-smith', lastName: 'Smith', firstName: 'Ann', email: 'ann.smith@partner.example', jobTitle: 'Consultante', licenses: [E3], guest: true }),
    row({ userId: 'u-andre', lastName: 'André', firstName: 'Sébastien', email: 'sebastien.andre@contoso.fr', jobTitle: 'Secrétaire', licenses: [] }),
  ];
  return report(rows, { insights: siteInsights() });
}

export function site135(): SiteReport {
  const site = largeReport(135);
  site.insights = siteInsights({
    changes: changes({ arrived: [arrival(1), arrival(2), arrival(3)] }),
    review: Array.from({ length: 12 }, (_, i) =>
      reviewItem({ userId: `u-${i * 7}`, name: `Nom-${i * 7} Prénom${i * 7}`, reason: 'inactive', lastSignInAt: '2026-05-27T08:00:00Z', detail: '2026-05-27' }),
    ),
  });
  return site;
}

const EXO = { skuId: 'sku-exo', label: 'Exchange Online (Plan 1)', monthlyPriceCents: 370, match: 'priced' as const, skuPartNumber: 'EXCHANGESTANDARD' };

/** Jeanne Dupont holds Exchange Online (Plan 1) next to E3 and a Power BI Pro in error; Bernard Castaing is disabled. */
export function wasteSite(): SiteReport {
  const redundant: ReviewItem = reviewItem({
    userId: 'u-dupont',
    name: 'Jeanne Dupont',
    email: 'jeanne.dupont@contoso.fr',
    reason: 'redundant-license',
    detail: 'Exchange Online (Plan 1) next to Office 365 E3',
    license: { skuId: EXO.skuId, label: EXO.label, monthlyPriceCents: 370 },
    coveredBy: { skuId: E3.skuId, label: E3.label, monthlyPriceCents: 630 },
    redundancy: 'known-pair',
  });
  const inError: ReviewItem = reviewItem({
    userId: 'u-dupont',
    name: 'Jeanne Dupont',
    email: 'jeanne.dupont@contoso.fr',
    reason: 'assignment-error',
    detail: 'Power BI Pro: CountViolation',
    license: { skuId: 'sku-bi', label: 'Power BI Pro', monthlyPriceCents: 340 },
    assignment: { state: 'Error', error: 'CountViolation', groupId: 'g-bi', groupName: 'Licences Power BI' },
  });
  const rows = [
    row({ licenses: [E3, EXO] }),
    row({ userId: 'u-castaing', lastName: 'Castaing', firstName: 'Bernard', email: 'bernard.castaing@contoso.fr', licenses: [E3], disabled: true }),
  ];
  return report(rows, {
    insights: siteInsights({
      review: [reviewItem(), redundant, inError],
      savings: savings([
        ['disabled', 1, 630],
        ['never-used', 0, 0],
        ['inactive', 0, 0],
        ['redundant', 1, 370],
      ]),
    }),
  });
}

const LONG_SITE = "Maison d'enfants à caractère social et Institut thérapeutique, éducatif et pédagogique « Les Chemins du Sud »";
const LONG_TITLE = 'Responsable administrative et financière du pôle hébergement, accompagnement et insertion professionnelle des jeunes majeurs';
const LONG_LICENSE = {
  ...E3,
  skuId: 'sku-e5',
  label: 'Microsoft 365 E5 (sans Teams) avec Audio Conferencing, Phone System et Copilot',
  monthlyPriceCents: 123_456,
};

export function longNamesSite(): SiteReport {
  const rows = Array.from({ length: 6 }, (_, i) =>
    row({
      userId: `u-long-${i}`,
      lastName: i % 2 ? 'De La Fontaine-Dupont-Marchand-Villeneuve' : 'De La Fontaine-Dupont de Saint-Exupéry',
      firstName: 'Marie-Christine Anne-Sophie',
      email: `marie-christine.de-la-fontaine-dupont-marchand${i}@etablissement-exemple-tres-long.fr`,
      jobTitle: i === 3 ? 'Chargée de mission anticonstitutionnellement interdépartementale' : LONG_TITLE,
      licenses: i % 2 ? [LONG_LICENSE, E3, VISIO_UNPRICED] : [LONG_LICENSE],
      disabled: i === 1,
      guest: i === 2,
    }),
  );
  const site = report(rows, { site: { ...report([]).site, code: 'MECS-CHEMINS-DU-SUD', name: LONG_SITE } });
  site.insights = siteInsights({
    changes: changes({
      arrived: [
        arrival(1, { name: 'Marie-Christine Anne-Sophie De La Fontaine-Dupont-Marchand', email: rows[0]?.email ?? '', licenses: [LONG_LICENSE.label] }),
      ],
    }),
    review: [reviewItem({ userId: 'u-long-1', name: 'x', email: rows[1]?.email ?? '' })],
  });
  return site;
}

const WARNINGS: RunWarning[] = [
  {
    code: 'site-row-skipped',
    message: 'Sites list, row Id 17: ...',
    details: { rowId: 17, rowTitle: 'SITE SANS GROUPE', field: 'membersGroupId', problem: 'empty', column: 'MembersGroupId' },
  },
  {
    code: 'price-row-ignored',
    message: 'Price list, row Id 16: ...',
    details: { rowId: 16, rowTitle: 'Microsoft 365 Apps for business', field: 'monthlyPrice', problem: 'empty', column: 'MonthlyPrice', value: null },
  },
  {
    code: 'duplicate-price-rows',
    message: '...',
    details: {
      sku: 'PROJECTPROFESSIONAL',
      skuId: 'y',
      accounts: 2,
      rows: [
        { rowId: 13, name: 'Project Plan 3' },
        { rowId: 15, name: 'Project Online Professional' },
      ],
    },
  },
  {
    code: 'unpriced-sku',
    message: '...',
    details: { sku: 'O365_BUSINESS_PREMIUM_NONPROFIT_EXTRA', skuId: 'x', accounts: 3, productName: 'Microsoft 365 Business Standard for nonprofits' },
  },
  {
    code: 'insights-unavailable',
    message: '...',
    details: { insight: 'inactivity', reason: 'GET /users?$select=signInActivity answered 403: Authentication_RequestFromNonPremiumTenantOrB2CTenant' },
  },
];

const failedSite = (i: number): SiteOutcome =>
  outcome({
    code: `FAIL${i}`,
    name: `Foyer en erreur ${i}`,
    status: 'failed',
    exported: 0,
    total: 0,
    monthlyCostCents: 0,
    delivery: undefined,
    step: 'members',
    error: `members: group 8d7f34bd-fb42-421a-80e7-0ddefb4286${String(i).padStart(2, '0')} not found (deleted?)`,
  });

export function summaryWithProblems() {
  return runResult(
    [
      outcome({ monthlyCostCents: 2_630, durationMs: 412 }),
      outcome({ code: 'APF', name: 'APF', monthlyCostCents: 1_260, durationMs: 1_300 }),
      failedSite(1),
      outcome({
        code: 'PDM',
        name: 'Protection des majeurs',
        status: 'failed',
        step: 'send',
        delivery: 'unknown',
        error: 'send: POST /users/rapports@contoso.fr/sendMail answered 504: Gateway Timeout',
      }),
    ],
    { insights: runInsights(), warnings: WARNINGS, finishedAt: '2026-12-01T05:00:00.620Z', startedAt: '2026-12-01T05:00:00.000Z' },
  );
}

/** 300 sites on a first month, a few failed, warnings: what measured 118 KB before. */
export function summaryOf300Sites() {
  const sites = Array.from({ length: 300 }, (_, i) =>
    i % 60 === 7
      ? failedSite(i)
      : outcome({
          code: `SITE${i}`,
          name: `Établissement numéro ${i} de l'association`,
          monthlyCostCents: 10_000 + i * 37,
          exported: 40 + (i % 17),
          total: 40 + (i % 17),
        }),
  );
  const costBySite = sites
    .filter((site) => site.status === 'ok')
    .map((site) => ({ code: site.code, name: site.name, nowCents: site.monthlyCostCents, thenCents: null }));
  // Every site with something to save, a long list of assignment errors from one group: the summary bounds them.
  const ok = sites.filter((site) => site.status === 'ok');
  const waste = runWaste({
    sites: ok.map((site, i) =>
      siteSavings(site.code, site.name, i + 1, [
        ['disabled', 1, 630],
        ['never-used', i % 3, (i % 3) * 460],
        ['inactive', 2, 2 * 630],
        ['redundant', i % 2, (i % 2) * 370],
      ]),
    ),
    assignmentErrors: Array.from({ length: 200 }, (_, i) =>
      assignmentError({ userId: `u-${i}`, name: `Compte en erreur numéro ${i}`, email: `compte.erreur${i}@etablissement-exemple.fr`, siteCodes: [`SITE${i}`] }),
    ),
  });
  return runResult(sites, { insights: runInsights({ previousPeriod: null, costBySite, waste }), warnings: WARNINGS });
}
