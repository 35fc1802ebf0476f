import { describe, expect, it } from 'vitest';
import type { PriceLookup } from '../../../src/insights/types.js';
import { describeAssignments, findAssignmentErrors } from '../../../src/insights/waste/describeAssignments.js';
import { findSubscriptionsNeedingAttention } from '../../../src/insights/waste/findSubscriptionsNeedingAttention.js';
import type { CompanySubscription, LicenseAssignmentState, UserLicenseStates } from '../../../src/insights/waste/wasteTypes.js';

const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const BI = 'f8a1db68-be16-40ed-86d5-cb42ce701560';
const STAFF = '11111111-0000-4000-8000-000000000001';
const IT = '11111111-0000-4000-8000-000000000002';

const state = (skuId: string, assignedByGroup: string | null, extra: Partial<LicenseAssignmentState> = {}): LicenseAssignmentState => ({
  skuId,
  assignedByGroup,
  state: 'Active',
  error: null,
  lastUpdatedAt: '2026-01-10T00:00:00.000Z',
  disabledPlans: [],
  ...extra,
});
const user = (userId: string, ...states: LicenseAssignmentState[]): UserLicenseStates => ({ userId, states });

describe('describeAssignments', () => {
  it.each<[string, LicenseAssignmentState[], Array<[string, string, string[]]>]>([
    ['a direct license', [state(E3, null)], [[E3, 'direct', []]]],
    ['a license through one group', [state(E3, STAFF)], [[E3, 'group', [STAFF]]]],
    ['a license through two groups', [state(E3, STAFF), state(E3, IT)], [[E3, 'group', [STAFF, IT]]]],
    ['a license both direct and through a group, named once', [state(E3, STAFF), state(E3, null)], [[E3, 'both', [STAFF]]]],
    [
      'two licenses, each from its own source',
      [state(E3, null), state(BI, IT)],
      [
        [E3, 'direct', []],
        [BI, 'group', [IT]],
      ],
    ],
    ['the same group twice', [state(E3, STAFF), state(E3, STAFF)], [[E3, 'group', [STAFF]]]],
  ])('%s', (_case, states, expected) => {
    expect(describeAssignments(user('u1', ...states)).map((a) => [a.skuId, a.source, a.groupIds])).toEqual(expected);
  });

  it('keeps each source in error on its license, with the group at fault', () => {
    const [e3] = describeAssignments(user('u1', state(E3, null), state(E3, STAFF, { state: 'Error', error: 'CountViolation' })));
    expect(e3).toMatchObject({ source: 'both', direct: true, groupIds: [STAFF] });
    expect(e3?.errors).toEqual([
      { userId: 'u1', skuId: E3, groupId: STAFF, state: 'Error', error: 'CountViolation', lastUpdatedAt: '2026-01-10T00:00:00.000Z' },
    ]);
  });
});

describe('findAssignmentErrors', () => {
  it.each<[string, Partial<LicenseAssignmentState>, boolean]>([
    ['state Error with its error', { state: 'Error', error: 'CountViolation' }, true],
    ['state ActiveWithError', { state: 'ActiveWithError', error: 'MutuallyExclusiveViolation' }, true],
    ['state Error without an error code', { state: 'Error' }, true],
    ['an error code on another state', { state: 'Disabled', error: 'Other' }, true],
    ['Active', {}, false],
    ['Disabled without error', { state: 'Disabled' }, false],
  ])('%s: listed %s', (_case, extra, listed) => {
    expect(findAssignmentErrors([user('u1', state(E3, STAFF, extra))])).toHaveLength(listed ? 1 : 0);
  });

  it('lists the errors by group at fault (direct ones last), then error, user and SKU', () => {
    const errors = findAssignmentErrors([
      user('u2', state(E3, null, { state: 'Error', error: 'DependencyViolation' }), state(BI, IT, { state: 'Error', error: 'CountViolation' })),
      user('u1', state(E3, IT, { state: 'Error', error: 'CountViolation' }), state(E3, STAFF, { state: 'ActiveWithError', error: 'UniquenessViolation' })),
    ]);
    expect(errors.map((e) => [e.groupId, e.error, e.userId, e.skuId])).toEqual([
      [STAFF, 'UniquenessViolation', 'u1', E3],
      [IT, 'CountViolation', 'u1', E3],
      [IT, 'CountViolation', 'u2', BI],
      [null, 'DependencyViolation', 'u2', E3],
    ]);
  });
});

describe('findSubscriptionsNeedingAttention', () => {
  const NOW = new Date('2026-02-01T06:00:00Z');
  const inDays = (days: number): string => new Date(NOW.getTime() + days * 86_400_000).toISOString();
  const prices: Record<string, number | null> = { [E3]: 630, [BI]: null };
  const lookup: PriceLookup = (skuId) => ({
    label: skuId === E3 ? 'Office 365 E3' : 'Power BI Pro',
    monthlyPriceCents: prices[skuId] ?? null,
    match: 'priced',
    skuPartNumber: null,
  });
  const subscription = (id: string, extra: Partial<CompanySubscription> = {}): CompanySubscription => ({
    id,
    skuId: E3,
    skuPartNumber: 'ENTERPRISEPACK',
    status: 'Enabled',
    isTrial: false,
    totalLicenses: 10,
    nextLifecycleAt: inDays(200),
    ...extra,
  });
  const find = (...subs: CompanySubscription[]) => findSubscriptionsNeedingAttention(subs, { now: NOW, lookup });

  it.each<[string, Partial<CompanySubscription>, string[]]>([
    ['enabled, renewing in 200 days', {}, []],
    ['in grace period (Warning)', { status: 'Warning' }, ['warning']],
    ['Suspended', { status: 'Suspended' }, ['suspended']],
    ['LockedOut', { status: 'LockedOut' }, ['locked-out']],
    ['Deleted: gone, not listed', { status: 'Deleted', nextLifecycleAt: inDays(3) }, []],
    ['a trial', { isTrial: true }, ['trial']],
    ['renewing in 60 days exactly', { nextLifecycleAt: inDays(60) }, ['lifecycle-soon']],
    ['renewing in 61 days', { nextLifecycleAt: inDays(61) }, []],
    ['a lifecycle date already past', { nextLifecycleAt: inDays(-2) }, ['lifecycle-soon']],
    ['a trial ending in 10 days', { isTrial: true, nextLifecycleAt: inDays(10) }, ['trial', 'lifecycle-soon']],
    ['in grace period, suspended in 20 days', { status: 'Warning', nextLifecycleAt: inDays(20) }, ['warning', 'lifecycle-soon']],
    ['no lifecycle date', { nextLifecycleAt: null }, []],
  ])('%s', (_case, extra, reasons) => {
    expect(find(subscription('s1', extra)).map((item) => item.reasons)).toEqual(reasons.length ? [reasons] : []);
  });

  it('gives the seats and the monthly cost at stake, and N/A (null) for an unpriced SKU', () => {
    const [priced, unpriced] = find(
      subscription('s1', { status: 'Warning', nextLifecycleAt: inDays(20) }),
      subscription('s2', { skuId: BI, skuPartNumber: 'POWER_BI_PRO', status: 'Warning', totalLicenses: 5, nextLifecycleAt: inDays(30) }),
    );
    expect(priced).toMatchObject({
      subscriptionId: 's1',
      label: 'Office 365 E3',
      seats: 10,
      unitPriceCents: 630,
      monthlyCostAtStakeCents: 6_300,
      daysToLifecycle: 20,
    });
    expect(unpriced).toMatchObject({ subscriptionId: 's2', seats: 5, unitPriceCents: null, monthlyCostAtStakeCents: null, daysToLifecycle: 30 });
  });

  it('lists the most urgent first: locked out, suspended, grace period, then the nearest date', () => {
    const order = find(
      subscription('renews-in-40', { nextLifecycleAt: inDays(40) }),
      subscription('trial', { isTrial: true, nextLifecycleAt: null }),
      subscription('warning', { status: 'Warning' }),
      subscription('renews-in-5', { nextLifecycleAt: inDays(5) }),
      subscription('locked', { status: 'LockedOut' }),
      subscription('suspended', { status: 'Suspended' }),
    ).map((item) => item.subscriptionId);
    expect(order).toEqual(['locked', 'suspended', 'warning', 'renews-in-5', 'renews-in-40', 'trial']);
  });

  it('takes another window when asked', () => {
    expect(findSubscriptionsNeedingAttention([subscription('s1', { nextLifecycleAt: inDays(80) })], { now: NOW, lookup, withinDays: 90 })).toHaveLength(1);
  });
});
