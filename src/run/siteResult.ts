import { centsToAmount } from '../core/money.js';
import type { RunWarning, Site, SiteOutcome, SiteReport } from '../types.js';
import type { SiteStepError } from './SiteStepError.js';

/** What one site gives the run: its outcome, its report (when it was read) and its warnings. */
export interface SiteResult {
  outcome: SiteOutcome;
  report?: SiteReport;
  warnings: RunWarning[];
}

/** How far a site got: its report once read (then named, then with its insights) and its warnings. */
export interface SiteProgress {
  report?: SiteReport;
  warnings: RunWarning[];
}

/** How a site ended: ok, skipped, or failed with the step and the reason. */
export type SiteEnd = Pick<SiteOutcome, 'status'> &
  Partial<Pick<SiteOutcome, 'step' | 'delivery' | 'error' | 'deliveredAt' | 'deliveryKey' | 'reconciliation'>>;

/** A site that failed at a step before anything was sent. */
export function failedAt(error: SiteStepError): SiteEnd {
  return { status: 'failed', step: error.step, delivery: 'not-sent', error: error.message };
}

/** The site's outcome for the summary: its figures (from the report when read) and how it ended. */
export function siteResult(site: Site, { report, warnings }: SiteProgress, end: SiteEnd, durationMs: number): SiteResult {
  const outcome: SiteOutcome = {
    code: site.code,
    name: site.name,
    exported: report?.exported ?? 0,
    total: report?.total ?? 0,
    durationMs: Math.max(0, durationMs),
    monthlyCostCents: report?.monthlyCostCents ?? 0,
    monthlyCost: centsToAmount(report?.monthlyCostCents ?? 0),
    ...(report ? { recipients: report.correspondents.map((r) => r.address) } : {}),
    ...(report && report.skipped.length > 0 ? { skippedAccounts: report.skipped } : {}),
    ...(report?.insights ? { insights: report.insights } : {}),
    ...end,
  };
  return { outcome, warnings, ...(report ? { report } : {}) };
}
