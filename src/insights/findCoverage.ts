import { sumCents } from '../core/money.js';
import type { DirectoryUser, SiteReport } from '../types.js';
import { accountName } from './accountName.js';
import type { Coverage, LicenseCost, MultiSiteAccount, PriceLookup, UncoveredAccount } from './types.js';

/** What findCoverage needs of a tenant user (core's parseDirectoryUser gives more). */
export type CoverageUser = Pick<DirectoryUser, 'id' | 'displayName' | 'mail' | 'userPrincipalName' | 'accountEnabled' | 'userType' | 'assignedSkuIds'>;

function toUncovered(user: CoverageUser, lookup: PriceLookup): UncoveredAccount {
  const licenses = user.assignedSkuIds.map((skuId): LicenseCost => {
    const { label, monthlyPriceCents } = lookup(skuId);
    return { skuId, label, monthlyPriceCents };
  });
  return {
    userId: user.id,
    name: user.displayName,
    email: user.mail ?? user.userPrincipalName,
    disabled: !user.accountEnabled,
    guest: user.userType === 'Guest',
    licenses,
    monthlyCostCents: sumCents(licenses.flatMap((line) => (line.monthlyPriceCents === null ? [] : [line.monthlyPriceCents]))),
  };
}

/**
 * Who the site reports miss and who they count twice. `allUsers` = every tenant user (only
 * licensed ones matter), or 'unavailable' when they could not be read. A skipped account of a
 * site (unreadable record) still belongs to that site: it is not "in no site".
 */
export function findCoverage(allUsers: readonly CoverageUser[] | 'unavailable', siteReports: readonly SiteReport[], lookup: PriceLookup): Coverage {
  const sitesOf = new Map<string, { codes: string[]; row: SiteReport['rows'][number] }>();
  const covered = new Set<string>();
  for (const report of siteReports) {
    for (const skipped of report.skipped) if (skipped.userId) covered.add(skipped.userId);
    for (const row of report.rows) {
      covered.add(row.userId);
      const entry = sitesOf.get(row.userId);
      if (!entry) sitesOf.set(row.userId, { codes: [report.site.code], row });
      else if (!entry.codes.includes(report.site.code)) entry.codes.push(report.site.code);
    }
  }

  const multiSite: MultiSiteAccount[] = [];
  for (const { codes, row } of sitesOf.values()) {
    if (codes.length < 2) continue;
    multiSite.push({
      userId: row.userId,
      name: accountName(row),
      email: row.email,
      siteCodes: codes,
      monthlyCostCents: row.monthlyCostCents,
      overcountCents: row.monthlyCostCents * (codes.length - 1),
    });
  }
  multiSite.sort((a, b) => b.monthlyCostCents - a.monthlyCostCents || a.name.localeCompare(b.name));

  const uncovered =
    allUsers === 'unavailable'
      ? []
      : allUsers
          .filter((user) => user.assignedSkuIds.length > 0 && !covered.has(user.id))
          .map((user) => toUncovered(user, lookup))
          .sort((a, b) => b.monthlyCostCents - a.monthlyCostCents || a.name.localeCompare(b.name));

  // Sum of the rows rather than report.monthlyCostCents, so that both totals use the same figures.
  const sitesTotalCents = sumCents(siteReports.flatMap((report) => report.rows.map((row) => row.monthlyCostCents)));
  const overcountCents = sumCents(multiSite.map((account) => account.overcountCents));
  return {
    uncovered,
    uncoveredCostCents: sumCents(uncovered.map((account) => account.monthlyCostCents)),
    multiSite,
    sitesTotalCents,
    organisationCostCents: sitesTotalCents - overcountCents,
    overcountCents,
  };
}
