// user.licenseAssignmentStates (learn.microsoft.com/graph/api/resources/licenseassignmentstate):
// explicit when the data sets it, else derived from group-based licensing so the data cannot
// contradict itself: a license the user holds comes from each licensing group (transitive
// membership) that assigns that SKU, or is direct when no group does.
import type { FakeLicenseAssignmentState, FakeUser, TenantData } from '../types.js';
import { type Directory, isGroup } from './directory.js';

/** A function giving each user's states, with the group memberships computed once per request. */
export function licenseStatesOf(data: TenantData, directory: Directory): (user: FakeUser) => FakeLicenseAssignmentState[] {
  let inherited: Map<string, Array<{ groupId: string; skuId: string }>> | undefined;
  const groupGrants = (): Map<string, Array<{ groupId: string; skuId: string }>> => {
    if (inherited) return inherited;
    inherited = new Map();
    for (const group of data.groups) {
      if (!group.assignedLicenses?.length) continue;
      for (const member of directory.transitiveMembers(group)) {
        if (isGroup(member)) continue;
        const key = member.id.toLowerCase();
        const list = inherited.get(key) ?? [];
        for (const license of group.assignedLicenses) list.push({ groupId: group.id, skuId: license.skuId.toLowerCase() });
        inherited.set(key, list);
      }
    }
    return inherited;
  };
  return (user) => {
    if (user.licenseAssignmentStates) return user.licenseAssignmentStates;
    const fromGroups = groupGrants().get(user.id.toLowerCase()) ?? [];
    const updated = user.createdDateTime ?? null;
    return user.assignedLicenses.flatMap((license): FakeLicenseAssignmentState[] => {
      const groups = fromGroups.filter((g) => g.skuId === license.skuId.toLowerCase());
      const base = { skuId: license.skuId, state: 'Active' as const, error: null, disabledPlans: license.disabledPlans, lastUpdatedDateTime: updated };
      return groups.length === 0 ? [{ ...base, assignedByGroup: null }] : groups.map((g) => ({ ...base, assignedByGroup: g.groupId }));
    });
  };
}
