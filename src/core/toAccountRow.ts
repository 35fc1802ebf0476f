import type { AccountRow, DirectoryUser, Site } from '../types.js';
import type { PriceIndex } from './buildPriceIndex.js';
import { joinLicenses } from './joinLicenses.js';
import { sumCents } from './money.js';

/** One report line; only licenses with exactly one price row count in the account's cost. */
export function toAccountRow(user: DirectoryUser, site: Site, index: PriceIndex, collator: Intl.Collator): AccountRow {
  const licenses = joinLicenses(user.assignedSkuIds, index, collator);
  return {
    userId: user.id,
    // Service and shared accounts often have no surname: their display name keeps them findable.
    lastName: user.surname ?? user.displayName,
    firstName: user.givenName ?? '',
    email: user.mail ?? user.userPrincipalName,
    jobTitle: user.jobTitle ?? '',
    siteName: site.name,
    licenses,
    monthlyCostCents: sumCents(licenses.flatMap((line) => (line.monthlyPriceCents === null ? [] : [line.monthlyPriceCents]))),
    disabled: !user.accountEnabled,
    guest: user.userType === 'Guest',
    ...(user.licenseStates ? { licenseStates: user.licenseStates } : {}),
  };
}
