// Shape of the sample organisation and of generated benchmark tenants.
import { describe, expect, it } from 'vitest';
import { SKUS as KNOWN_SKUS } from './data/catalog.js';
import { generateTenantData, siteSizes } from './data/generate.js';
import { Prng } from './data/prng.js';
import { sampleTenantData } from './data/sample.js';
import { Directory } from './graph/directory.js';
import { productNamesCsv } from './productNames.js';
import type { FakeUser, TenantData } from './types.js';

const now = new Date('2025-02-01T00:00:00Z');
const data = sampleTenantData({ now });
const directories = new WeakMap<TenantData, Directory>();
const directoryOf = (d: TenantData): Directory => directories.get(d) ?? directories.set(d, new Directory(() => d)).get(d)!;
const directory = directoryOf(data);
const usersOf = (d: TenantData, groupId: unknown): FakeUser[] => {
  const dir = directoryOf(d);
  const group = dir.group(String(groupId));
  return group ? (dir.transitiveMembers(group).filter((m) => !('memberIds' in m)) as FakeUser[]) : [];
};
const sites = data.sharePoint.lists.find((l) => l.title === 'Sites')?.items ?? [];

describe('sampleTenantData', () => {
  it('is deterministic', () => {
    expect(sampleTenantData({ now })).toEqual(data);
  });

  it('has the 11 establishments with their member counts, plus the awkward rows', () => {
    const counts = sites.filter((s) => s.Active !== false && s.MembersGroupId).map((s) => [s.SiteCode, usersOf(data, s.MembersGroupId).length]);
    expect(counts).toEqual([
      ['SIEGE', 35],
      ['PDM', 37],
      ['APF', 112],
      ['HUMA', 12],
      ['AT65', 24],
      ['CEFCS', 42],
      ['CEFLP', 34],
      ['CEPSJ', 131],
      ['CEPGA', 32],
      ['DDA31', 105],
      ['DDA32', 24],
      ['FLP', 0],
    ]);
    expect(directory.group(String(sites.find((s) => s.SiteCode === 'FLP')?.MembersGroupId))).toBeUndefined();
    expect(sites.find((s) => s.SiteCode === 'ESAT')?.Active).toBe(false);
    expect(sites.find((s) => s.SiteCode === 'SSG')?.MembersGroupId).toBeNull();
    expect(sites.filter((s) => s.Active === null).length).toBeGreaterThan(0);
  });

  it('covers the edge cases the report must handle', () => {
    const inSites = new Set(sites.filter((s) => s.Active !== false).flatMap((s) => usersOf(data, s.MembersGroupId).map((u) => u.id)));
    const outside = data.users.filter((u) => !inSites.has(u.id) && u.assignedLicenses.length > 0);
    expect(outside.length).toBeGreaterThanOrEqual(3);
    expect(data.users.filter((u) => u.userType === 'Guest').every((u) => u.userPrincipalName.includes('#EXT#'))).toBe(true);
    expect(data.users.filter((u) => u.userType === 'Guest').length).toBeGreaterThanOrEqual(2);
    expect(data.users.some((u) => !u.accountEnabled && u.assignedLicenses.some((l) => l.skuId === KNOWN_SKUS.ENTERPRISEPACK.skuId))).toBe(true);
    expect(data.users.some((u) => u.mail === null)).toBe(true);
    expect(data.users.some((u) => u.surname === "O'Neil" && u.givenName === 'Élodie')).toBe(true);
    const stale = data.users.filter((u) => u.signInActivity && now.getTime() - Date.parse(u.signInActivity.lastSignInDateTime ?? '') > 90 * 86_400_000);
    expect(stale.length).toBeGreaterThan(10);
    expect(data.users.find((u) => u.mail === data.mailSender)).toBeDefined();
    expect(data.itSummaryTo).toEqual(['dsi@horizon-asso.fr']);
    // Correspondents all have a mailbox; one user serves two sites.
    const correspondents = sites.flatMap((s) => usersOf(data, s.CorrespondentsGroupId));
    expect(correspondents.every((u) => u.mail)).toBe(true);
    expect(correspondents.length).toBeGreaterThan(new Set(correspondents.map((u) => u.id)).size);
  });
});

describe('sampleTenantData: licensing as Microsoft 365 keeps it', () => {
  it('one subscription per SKU holding its seats; the managers get E3 from a licensing group', () => {
    for (const sku of data.skus) {
      const subs = (data.subscriptions ?? []).filter((s) => s.skuId === sku.skuId);
      expect(
        subs.map((s) => [s.status, s.totalLicenses]),
        sku.skuPartNumber,
      ).toEqual([['Enabled', sku.prepaidUnits]]);
    }
    const group = data.groups.find((g) => g.assignedLicenses?.some((l) => l.skuId === KNOWN_SKUS.ENTERPRISEPACK.skuId));
    expect(group?.memberIds.length).toBeGreaterThan(3);
    const both = data.users.find((u) => u.licenseAssignmentStates?.filter((s) => s.skuId === KNOWN_SKUS.ENTERPRISEPACK.skuId).length === 2);
    expect(both && group?.memberIds.includes(both.id)).toBe(true);
  });

  it('has never-used paid accounts created long ago, and every account a creation date', () => {
    expect(data.users.every((u) => typeof u.createdDateTime === 'string')).toBe(true);
    const neverUsed = data.users.filter(
      (u) => !u.signInActivity && u.accountEnabled && u.assignedLicenses.length > 0 && Date.parse(u.createdDateTime ?? '') < now.getTime() - 365 * 86_400_000,
    );
    expect(neverUsed.length).toBeGreaterThan(0);
  });
});

describe('generateTenantData', () => {
  it('builds 300 sites / 50,000 accounts / 40 SKUs, sites of 20..1500', () => {
    const big = generateTenantData({ sites: 300, accounts: 50_000, skus: 40 });
    const rows = big.sharePoint.lists[0]?.items ?? [];
    expect(rows).toHaveLength(300);
    expect(big.skus).toHaveLength(40);
    const sizes = rows.map((r) => usersOf(big, r.MembersGroupId).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(50_000);
    // The benchmark's tenant spans the whole range the issue names: sites of 20 to 1,500 accounts.
    expect(Math.min(...sizes)).toBe(20);
    expect(Math.max(...sizes)).toBe(1500);
    expect(big.users).toHaveLength(50_002); // + report sender and IT mailbox
    expect(generateTenantData({ sites: 5, accounts: 500, skus: 3, seed: 7 })).toEqual(generateTenantData({ sites: 5, accounts: 500, skus: 3, seed: 7 }));
  });

  it('rejects impossible splits', () => {
    expect(() => siteSizes(10, 100, new Prng(1))).toThrow(RangeError);
    expect(() => siteSizes(2, 3001, new Prng(1))).toThrow(RangeError);
    expect(siteSizes(2, 3000, new Prng(1))).toEqual([1500, 1500]);
  });
});

describe('product-names CSV', () => {
  it('has one row per product and plan, quoting names that contain commas', () => {
    const csv = productNamesCsv(generateTenantData({ sites: 1, accounts: 20, skus: 14 }).skus);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFProduct_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names');
    // Office 365 E3 now carries its 36 service plans from Microsoft's table (it had 4 abridged ones).
    expect(lines.filter((l) => l.includes(',ENTERPRISEPACK,'))).toHaveLength(36);
    expect(csv).toMatch(/\n"Fake Add-on 13, Nonprofit",FAKE_ADDON_13,/);
  });
});
