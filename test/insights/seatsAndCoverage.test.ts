import { describe, expect, it } from 'vitest';
import { computeSeats } from '../../src/insights/computeSeats.js';
import { findCoverage, type CoverageUser } from '../../src/insights/findCoverage.js';
import { BI_PRO, E1, E3, lookup, PROJECT, report, row, sku, SUBSCRIBED, VISIO } from './fixtures.js';

describe('computeSeats', () => {
  const seats = computeSeats(SUBSCRIBED, lookup);

  it('prices the idle seats of each SKU: (purchased - assigned) x unit price', () => {
    expect(seats.find((s) => s.skuPartNumber === 'ENTERPRISEPACK')).toMatchObject({
      label: 'Office 365 E3',
      purchased: 10,
      assigned: 6,
      idle: 4,
      unitPriceCents: 630,
      idleCostCents: 2520,
    });
  });

  it('counts idle seats of an unpriced or ambiguous SKU without inventing a cost', () => {
    expect(seats.find((s) => s.skuId === VISIO)).toMatchObject({ idle: 2, unitPriceCents: null, idleCostCents: 0 });
    expect(seats.find((s) => s.skuId === PROJECT)).toMatchObject({ idle: 2, unitPriceCents: null, idleCostCents: 0 });
  });

  it('lists the most expensive idle seats first', () => {
    expect(seats[0]?.skuPartNumber).toBe('ENTERPRISEPACK');
  });

  it('has no idle seat when more are assigned than purchased (grace period)', () => {
    expect(computeSeats([sku('ENTERPRISEPACK', 3, 5)], lookup)[0]).toMatchObject({ idle: 0, idleCostCents: 0 });
  });

  it('says by how many seats a SKU is over-assigned, and lists it before the idle seats', () => {
    const seats = computeSeats([sku('ENTERPRISEPACK', 10, 4), sku('POWER_BI_PRO', 3, 5)], lookup);
    expect(seats.map((s) => [s.skuPartNumber, s.idle, s.overAssigned])).toEqual([
      ['POWER_BI_PRO', 0, 2],
      ['ENTERPRISEPACK', 6, 0],
    ]);
  });

  it('counts seats in grace period, suspended and locked out apart from the purchased ones', () => {
    // The Graph docs' suspended SKU: nothing enabled, 25 suspended, 14 still assigned.
    const suspended = { ...sku('VISIOCLIENT', 0, 14), prepaidSuspended: 25, capabilityStatus: 'Suspended' };
    const grace = { ...sku('ENTERPRISEPACK', 5, 12), prepaidWarning: 10, prepaidLockedOut: 1, capabilityStatus: 'Warning' };
    const [first, second] = computeSeats([grace, suspended], lookup);
    expect(first).toMatchObject({
      skuPartNumber: 'ENTERPRISEPACK',
      purchased: 5,
      assigned: 12,
      idle: 0,
      overAssigned: 7,
      warning: 10,
      suspended: 0,
      lockedOut: 1,
      idleCostCents: 0,
    });
    expect(second).toMatchObject({
      skuPartNumber: 'VISIOCLIENT',
      purchased: 0,
      assigned: 14,
      idle: 0,
      overAssigned: 14,
      warning: 0,
      suspended: 25,
      lockedOut: 0,
    });
  });

  it('reads SKUs without the newer fields as having no seat in those states', () => {
    expect(computeSeats([sku('ENTERPRISEPACK', 10, 6)], lookup)[0]).toMatchObject({ overAssigned: 0, warning: 0, suspended: 0, lockedOut: 0 });
  });
});

const user = (id: string, skuIds: string[], extra: Partial<CoverageUser> = {}): CoverageUser => ({
  id,
  displayName: `User ${id}`,
  mail: `${id}@contoso.test`,
  userPrincipalName: `${id}@contoso.test`,
  accountEnabled: true,
  userType: 'Member',
  assignedSkuIds: skuIds,
  ...extra,
});

describe('findCoverage', () => {
  const siege = report('SIEGE', [row('u-alice', 'Alice', 'Martin', [E3]), row('u-both', 'Paul', 'Double', [E3, BI_PRO])]);
  const apf = report(
    'APF',
    [row('u-both', 'Paul', 'Double', [E3, BI_PRO]), row('u-eric', 'Eric', 'Solo', [E1])],
    [{ userId: 'u-broken', name: 'Broken', reason: 'no name' }],
  );
  const tenant = [
    user('u-alice', [E3]),
    user('u-both', [E3, BI_PRO]),
    user('u-eric', [E1]),
    user('u-broken', [E3]),
    user('u-orphan', [E3, VISIO], { accountEnabled: false }),
    user('u-nolicense', []),
  ];
  const coverage = findCoverage(tenant, [siege, apf], lookup);

  it('lists a licensed account that no site reports, with its licenses and cost', () => {
    expect(coverage.uncovered).toEqual([
      {
        userId: 'u-orphan',
        name: 'User u-orphan',
        email: 'u-orphan@contoso.test',
        disabled: true,
        guest: false,
        licenses: [
          { skuId: E3, label: 'Office 365 E3', monthlyPriceCents: 630 },
          { skuId: VISIO, label: 'VISIOCLIENT', monthlyPriceCents: null },
        ],
        monthlyCostCents: 630,
      },
    ]);
    expect(coverage.uncoveredCostCents).toBe(630);
  });

  it('does not call an account skipped by its site, or an unlicensed one, "in no site"', () => {
    expect(coverage.uncovered.map((a) => a.userId)).not.toContain('u-broken');
    expect(coverage.uncovered.map((a) => a.userId)).not.toContain('u-nolicense');
  });

  it('counts an account listed in two sites once in the organisation total and states the overcount', () => {
    expect(coverage.multiSite).toEqual([
      { userId: 'u-both', name: 'Paul Double', email: 'paul.double@contoso.test', siteCodes: ['SIEGE', 'APF'], monthlyCostCents: 970, overcountCents: 970 },
    ]);
    expect(coverage.sitesTotalCents).toBe(siege.monthlyCostCents + apf.monthlyCostCents);
    expect(coverage.sitesTotalCents).toBe(630 + 970 + 970 + 0);
    expect(coverage.organisationCostCents).toBe(630 + 970 + 0);
    expect(coverage.overcountCents).toBe(970);
  });

  it('still deduplicates sites when the tenant users could not be read', () => {
    const partial = findCoverage('unavailable', [siege, apf], lookup);
    expect(partial.uncovered).toEqual([]);
    expect(partial.organisationCostCents).toBe(1600);
  });
});
