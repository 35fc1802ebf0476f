import type { TenantData } from '../fakeTenant/index.js';
import type { RawRecord } from '../../src/ports.js';
import type { FakeDirectory } from './fakeDirectory.js';
import type { FakeLists } from './fakeLists.js';

/**
 * Loads the shared fake tenant's data (test/fakeTenant) into the in-memory ports, so the core's
 * tests run against the same awkward organisation as the adapters' HTTP tests: nested groups,
 * a deleted group, guests, accounts without mail, duplicate and missing prices.
 */
export function loadTenantData(data: TenantData, lists: FakeLists, directory: FakeDirectory): void {
  const users = new Map(data.users.map((user) => [user.id, user]));
  const groups = new Map(data.groups.map((group) => [group.id, group]));
  // transitiveMembers/microsoft.graph.user: every user reached through nested groups, once.
  const transitiveUsers = (groupId: string): RawRecord[] => {
    const found = new Map<string, RawRecord>();
    const visited = new Set<string>();
    const visit = (id: string): void => {
      if (visited.has(id)) return;
      visited.add(id);
      for (const memberId of groups.get(id)?.memberIds ?? []) {
        const user = users.get(memberId);
        if (user) found.set(user.id, { ...user });
        else visit(memberId);
      }
    };
    visit(groupId);
    return [...found.values()];
  };
  for (const group of data.groups) directory.groups.set(group.id, transitiveUsers(group.id));
  directory.skus = data.skus.map((sku) => ({
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    prepaidUnits: { enabled: sku.prepaidUnits },
    consumedUnits: data.users.filter((user) => user.assignedLicenses.some((l) => l.skuId === sku.skuId)).length,
    capabilityStatus: sku.capabilityStatus ?? 'Enabled',
  }));
  directory.users = data.users.map((user) => ({ ...user }));
  directory.signInActivityForbidden = data.signInActivityForbidden ?? false;
  for (const list of data.sharePoint.lists)
    lists.lists.set(
      list.title,
      list.items.map((item) => ({ ...item })),
    );
}
