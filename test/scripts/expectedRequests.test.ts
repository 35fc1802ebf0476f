import { describe, expect, it } from 'vitest';
import { generateTenantData, sampleTenantData, SITES_LIST_TITLE, type TenantData } from '../../test/fakeTenant/index.js';
import { expectedRequests } from '../../scripts/expectedRequests.js';

const sitesList = (data: TenantData) => {
  const list = data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE);
  if (!list) throw new Error('no sites list');
  return list;
};

describe('expectedRequests', () => {
  it('counts one request per group of the active, well-formed rows of the sample (the deleted group too)', () => {
    const data = sampleTenantData({ now: new Date('2026-10-01T00:00:00Z') });
    const rows = sitesList(data).items.filter((row) => row['Active'] !== false && row['MembersGroupId'] && row['CorrespondentsGroupId']);
    expect(expectedRequests(data)).toEqual({ requests: { subscribedSkus: 1, listItems: 2, groupMembers: rows.length * 2 }, largestGroupUsers: 131 });
  });

  it('needs a second page once a group, nested groups included, exceeds 999 users', () => {
    const data = generateTenantData({ sites: 2, accounts: 2_100, skus: 5, seed: 3 });
    const [first, second] = sitesList(data).items;
    const staff = data.groups.find((g) => g.id === first?.['MembersGroupId']);
    const other = data.groups.find((g) => g.id === second?.['MembersGroupId']);
    if (!staff || !other) throw new Error('no staff group');
    // Move every member of the second site into the first, through a nested group.
    staff.memberIds.push(other.id);
    const { requests, largestGroupUsers } = expectedRequests(data);
    expect(largestGroupUsers).toBe(2_100);
    expect(requests.groupMembers).toBe(Math.ceil(2_100 / 999) + 1 + 1 + 1);
  });

  it('adds nothing for rows that are inactive or miss a group, and grows with pages, not accounts', () => {
    const small = generateTenantData({ sites: 3, accounts: 60, skus: 5 });
    const large = generateTenantData({ sites: 3, accounts: 2_900, skus: 5 });
    expect(expectedRequests(small).requests.groupMembers).toBe(6);
    expect(expectedRequests(large).requests.groupMembers).toBeLessThanOrEqual(6 + 3);
    const [row] = sitesList(small).items;
    if (!row) throw new Error('no row');
    row['Active'] = false;
    expect(expectedRequests(small).requests.groupMembers).toBe(4);
  });
});
