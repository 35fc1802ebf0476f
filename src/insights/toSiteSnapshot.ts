import type { SiteReport } from '../types.js';
import { accountName } from './accountName.js';
import type { Period, SiteSnapshot } from './types.js';

/** What a site's report said, kept so next month's report can tell what changed. */
export function toSiteSnapshot(report: SiteReport, period: Period, takenAt: Date): SiteSnapshot {
  return {
    schema: 1,
    period,
    siteCode: report.site.code,
    siteName: report.site.name,
    takenAt: takenAt.toISOString(),
    accounts: report.rows.map((row) => ({
      userId: row.userId,
      name: accountName(row),
      email: row.email,
      licenses: row.licenses.map((line) => ({ skuId: line.skuId, label: line.label })),
      monthlyCostCents: row.monthlyCostCents,
    })),
    monthlyCostCents: report.monthlyCostCents,
  };
}
