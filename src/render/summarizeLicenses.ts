// Accounts and monthly cost per license, for the summary a large site gets in its mail body.
import type { AccountRow, Cents } from '../types.js';

interface LicenseTotal {
  label: string;
  accounts: number;
  /** null when the license has no price (shown "N/A"); 0 for the accounts without a license. */
  monthlyCostCents: Cents | null;
}

/** One line per license (by SKU), most accounts first; accounts without a license come last. */
export function summarizeLicenses(rows: readonly AccountRow[], noLicenseLabel: string): LicenseTotal[] {
  const bySku = new Map<string, LicenseTotal>();
  let unlicensed = 0;
  for (const row of rows) {
    if (row.licenses.length === 0) unlicensed++;
    for (const line of row.licenses) {
      const total = bySku.get(line.skuId) ?? { label: line.label, accounts: 0, monthlyCostCents: 0 };
      total.accounts++;
      // One unpriced occurrence makes the license's cost unknown ("N/A"), as in the rows.
      const price = line.monthlyPriceCents;
      total.monthlyCostCents = price === null || total.monthlyCostCents === null ? null : total.monthlyCostCents + price;
      bySku.set(line.skuId, total);
    }
  }
  const totals = [...bySku.values()].sort((a, b) => b.accounts - a.accounts || a.label.localeCompare(b.label));
  // An account without a license costs nothing, as its own line says everywhere else.
  if (unlicensed > 0) totals.push({ label: noLicenseLabel, accounts: unlicensed, monthlyCostCents: 0 });
  return totals;
}
