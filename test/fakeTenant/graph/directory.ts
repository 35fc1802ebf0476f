// Lookups over the mutable tenant data. Tests mutate arrays between runs, and the
// benchmark asks hundreds of questions of 50,000 users, so lookups use an index
// that checks itself on every hit and rebuilds when the data moved under it.
import type { FakeGroup, FakeUser, TenantData } from '../types.js';

class SelfCheckingIndex<T> {
  private source: readonly T[] | undefined;
  private length = -1;
  private positions = new Map<string, number>();

  constructor(private readonly keysOf: (item: T) => Array<string | null | undefined>) {}

  get(items: readonly T[], key: string): T | undefined {
    const wanted = key.toLowerCase();
    if (items !== this.source || items.length !== this.length) this.rebuild(items);
    const hit = this.lookup(items, wanted);
    if (hit) return hit;
    // A miss may be stale (an item replaced in place): confirm with a scan, rebuild if so.
    const found = items.find((item) => this.has(item, wanted));
    if (found) this.rebuild(items);
    return found;
  }

  private lookup(items: readonly T[], wanted: string): T | undefined {
    const position = this.positions.get(wanted);
    if (position === undefined) return undefined;
    const item = items[position];
    if (item && this.has(item, wanted)) return item;
    this.rebuild(items);
    const again = this.positions.get(wanted);
    return again === undefined ? undefined : items[again];
  }

  private has(item: T, wanted: string): boolean {
    return this.keysOf(item).some((k) => k?.toLowerCase() === wanted);
  }

  private rebuild(items: readonly T[]): void {
    this.source = items;
    this.length = items.length;
    this.positions = new Map();
    items.forEach((item, i) => {
      for (const k of this.keysOf(item)) if (k) this.positions.set(k.toLowerCase(), i);
    });
  }
}

/** One directory view per tenant: ids for users and groups, UPN/mail for mailboxes. */
export class Directory {
  private readonly usersById = new SelfCheckingIndex<FakeUser>((u) => [u.id]);
  private readonly groupsById = new SelfCheckingIndex<FakeGroup>((g) => [g.id]);
  private readonly mailboxes = new SelfCheckingIndex<FakeUser>((u) => [u.id, u.userPrincipalName, u.mail]);

  constructor(private readonly data: () => TenantData) {}

  user(id: string): FakeUser | undefined {
    return this.usersById.get(this.data().users, id);
  }

  group(id: string): FakeGroup | undefined {
    return this.groupsById.get(this.data().groups, id);
  }

  /** Graph resolves /users/{x} by object id or userPrincipalName; Exchange also accepts the SMTP address. */
  mailbox(idOrAddress: string): FakeUser | undefined {
    return this.mailboxes.get(this.data().users, idOrAddress);
  }

  /** Direct members in memberIds order; dangling ids (deleted objects) are skipped like Graph does. */
  directMembers(group: FakeGroup): Array<FakeUser | FakeGroup> {
    const result: Array<FakeUser | FakeGroup> = [];
    for (const id of group.memberIds) {
      const member = this.user(id) ?? this.group(id);
      if (member) result.push(member);
    }
    return result;
  }

  /** Nested groups expanded depth-first; every user and group once, cycles tolerated. */
  transitiveMembers(group: FakeGroup): Array<FakeUser | FakeGroup> {
    const seen = new Set<string>([group.id.toLowerCase()]);
    const result: Array<FakeUser | FakeGroup> = [];
    const visit = (current: FakeGroup): void => {
      for (const member of this.directMembers(current)) {
        const key = member.id.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(member);
        if (isGroup(member)) visit(member);
      }
    };
    visit(group);
    return result;
  }
}

export function isGroup(entry: FakeUser | FakeGroup): entry is FakeGroup {
  return Array.isArray((entry as FakeGroup).memberIds);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(text: string): boolean {
  return GUID.test(text);
}
