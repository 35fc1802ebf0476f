import { skuIdKey } from '../core/buildPriceIndex.js';
import type { AccountChange, LicenseChange, SiteChanges, SiteSnapshot, SnapshotAccount, SnapshotLicense } from './types.js';

const skuKey = (license: SnapshotLicense): string => skuIdKey(license.skuId);

const toChange = (account: SnapshotAccount): AccountChange => ({
  userId: account.userId,
  name: account.name,
  email: account.email,
  licenses: account.licenses.map((license) => license.label),
  monthlyCostCents: account.monthlyCostCents,
});

/** Licenses in `from` whose SKU is not in `other`, as labels. */
function missingFrom(from: readonly SnapshotLicense[], other: readonly SnapshotLicense[]): string[] {
  const keys = new Set(other.map(skuKey));
  return from.filter((license) => !keys.has(skuKey(license))).map((license) => license.label);
}

/**
 * What changed in a site between its last report and this one. Accounts are matched by id, so a
 * renamed account is not reported as one leaving and one arriving; licenses by SKU id, so a price
 * list relabel is not a license change. Lists keep the reports' order (sorted by name already).
 */
export function diffSnapshots(previous: SiteSnapshot | undefined, current: SiteSnapshot): SiteChanges {
  if (!previous) {
    return { firstReport: true, arrived: [], left: [], licenseChanges: [], costNowCents: current.monthlyCostCents };
  }
  const before = new Map(previous.accounts.map((account) => [account.userId, account]));
  const now = new Map(current.accounts.map((account) => [account.userId, account]));

  const arrived: AccountChange[] = [];
  const licenseChanges: LicenseChange[] = [];
  for (const account of current.accounts) {
    const then = before.get(account.userId);
    if (!then) {
      arrived.push(toChange(account));
      continue;
    }
    const added = missingFrom(account.licenses, then.licenses);
    const removed = missingFrom(then.licenses, account.licenses);
    if (added.length > 0 || removed.length > 0) {
      licenseChanges.push({
        userId: account.userId,
        name: account.name,
        email: account.email,
        added,
        removed,
        costThenCents: then.monthlyCostCents,
        costNowCents: account.monthlyCostCents,
      });
    }
  }
  const left = previous.accounts.filter((account) => !now.has(account.userId)).map(toChange);

  return {
    firstReport: false,
    previousPeriod: previous.period,
    arrived,
    left,
    licenseChanges,
    costThenCents: previous.monthlyCostCents,
    costNowCents: current.monthlyCostCents,
    deltaCents: current.monthlyCostCents - previous.monthlyCostCents,
  };
}
