import { SITES_LIST_TITLE, type TenantData } from '../test/fakeTenant/index.js';

export const GRAPH_PAGE_SIZE = 999;

export interface ExpectedRequests {
  subscribedSkus: number;
  /** One request per list (both lists fit in one page). */
  listItems: number;
  /** Per site: staff and correspondents group, one request per 999 users (a deleted group: its one 404). */
  groupMembers: number;
}

/**
 * What the issue promises a run costs, computed from the tenant alone: requests grow with sites
 * and pages of 999 members, never with accounts. The benchmark prints it beside what it counted.
 */
export function expectedRequests(data: TenantData): { requests: ExpectedRequests; largestGroupUsers: number } {
  const groups = new Map(data.groups.map((group) => [group.id.toLowerCase(), group]));
  const userIds = new Set(data.users.map((user) => user.id.toLowerCase()));
  const usersOf = (groupId: string): number => {
    const found = new Set<string>();
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const member of groups.get(id)?.memberIds ?? []) {
        const key = member.toLowerCase();
        if (userIds.has(key)) found.add(key);
        else if (groups.has(key)) walk(key);
      }
    };
    walk(groupId.toLowerCase());
    return found.size;
  };
  const pages = (groupId: string) => Math.max(1, Math.ceil(usersOf(groupId) / GRAPH_PAGE_SIZE));

  const rows = data.sharePoint.lists.find((list) => list.title === SITES_LIST_TITLE)?.items ?? [];
  let groupMembers = 0;
  let largestGroupUsers = 0;
  for (const row of rows) {
    const members = row['MembersGroupId'];
    const correspondents = row['CorrespondentsGroupId'];
    // Inactive rows are not read; a row without both groups is skipped as malformed.
    if (row['Active'] === false || typeof members !== 'string' || !members || typeof correspondents !== 'string' || !correspondents) continue;
    groupMembers += pages(members) + pages(correspondents);
    largestGroupUsers = Math.max(largestGroupUsers, usersOf(members));
  }
  return { requests: { subscribedSkus: 1, listItems: data.sharePoint.lists.length, groupMembers }, largestGroupUsers };
}
