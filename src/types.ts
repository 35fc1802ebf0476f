// What a run produces: site reports, site outcomes and the run result. The core's plain data is
// re-exported: everything imports its types from here.
import type { AccountRow, Cents, Recipient, RunWarning, Site, SkippedAccount } from './core/types.js';
import type { RunInsights, SiteInsights } from './insights/types.js';

export type * from './core/types.js';

/** Everything known about one site's report, before rendering. */
export interface SiteReport {
  site: Site;
  rows: AccountRow[];
  skipped: SkippedAccount[];
  /** accounts in the report / accounts in the group (the original's "n/m"). */
  exported: number;
  total: number;
  monthlyCostCents: Cents;
  correspondents: Recipient[];
  /** Changes since the last report and accounts to review; absent when not computed (site not mailed). */
  insights?: SiteInsights;
}

export type SiteStep = 'members' | 'correspondents' | 'join' | 'render' | 'send' | 'ledger';

type DeliveryStatus = 'sent' | 'outbox' | 'not-sent' | 'unknown' | 'already-sent';

export interface SiteOutcome {
  code: string;
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  exported: number;
  total: number;
  durationMs: number;
  /** Site total in currency units (e.g. 123.4), for JSON readers. */
  monthlyCost: number;
  monthlyCostCents: Cents;
  error?: string;
  step?: SiteStep;
  delivery?: DeliveryStatus;
  recipients?: string[];
  skippedAccounts?: SkippedAccount[];
  /** The insights the site's mail showed (changes since its last report, accounts to review). */
  insights?: SiteInsights;
}

export interface RunTotals {
  sites: number;
  sitesOk: number;
  sitesFailed: number;
  accounts: number;
  monthlyCost: number;
  monthlyCostCents: Cents;
}

/** The one document a run produces (CLI --json, HTTP trigger, summary mail). */
export interface RunResult {
  runId: string;
  startedAt: string;
  finishedAt: string;
  /** Report month in REPORT_TIME_ZONE, "YYYY-MM". */
  period: string;
  dryRun: boolean;
  sites: SiteOutcome[];
  totals: RunTotals;
  warnings: RunWarning[];
  /** Set when the run could not start at all (sites list unreadable...). */
  fatalError?: string;
  /** Set when the run summary could not be mailed (or only as a plain fallback); the run itself went on. */
  summaryError?: string;
  /** Idle seats, accounts in no site or several, costs vs last month; absent when the run could not start. */
  insights?: RunInsights;
}
