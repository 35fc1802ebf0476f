import { describe, expect, it } from 'vitest';
import { KNOWN_SKUS, sampleTenantData, SITES_LIST_TITLE, type TenantData } from '../../test/fakeTenant/index.js';
import { changeTenantForSecondMonth } from '../../scripts/changeTenantForSecondMonth.js';

const staffIds = (data: TenantData, code: string) => {
  const row = data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE)?.items.find((item) => item['SiteCode'] === code);
  return data.groups.find((g) => g.id === row?.['MembersGroupId'])?.memberIds ?? [];
};
const e3 = KNOWN_SKUS.ENTERPRISEPACK.skuId;

describe('changeTenantForSecondMonth', () => {
  it('brings three arrivals to HUMA and removes a departed account from PDM and from the tenant', () => {
    const data = sampleTenantData({ now: new Date('2026-10-01T00:00:00Z') });
    const huma = staffIds(data, 'HUMA').length;
    const pdmBefore = [...staffIds(data, 'PDM')];
    const users = data.users.length;

    const changes = changeTenantForSecondMonth(data, new Date('2026-11-01T06:00:00Z'));

    expect(staffIds(data, 'HUMA')).toHaveLength(huma + 3);
    const left = pdmBefore.filter((id) => !staffIds(data, 'PDM').includes(id));
    expect(left).toHaveLength(1);
    expect(data.users.some((u) => u.id === left[0])).toBe(false);
    expect(data.users).toHaveLength(users + 3 - 1);
    expect(changes.filter((c) => c.startsWith('HUMA:') && c.includes('arrives'))).toHaveLength(3);
    expect(changes).toContainEqual(expect.stringMatching(/^PDM: .+ leaves, account deleted/));
  });

  it('adds a license at SIEGE, removes one at CEPSJ and disables an E3 account that keeps its license', () => {
    const data = sampleTenantData({ now: new Date('2026-10-01T00:00:00Z') });
    const licenses = new Map(data.users.map((u) => [u.id, u.assignedLicenses.length]));
    const enabledE3 = new Set(data.users.filter((u) => u.accountEnabled && u.assignedLicenses.some((l) => l.skuId === e3)).map((u) => u.id));

    const changes = changeTenantForSecondMonth(data, new Date('2026-11-01T06:00:00Z'));

    const siege = new Set(staffIds(data, 'SIEGE'));
    const cepsj = new Set(staffIds(data, 'CEPSJ'));
    // The redundant Exchange Online (Plan 1) licenses at APF and DDA31 are the waste of the month, tested below.
    const exo = KNOWN_SKUS.EXCHANGESTANDARD.skuId;
    const gained = data.users.filter((u) => licenses.has(u.id) && u.assignedLicenses.filter((l) => l.skuId !== exo).length > (licenses.get(u.id) ?? 0));
    const lost = data.users.filter((u) => u.assignedLicenses.length < (licenses.get(u.id) ?? 0));
    const disabled = data.users.filter((u) => enabledE3.has(u.id) && !u.accountEnabled);
    expect(gained.map((u) => siege.has(u.id))).toEqual([true]);
    expect(gained[0]?.assignedLicenses.some((l) => l.skuId === KNOWN_SKUS.POWER_BI_PRO.skuId)).toBe(true);
    expect(lost.map((u) => cepsj.has(u.id))).toEqual([true]);
    expect(disabled).toHaveLength(1);
    expect(siege.has(disabled[0]?.id ?? '')).toBe(true);
    expect(disabled[0]?.assignedLicenses.some((l) => l.skuId === e3)).toBe(true);
    // 7 changes of the month plus 10 kinds of waste (addSecondMonthWaste).
    expect(changes).toHaveLength(17);
  });

  it('adds each kind of waste: redundant licenses, a group license in error, subscriptions to watch, never-used and sprayed accounts', () => {
    const now = new Date('2026-11-01T06:00:00Z');
    const data = sampleTenantData({ now: new Date('2026-10-01T00:00:00Z') });
    changeTenantForSecondMonth(data, now);
    const plans = (skuId: string) => new Set(data.skus.find((s) => s.skuId === skuId)?.servicePlans?.map((p) => p.servicePlanId));
    const within = (a: string, b: string) => [...plans(a)].every((id) => plans(b).has(id));
    const holds = (skuId: string) => data.users.filter((u) => u.assignedLicenses.some((l) => l.skuId === skuId));
    const exo = KNOWN_SKUS.EXCHANGESTANDARD.skuId;
    const suites = [KNOWN_SKUS.O365_BUSINESS_PREMIUM.skuId, KNOWN_SKUS.SPB.skuId];

    // Redundant by plans (every plan of Exchange Plan 1 is in the suite), and a pair the plans do not tell (E3).
    expect(holds(exo).some((u) => u.assignedLicenses.some((l) => suites.includes(l.skuId) && within(exo, l.skuId)))).toBe(true);
    expect(holds(exo).some((u) => u.assignedLicenses.some((l) => l.skuId === e3))).toBe(true);
    expect(within(exo, e3)).toBe(false);

    const pbi = KNOWN_SKUS.POWER_BI_PRO.skuId;
    const group = data.groups.find((g) => g.assignedLicenses?.some((l) => l.skuId === pbi));
    const failed = data.users.filter((u) =>
      u.licenseAssignmentStates?.some((s) => s.state === 'Error' && s.error === 'CountViolation' && s.assignedByGroup === group?.id),
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]?.assignedLicenses.some((l) => l.skuId === pbi)).toBe(false);
    expect(holds(pbi).length).toBeGreaterThan(data.skus.find((s) => s.skuId === pbi)?.prepaidUnits ?? Infinity);

    const subs = data.subscriptions ?? [];
    expect(new Set(subs.map((s) => s.status))).toEqual(new Set(['Enabled', 'Warning', 'Suspended', 'LockedOut', 'Deleted']));
    expect(subs.some((s) => s.isTrial && s.status === 'Enabled')).toBe(true);
    const soon = subs.filter((s) => s.status === 'Enabled' && s.nextLifecycleDateTime && Date.parse(s.nextLifecycleDateTime) - now.getTime() < 60 * 86_400_000);
    expect(soon.map((s) => s.skuPartNumber)).toEqual(expect.arrayContaining(['ENTERPRISEPACK']));
    // Seats per state on /subscribedSkus add up from the subscriptions, as Microsoft computes them.
    for (const sku of data.skus) {
      const seats = (status: string) => subs.filter((s) => s.skuId === sku.skuId && s.status === status).reduce((n, s) => n + s.totalLicenses, 0);
      expect([sku.prepaidUnits, sku.warningUnits ?? 0, sku.suspendedUnits ?? 0, sku.lockedOutUnits ?? 0], sku.skuPartNumber).toEqual([
        seats('Enabled'),
        seats('Warning'),
        seats('Suspended'),
        seats('LockedOut'),
      ]);
    }

    const day = 86_400_000;
    const paid = (u: (typeof data.users)[number]) =>
      u.assignedLicenses.some((l) => l.skuId !== KNOWN_SKUS.FLOW_FREE.skuId && l.skuId !== KNOWN_SKUS.POWER_BI_STANDARD.skuId);
    expect(data.users.some((u) => paid(u) && u.accountEnabled && !u.signInActivity && Date.parse(u.createdDateTime ?? '') < now.getTime() - 90 * day)).toBe(
      true,
    );
    const sprayed = data.users.filter(
      (u) =>
        u.signInActivity &&
        now.getTime() - Date.parse(u.signInActivity.lastSignInDateTime ?? '') < 2 * day &&
        now.getTime() - Date.parse(u.signInActivity.lastSuccessfulSignInDateTime ?? '') > 90 * day,
    );
    expect(sprayed).toHaveLength(1);
    // A new hire who has not signed in yet is recent, not never-used.
    expect(data.users.filter((u) => !u.signInActivity && now.getTime() - Date.parse(u.createdDateTime ?? '') < 7 * day)).toHaveLength(1);
  });

  it('makes the same changes every time, so the demo is repeatable', () => {
    const run = () => changeTenantForSecondMonth(sampleTenantData({ now: new Date('2026-10-01T00:00:00Z') }), new Date('2026-11-01T06:00:00Z'));
    expect(run()).toEqual(run());
  });
});
