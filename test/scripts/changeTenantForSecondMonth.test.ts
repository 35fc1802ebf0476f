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
    const gained = data.users.filter((u) => licenses.has(u.id) && u.assignedLicenses.length > (licenses.get(u.id) ?? 0));
    const lost = data.users.filter((u) => u.assignedLicenses.length < (licenses.get(u.id) ?? 0));
    const disabled = data.users.filter((u) => enabledE3.has(u.id) && !u.accountEnabled);
    expect(gained.map((u) => siege.has(u.id))).toEqual([true]);
    expect(gained[0]?.assignedLicenses.some((l) => l.skuId === KNOWN_SKUS.POWER_BI_PRO.skuId)).toBe(true);
    expect(lost.map((u) => cepsj.has(u.id))).toEqual([true]);
    expect(disabled).toHaveLength(1);
    expect(siege.has(disabled[0]?.id ?? '')).toBe(true);
    expect(disabled[0]?.assignedLicenses.some((l) => l.skuId === e3)).toBe(true);
    expect(changes).toHaveLength(7);
  });

  it('makes the same changes every time, so the demo is repeatable', () => {
    const run = () => changeTenantForSecondMonth(sampleTenantData({ now: new Date('2026-10-01T00:00:00Z') }), new Date('2026-11-01T06:00:00Z'));
    expect(run()).toEqual(run());
  });
});
