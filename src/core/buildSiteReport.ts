import type { RawRecord } from '../ports.js';
import type { AccountRow, RunWarning, Site, SiteReport, SkippedAccount } from '../types.js';
import type { PriceIndex } from './buildPriceIndex.js';
import { collectCorrespondents } from './collectCorrespondents.js';
import { sumCents } from './money.js';
import { parseDirectoryUser } from './parseDirectoryUser.js';
import { toAccountRow } from './toAccountRow.js';

interface SiteReportContext {
  priceIndex: PriceIndex;
  /** Report locale: names are sorted the way its readers expect (é next to e). */
  locale: string;
}

function nameOf(raw: RawRecord): string {
  for (const key of ['displayName', 'userPrincipalName', 'mail', 'id']) {
    const value = raw[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return '(unnamed account)';
}

/**
 * One site's report from its raw members and correspondents. An account that cannot become a row
 * is skipped and named, and never stops the others: exported/total is the summary's "n/m".
 */
export function buildSiteReport(
  site: Site,
  rawUsers: readonly RawRecord[],
  correspondentsRaw: readonly RawRecord[],
  context: SiteReportContext,
): { report: SiteReport; warnings: RunWarning[] } {
  const collator = new Intl.Collator(context.locale, { sensitivity: 'base' });
  const rows: AccountRow[] = [];
  const skipped: SkippedAccount[] = [];
  const seenIds = new Set<string>();

  for (const raw of rawUsers) {
    const id = typeof raw['id'] === 'string' ? raw['id'] : '';
    // Nested groups can list a user twice if a page boundary shifts; count each account once.
    if (id) {
      if (seenIds.has(id)) continue;
      seenIds.add(id);
    }
    try {
      rows.push(toAccountRow(parseDirectoryUser(raw), site, context.priceIndex, collator));
    } catch (error) {
      skipped.push({ userId: id, name: nameOf(raw), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  rows.sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.email.localeCompare(b.email));

  const warnings: RunWarning[] = skipped.map((account) => ({
    code: 'account-skipped',
    message: `Site ${site.code} (${site.name}): account ${account.name}${account.userId ? ` (${account.userId})` : ''} skipped: ${account.reason}`,
    details: { siteCode: site.code, userId: account.userId, name: account.name, reason: account.reason },
  }));

  const report: SiteReport = {
    site,
    rows,
    skipped,
    exported: rows.length,
    total: rows.length + skipped.length,
    monthlyCostCents: sumCents(rows.map((row) => row.monthlyCostCents)),
    correspondents: collectCorrespondents(correspondentsRaw),
  };
  return { report, warnings };
}
