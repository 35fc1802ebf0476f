import { describe, expect, it } from 'vitest';
import type { SignInVerdict } from '../../../src/insights/judgeSignIn.js';
import { accountSavings, computePossibleSavings, SAVINGS_PRECEDENCE } from '../../../src/insights/waste/computePossibleSavings.js';
import { buildAccountFacts } from '../../../src/insights/waste/buildAccountFacts.js';
import { indexServicePlans } from '../../../src/insights/waste/findRedundantLicenses.js';
import { listReviewReasons } from '../../../src/insights/waste/listReviewReasons.js';
import { parseOverlapExceptions } from '../../../src/insights/waste/parseOverlapExceptions.js';
import type { AccountFacts, AssignmentError, LicenseAssignmentState, RedundantLicense } from '../../../src/insights/waste/wasteTypes.js';

const E3 = 'e3';
const E1 = 'e1';
const BI = 'bi';
const FREE = 'free';
const VISIO = 'visio';
const PRICES: Record<string, number | null> = { [E3]: 630, [E1]: 0, [BI]: 340, [FREE]: 0, [VISIO]: null };
const ACTIVE: SignInVerdict = { status: 'active' };
const INACTIVE: SignInVerdict = { status: 'inactive', basis: 'successful', lastSignInAt: new Date('2025-09-01T10:00:00Z') };
const SPRAYED: SignInVerdict = {
  status: 'inactive',
  basis: 'failed-attempts-only',
  lastSignInAt: null,
  lastAttemptAt: new Date('2026-01-30T03:00:00Z'),
  noSuccessSince: new Date('2023-12-01T00:00:00Z'),
};
const NEVER: SignInVerdict = { status: 'never-signed-in' };
const redundant = (skuId: string, coveredBySkuId: string): RedundantLicense => ({ skuId, coveredBySkuId, source: 'service-plans' });
const countViolation: AssignmentError = { userId: 'u', skuId: BI, groupId: 'g-staff', state: 'Error', error: 'CountViolation', lastUpdatedAt: null };

function account(userId: string, skuIds: string[], extra: Partial<AccountFacts> = {}): AccountFacts {
  return {
    userId,
    disabled: false,
    guest: false,
    licenses: skuIds.map((skuId) => ({ skuId, monthlyPriceCents: PRICES[skuId] ?? null })),
    signIn: ACTIVE,
    redundant: [],
    assignmentErrors: [],
    ...extra,
  };
}

describe('listReviewReasons', () => {
  it.each<[string, AccountFacts, unknown[]]>([
    ['an active account with a paid license: nothing', account('u', [E3]), []],
    [
      'disabled with paid licenses',
      account('u', [E3, BI, FREE], { disabled: true }),
      [{ code: 'disabled-with-paid-licenses', skuIds: [E3, BI], monthlyCostCents: 970 }],
    ],
    [
      'disabled and inactive: disabled only (it cannot sign in)',
      account('u', [E3], { disabled: true, signIn: INACTIVE }),
      [{ code: 'disabled-with-paid-licenses', skuIds: [E3], monthlyCostCents: 630 }],
    ],
    ['a guest with a paid license', account('u', [BI], { guest: true }), [{ code: 'guest-with-paid-licenses', skuIds: [BI], monthlyCostCents: 340 }]],
    [
      'inactive since its last successful sign-in',
      account('u', [E3], { signIn: INACTIVE }),
      [{ code: 'inactive', basis: 'successful', since: '2025-09-01', monthlyCostCents: 630 }],
    ],
    [
      'failed attempts only',
      account('u', [E3], { signIn: SPRAYED }),
      [{ code: 'inactive', basis: 'failed-attempts-only', since: '2023-12-01', lastAttempt: '2026-01-30', monthlyCostCents: 630 }],
    ],
    ['never used', account('u', [E3, BI], { signIn: NEVER }), [{ code: 'never-used', monthlyCostCents: 970 }]],
    ['inactive with free licenses only: nothing (it costs nothing)', account('u', [E1, FREE], { signIn: INACTIVE }), []],
    ['inactive with an unpriced (N/A) license only: nothing', account('u', [VISIO], { signIn: INACTIVE }), []],
    [
      'a redundant paid license on an account in use',
      account('u', [BI, E3], { redundant: [redundant(BI, E3)] }),
      [{ code: 'redundant-license', skuId: BI, coveredBySkuId: E3, source: 'service-plans', monthlyCostCents: 340 }],
    ],
    ['a redundant free license: nothing', account('u', [E1, E3], { redundant: [redundant(E1, E3)] }), []],
    [
      'a redundant license on a never-used account: never used only',
      account('u', [BI, E3], { signIn: NEVER, redundant: [redundant(BI, E3)] }),
      [{ code: 'never-used', monthlyCostCents: 970 }],
    ],
    [
      'an assignment error, even on a free license',
      account('u', [E1], { assignmentErrors: [{ ...countViolation, skuId: E1 }] }),
      [{ code: 'assignment-error', skuId: E1, groupId: 'g-staff', state: 'Error', error: 'CountViolation' }],
    ],
  ])('%s', (_case, facts, expected) => {
    expect(listReviewReasons(facts)).toEqual(expected);
  });

  it('gives one entry per line, in a fixed order', () => {
    const facts = account('u', [E3, BI], { guest: true, signIn: INACTIVE, assignmentErrors: [countViolation] });
    expect(listReviewReasons(facts).map((r) => r.code)).toEqual(['guest-with-paid-licenses', 'inactive', 'assignment-error']);
  });
});

describe('accountSavings', () => {
  it.each<[string, AccountFacts, string | null, number]>([
    ['disabled: every paid license', account('u', [E3, BI], { disabled: true }), 'disabled', 970],
    ['never used: every paid license', account('u', [E3], { signIn: NEVER }), 'never-used', 630],
    ['inactive: every paid license', account('u', [E3, BI, E1], { signIn: SPRAYED }), 'inactive', 970],
    ['redundant: the redundant license only', account('u', [E3, BI], { redundant: [redundant(BI, E3)] }), 'redundant', 340],
    [
      'disabled, inactive and redundant at once: counted once, as disabled',
      account('u', [E3, BI], { disabled: true, signIn: INACTIVE, redundant: [redundant(BI, E3)] }),
      'disabled',
      970,
    ],
    ['a guest in use: nothing to save', account('u', [E3], { guest: true }), null, 0],
    ['an assignment error: nothing to save', account('u', [E3], { assignmentErrors: [countViolation] }), null, 0],
  ])('%s', (_case, facts, category, monthlyCents) => {
    expect(accountSavings(facts)).toMatchObject({ category, monthlyCents });
  });

  it('follows the documented precedence', () => {
    expect(SAVINGS_PRECEDENCE).toEqual(['disabled', 'never-used', 'inactive', 'redundant']);
  });
});

describe('computePossibleSavings', () => {
  const seats = [
    { idle: 4, idleCostCents: 2_520 },
    { idle: 2, idleCostCents: 0 }, // unpriced SKU: its idle seats cost nothing we know
  ];
  const shared = account('u-shared', [E3], { disabled: true, signIn: INACTIVE });
  const sites = [
    { code: 'APF', name: 'APF', accounts: [account('a1', [E3, BI], { redundant: [redundant(BI, E3)] }), account('a2', [E3])] },
    { code: 'SIEGE', name: 'Siège', accounts: [shared, account('s1', [E3, BI], { signIn: NEVER }), account('s2', [E3], { signIn: INACTIVE })] },
    { code: 'DDA', name: 'DDA', accounts: [shared] },
    { code: 'ESAT', name: 'ESAT', accounts: [account('e1', [E3])] },
  ];
  const result = computePossibleSavings({ sites, accountsInNoSite: [account('orphan', [E3], { disabled: true })], seats });
  const lines = (headline: { breakdown: Array<{ category: string; count: number; monthlyCents: number }> }) =>
    headline.breakdown.map((l) => [l.category, l.count, l.monthlyCents]);

  it('gives the organisation’s figure once per account, plus idle seats, with the breakdown', () => {
    expect(lines(result.organisation)).toEqual([
      ['idle-seats', 4, 2_520],
      ['disabled', 2, 1_260], // u-shared (in two sites, once) and the account in no site
      ['never-used', 1, 970],
      ['inactive', 1, 630],
      ['redundant', 1, 340],
    ]);
    expect(result.organisation).toMatchObject({ monthlyCents: 5_720, annualCents: 68_640 });
  });

  it('gives each site its own figure, without idle seats, and ranks the sites by it', () => {
    expect(result.sites.map((s) => [s.rank, s.code, s.monthlyCents, s.annualCents])).toEqual([
      [1, 'SIEGE', 2_230, 26_760],
      [2, 'DDA', 630, 7_560],
      [3, 'APF', 340, 4_080],
      [4, 'ESAT', 0, 0],
    ]);
    expect(lines(result.sites[0] ?? { breakdown: [] })).toEqual([
      ['disabled', 1, 630],
      ['never-used', 1, 970],
      ['inactive', 1, 630],
      ['redundant', 0, 0],
    ]);
  });

  it('says what each count counts, and every annual figure is the monthly one x 12', () => {
    expect(result.organisation.breakdown.map((l) => [l.category, l.unit])).toEqual([
      ['idle-seats', 'seats'],
      ['disabled', 'accounts'],
      ['never-used', 'accounts'],
      ['inactive', 'accounts'],
      ['redundant', 'licenses'],
    ]);
    for (const headline of [result.organisation, ...result.sites]) {
      expect(headline.annualCents).toBe(headline.monthlyCents * 12);
      for (const line of headline.breakdown) expect(line.annualCents).toBe(line.monthlyCents * 12);
    }
  });

  it('stays in exact cents over many accounts', () => {
    const many = Array.from({ length: 540 }, (_, i) => account(`u${i}`, [E3], { disabled: true }));
    const big = computePossibleSavings({ sites: [{ code: 'BIG', name: 'Big', accounts: many }], seats: [] });
    expect(big.organisation).toMatchObject({ monthlyCents: 340_200, annualCents: 4_082_400 });
  });

  it('ranks sites with equal savings by code', () => {
    const tie = computePossibleSavings({
      sites: [
        { code: 'B', name: 'B', accounts: [] },
        { code: 'A', name: 'A', accounts: [] },
      ],
      seats: [],
    });
    expect(tie.sites.map((s) => s.code)).toEqual(['A', 'B']);
  });
});

describe('buildAccountFacts', () => {
  const BI_PLAN = '70d33638-9c74-4d01-bfd3-562de28bd4ba';
  const EXO_PLAN = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
  const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
  const PBI = 'f8a1db68-be16-40ed-86d5-cb42ce701560';
  const plan = (servicePlanId: string) => ({ servicePlanId, servicePlanName: servicePlanId, appliesTo: 'User', provisioningStatus: 'Success' });
  const catalog = indexServicePlans([
    { skuId: E5, skuPartNumber: 'ENTERPRISEPREMIUM', servicePlans: [plan(EXO_PLAN), plan(BI_PLAN)] },
    { skuId: PBI, skuPartNumber: 'POWER_BI_PRO', servicePlans: [plan(BI_PLAN)] },
  ]);
  const row = {
    userId: 'u1',
    disabled: false,
    guest: false,
    licenses: [
      { skuId: PBI, monthlyPriceCents: 340 },
      { skuId: E5, monthlyPriceCents: 3_500 },
    ],
  };
  const state = (skuId: string, extra: Partial<LicenseAssignmentState> = {}): LicenseAssignmentState => ({
    skuId,
    assignedByGroup: null,
    state: 'Active',
    error: null,
    lastUpdatedAt: null,
    disabledPlans: [],
    ...extra,
  });

  it('finds the redundant license and prices the account as its site mail does', () => {
    const facts = buildAccountFacts({ row, signIn: ACTIVE, catalog });
    expect(facts.redundant).toEqual([{ skuId: PBI, coveredBySkuId: E5, source: 'service-plans' }]);
    expect(accountSavings(facts)).toMatchObject({ category: 'redundant', monthlyCents: 340 });
  });

  it('reads the plans an assignment disables: E5 without its Power BI plan leaves Power BI Pro useful', () => {
    const facts = buildAccountFacts({ row, signIn: ACTIVE, catalog, assignmentStates: [state(PBI), state(E5, { disabledPlans: [BI_PLAN] })] });
    expect(facts.redundant).toEqual([]);
  });

  it('keeps a plan that one source disables and another does not', () => {
    const states = [state(PBI), state(E5, { disabledPlans: [BI_PLAN] }), state(E5, { assignedByGroup: '11111111-0000-4000-8000-000000000001' })];
    expect(buildAccountFacts({ row, signIn: ACTIVE, catalog, assignmentStates: states }).redundant).toHaveLength(1);
  });

  it('lets no license in error cover another, and lists its errors with the group at fault', () => {
    const group = '11111111-0000-4000-8000-000000000002';
    const facts = buildAccountFacts({
      row,
      signIn: ACTIVE,
      catalog,
      assignmentStates: [state(PBI), state(E5, { assignedByGroup: group, state: 'Error', error: 'CountViolation' })],
    });
    expect(facts.redundant).toEqual([]);
    expect(facts.assignmentErrors).toEqual([{ userId: 'u1', skuId: E5, groupId: group, state: 'Error', error: 'CountViolation', lastUpdatedAt: null }]);
    expect(listReviewReasons(facts).map((r) => r.code)).toEqual(['assignment-error']);
  });

  it('honours the exceptions it is given', () => {
    const { exceptions } = parseOverlapExceptions('POWER_BI_PRO+ENTERPRISEPREMIUM');
    expect(buildAccountFacts({ row, signIn: ACTIVE, catalog, redundancy: { exceptions } }).redundant).toEqual([]);
  });
});
