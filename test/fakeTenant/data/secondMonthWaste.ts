// The kinds of waste the demo's second month shows (issue 15), applied in place to a sample tenant:
// redundant licenses (by service plans, and a pair the plans do not tell), a group-based license in
// error, subscriptions in warning / suspended / locked out / deleted / trial / renewing soon, a
// never-used account and a password-sprayed abandoned one. Only sites whose figures the two-month
// tests pin (SIEGE, CEPSJ, HUMA, PDM) are left alone. Returns one "CODE: what" line per change.
import { subscriptionsOf } from '../graph/subscriptions.js';
import { stableGuid } from '../sharepoint/format.js';
import type { FakeSku, FakeUser, TenantData } from '../types.js';
import { SKUS, TRIAL_SKU } from './catalog.js';
import { subscription } from './sampleLicensing.js';
import { SITES_LIST_TITLE } from './sampleLists.js';

const DAY_MS = 86_400_000;
// Licenses the sample's price list prices above 0 (Office 365 E1 is donated to the association: 0 €).
const PAID = new Set<string>([SKUS.ENTERPRISEPACK.skuId, SKUS.SPB.skuId, SKUS.O365_BUSINESS_PREMIUM.skuId, SKUS.EXCHANGESTANDARD.skuId]);

/** Users of a site's staff group (nested groups included), in member order. */
function siteUsers(data: TenantData, code: string): FakeUser[] {
  const row = data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE)?.items.find((i) => i['SiteCode'] === code);
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const users = new Map(data.users.map((u) => [u.id, u]));
  const found: FakeUser[] = [];
  const visit = (id: string, seen: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const user = users.get(id);
    if (user) found.push(user);
    for (const member of groups.get(id)?.memberIds ?? []) visit(member, seen);
  };
  for (const id of groups.get(String(row?.['MembersGroupId']))?.memberIds ?? []) visit(id, new Set());
  return found;
}

const holds = (user: FakeUser, skuId: string) => user.assignedLicenses.some((l) => l.skuId === skuId);
const lastSignIn = (user: FakeUser) => Date.parse(user.signInActivity?.lastSuccessfulSignInDateTime ?? user.signInActivity?.lastSignInDateTime ?? '') || 0;

export function addSecondMonthWaste(data: TenantData, now: Date, touched: Set<string>): string[] {
  const changes: string[] = [];
  const pick = (code: string, test: (u: FakeUser) => boolean): FakeUser => {
    const found = siteUsers(data, code)
      .slice(3)
      .find((u) => u.userType === 'Member' && u.mail !== null && u.accountEnabled && !touched.has(u.id) && test(u));
    if (!found) throw new Error(`second month: no suitable account at site ${code}`);
    touched.add(found.id);
    return found;
  };
  const skuOf = (skuId: string): FakeSku => {
    const sku = data.skus.find((s) => s.skuId === skuId);
    if (!sku) throw new Error(`second month: the tenant has no SKU ${skuId}`);
    return sku;
  };
  const exo = SKUS.EXCHANGESTANDARD;
  // A redundant license is waste on an account in use (an unused account's whole licenses are): signed in lately.
  const inUse = (u: FakeUser) => lastSignIn(u) > now.getTime() - 60 * DAY_MS;

  // Redundant by service plans: every plan of Exchange Online (Plan 1) is in Business Standard / Premium.
  const suite = pick('APF', (u) => inUse(u) && (holds(u, SKUS.O365_BUSINESS_PREMIUM.skuId) || holds(u, SKUS.SPB.skuId)));
  suite.assignedLicenses.push({ skuId: exo.skuId, disabledPlans: [] });
  changes.push(`APF: ${suite.displayName} also gets ${exo.displayName}, whose plans are all in the suite already held`);
  // Redundant although the plans differ: Exchange Online (Plan 2) in Office 365 E3 covers Plan 1.
  const e3 = pick('DDA31', (u) => inUse(u) && holds(u, SKUS.ENTERPRISEPACK.skuId));
  e3.assignedLicenses.push({ skuId: exo.skuId, disabledPlans: [] });
  changes.push(`DDA31: ${e3.displayName} holds ${exo.displayName} next to ${SKUS.ENTERPRISEPACK.displayName} (Exchange Plan 2 covers it)`);

  // Group-based licensing in error: the group's Power BI Pro has no seat left for a new member.
  const pbi = SKUS.POWER_BI_PRO.skuId;
  const joiner = pick('CEFLP', (u) => !holds(u, pbi));
  const group = {
    id: stableGuid('group:licences-powerbi'),
    displayName: 'Licences Power BI - Contrôle de gestion',
    memberIds: [joiner.id],
    mail: null,
    assignedLicenses: [{ skuId: pbi, disabledPlans: [] }],
  };
  data.groups.push(group);
  const day = new Date(now.getTime() - DAY_MS).toISOString().replace(/\.\d+Z$/, 'Z');
  joiner.licenseAssignmentStates = [
    ...joiner.assignedLicenses.map((l) => ({
      skuId: l.skuId,
      assignedByGroup: null,
      state: 'Active' as const,
      error: null,
      disabledPlans: [],
      lastUpdatedDateTime: joiner.createdDateTime ?? null,
    })),
    { skuId: pbi, assignedByGroup: group.id, state: 'Error', error: 'CountViolation', disabledPlans: [], lastUpdatedDateTime: day },
  ];
  changes.push(`CEFLP: ${joiner.displayName} joins “${group.displayName}”, whose ${SKUS.POWER_BI_PRO.displayName} cannot be assigned (CountViolation)`);

  // Subscriptions needing attention, the SKUs' seats moved accordingly.
  data.subscriptions = [...subscriptionsOf(data)];
  const sub = (skuId: string) => data.subscriptions?.find((s) => s.skuId === skuId && s.status === 'Enabled');
  const visio = skuOf(SKUS.VISIOCLIENT.skuId);
  Object.assign(sub(visio.skuId) ?? {}, { status: 'Warning', nextLifecycleDateTime: dayIn(now, 20) });
  Object.assign(visio, { warningUnits: visio.prepaidUnits, prepaidUnits: 0, capabilityStatus: 'Warning' });
  changes.push(`Tenant: the ${visio.displayName} subscription expired and is in its grace period (Warning, suspended in 20 days)`);
  const project = skuOf(SKUS.PROJECTPROFESSIONAL.skuId);
  data.subscriptions.push(subscription(project, now, { index: 1, totalLicenses: 2, status: 'Suspended', nextInDays: 60, createdDaysAgo: 365 }));
  project.suspendedUnits = 2;
  changes.push(`Tenant: a second ${project.displayName} subscription (2 seats) is suspended`);
  const apps = skuOf(SKUS.O365_BUSINESS.skuId);
  data.subscriptions.push(subscription(apps, now, { index: 1, totalLicenses: 3, status: 'LockedOut', nextInDays: 30, createdDaysAgo: 500 }));
  apps.lockedOutUnits = 3;
  data.subscriptions.push(subscription(exo, now, { index: 1, totalLicenses: 10, status: 'Deleted', nextInDays: null, createdDaysAgo: 900 }));
  changes.push(`Tenant: a canceled ${apps.displayName} subscription is locked out (3 seats); an old ${exo.displayName} one is deleted`);
  data.skus.push({
    skuId: TRIAL_SKU.skuId,
    skuPartNumber: TRIAL_SKU.skuPartNumber,
    displayName: TRIAL_SKU.displayName,
    prepaidUnits: 25,
    capabilityStatus: 'Enabled',
    servicePlans: TRIAL_SKU.servicePlans.map((p) => ({ ...p })),
  });
  data.subscriptions.push(subscription(TRIAL_SKU, now, { index: 0, totalLicenses: 25, isTrial: true, nextInDays: 30, createdDaysAgo: 0 }));
  changes.push(`Tenant: a 30-day ${TRIAL_SKU.displayName} trial starts (25 seats, none assigned)`);
  Object.assign(sub(SKUS.ENTERPRISEPACK.skuId) ?? {}, { nextLifecycleDateTime: dayIn(now, 25) });
  changes.push(`Tenant: the ${SKUS.ENTERPRISEPACK.displayName} subscription renews in 25 days`);

  // Never used: an account created long ago that has never signed in.
  const never = pick('AT65', (u) => u.assignedLicenses.some((l) => PAID.has(l.skuId)) && Date.parse(u.createdDateTime ?? '') < now.getTime() - 180 * DAY_MS);
  delete never.signInActivity;
  changes.push(`AT65: ${never.displayName} has never signed in since the account was created on ${never.createdDateTime?.slice(0, 10)}`);
  // Password spraying keeps an abandoned account "recent": failed attempts yesterday, last success months ago.
  const sprayed = pick('CEFCS', (u) => u.assignedLicenses.some((l) => PAID.has(l.skuId)) && lastSignIn(u) < now.getTime() - 120 * DAY_MS);
  const success = sprayed.signInActivity?.lastSuccessfulSignInDateTime ?? sprayed.signInActivity?.lastSignInDateTime ?? null;
  sprayed.signInActivity = { lastSignInDateTime: day, lastNonInteractiveSignInDateTime: '0001-01-01T00:00:00Z', lastSuccessfulSignInDateTime: success };
  changes.push(`CEFCS: ${sprayed.displayName}'s abandoned account is password-sprayed: failed sign-ins yesterday, last success on ${success?.slice(0, 10)}`);
  return changes;
}

function dayIn(now: Date, days: number): string {
  return new Date(Date.parse(now.toISOString().slice(0, 10)) + days * DAY_MS).toISOString().replace('.000Z', 'Z');
}
