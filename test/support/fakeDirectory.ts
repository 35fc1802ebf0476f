import { HttpError } from '../../src/errors.js';
import type { Directory, RawRecord } from '../../src/ports.js';

export interface FakeDirectory extends Directory {
  /** Transitive user members by group id. */
  groups: Map<string, RawRecord[]>;
  skus: RawRecord[];
  /** Every user of the tenant, for GET /users (sign-ins, licensed accounts in no site). */
  users: RawRecord[];
  /** GET /directory/subscriptions (raw companySubscription items); with `subscriptionsForbidden`, a 403 as without Organization.Read.All. */
  subscriptions: RawRecord[];
  subscriptionsForbidden: boolean;
  /** Groups by id for listGroupsById (id, displayName...). */
  groupRecords: Map<string, RawRecord>;
  /** A tenant without Entra ID P1: selecting signInActivity answers 403, as Graph does. */
  signInActivityForbidden: boolean;
  /** Errors thrown when a group is read (by group id), when SKUs are read ('subscribedSkus'), users ('users'), subscriptions ('subscriptions') or groups by id ('groups'). */
  failures: Map<string, Error>;
  calls: Array<{ groupId: string; select: readonly string[] }>;
  /** The `select` of each GET /users (whole tenant). */
  userReads: Array<readonly string[]>;
  /** The ids of each GET /users?$filter=id in (...). */
  userByIdReads: string[][];
  /** Users a page when the whole tenant is read (Graph: 999, 120 or 500 with signInActivity). */
  usersPageSize: number;
  /** Most listGroupUsers calls in flight at once, overall and for member reads only. */
  maxInFlight: number;
  maxMemberReadsInFlight: number;
  /** When set, every group read waits for it: lets a test hold sites mid-flight. */
  gate?: Promise<void>;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Graph's directory in memory: answers only the `select`ed properties, like Graph does. */
export function createFakeDirectory(groups: Record<string, RawRecord[]> = {}, skus: RawRecord[] = []): FakeDirectory {
  let inFlight = 0;
  let memberReads = 0;
  const fake: FakeDirectory = {
    groups: new Map(Object.entries(groups)),
    skus,
    users: [],
    subscriptions: [],
    subscriptionsForbidden: false,
    groupRecords: new Map(),
    signInActivityForbidden: false,
    failures: new Map(),
    calls: [],
    userReads: [],
    userByIdReads: [],
    usersPageSize: 999,
    maxInFlight: 0,
    maxMemberReadsInFlight: 0,
    async listGroupUsers(groupId, select) {
      const isMemberRead = select.includes('assignedLicenses');
      fake.calls.push({ groupId, select });
      inFlight += 1;
      if (isMemberRead) memberReads += 1;
      fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
      fake.maxMemberReadsInFlight = Math.max(fake.maxMemberReadsInFlight, memberReads);
      try {
        await tick();
        if (fake.gate) await fake.gate;
        await tick();
        const failure = fake.failures.get(groupId);
        if (failure) throw failure;
        const users = fake.groups.get(groupId);
        if (!users) throw new HttpError('GET', `/groups/${groupId}/transitiveMembers/microsoft.graph.user`, 404, 'Request_ResourceNotFound');
        return users.map((user) => Object.fromEntries(select.filter((key) => key in user).map((key) => [key, user[key]])));
      } finally {
        inFlight -= 1;
        if (isMemberRead) memberReads -= 1;
      }
    },
    async listSubscribedSkus() {
      await tick();
      const failure = fake.failures.get('subscribedSkus');
      if (failure) throw failure;
      return fake.skus.map((sku) => ({ ...sku }));
    },
    async listCompanySubscriptions() {
      await tick();
      const failure = fake.failures.get('subscriptions');
      if (failure) throw failure;
      if (fake.subscriptionsForbidden)
        throw new HttpError('GET', '/directory/subscriptions', 403, 'Authorization_RequestDenied: Insufficient privileges to complete the operation.');
      return fake.subscriptions.map((subscription) => ({ ...subscription }));
    },
    async listGroupsById(ids, select) {
      await tick();
      const failure = fake.failures.get('groups');
      if (failure) throw failure;
      return ids.flatMap((id) => {
        const group = fake.groupRecords.get(id.toLowerCase());
        return group ? [Object.fromEntries(select.filter((key) => key in group).map((key) => [key, group[key]]))] : [];
      });
    },
    async listUsers(select) {
      const users: RawRecord[] = [];
      for await (const page of fake.pageUsers(select)) users.push(...page);
      return users;
    },
    async *pageUsers(select) {
      fake.userReads.push(select);
      for (let start = 0; start === 0 || start < fake.users.length; start += fake.usersPageSize) {
        yield await readUsers(select, fake.users.slice(start, start + fake.usersPageSize));
      }
    },
    async listUsersByIds(ids, select) {
      fake.userByIdReads.push([...ids]);
      return readUsers(
        select,
        fake.users.filter((user) => ids.includes(String(user['id']))),
      );
    },
  };
  async function readUsers(select: readonly string[], users: RawRecord[]): Promise<RawRecord[]> {
    await tick();
    const failure = fake.failures.get('users');
    if (failure) throw failure;
    if (fake.signInActivityForbidden && select.includes('signInActivity')) {
      throw new HttpError('GET', '/users', 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    }
    // Graph returns every selected property, null when the user has none (signInActivity: never signed in).
    return users.map((user) => Object.fromEntries(select.map((key) => [key, user[key] ?? null])));
  }
  return fake;
}
