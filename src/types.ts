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

/**
 * What looking up an earlier attempt's key in the sender's Sent Items showed: 'found' (it went
 * out: recorded as sent, not resent), 'not-found' (it had not gone out: sent again once, see
 * `resent`), 'forbidden' (403: the app may not read the sender's mail), 'failed' (Sent Items could
 * not be read; the next run looks again), 'no-key' (the attempt carries no key: recorded before
 * keys, or an unreadable ledger record).
 */
export type SentItemsLookupResult = 'found' | 'not-found' | 'forbidden' | 'failed' | 'no-key';

/** How this run settled an attempt whose outcome was not known (a crash, a 5xx, a timeout). */
export interface DeliveryReconciliation {
  lookup: SentItemsLookupResult;
  /** The attempt looked up: its key, when and by which run it was made. */
  attempt: { key?: string; at: string; runId: string };
  /** 'found': when it went out (its sentDateTime in Sent Items). */
  sentAt?: string;
  /** 'not-found': whether this run sent it again (its new key is the outcome's deliveryKey). */
  resent?: boolean;
  /** 'forbidden': the permission to grant (Exchange RBAC for Applications, scoped to MAIL_SENDER). */
  missingPermission?: 'Application Mail.Read';
  /** 'forbidden', 'failed': why the lookup could not be made. */
  detail?: string;
}

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
  /** When the report went out: this run's send, or the earlier one (already sent, found in Sent Items). */
  deliveredAt?: string;
  /** The delivery key on the message that went out, or on the attempt still pending. */
  deliveryKey?: string;
  /** Set when an earlier or uncertain attempt was looked up in Sent Items (or could not be). */
  reconciliation?: DeliveryReconciliation;
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
  /** The site codes a --site (or HTTP `sites`) run was limited to; absent for a run of every site. */
  requestedSiteCodes?: string[];
  /** Set when the run could not start at all (sites list unreadable...). */
  fatalError?: string;
  /** Set when the run summary could not be mailed (or only as a plain fallback); the run itself went on. */
  summaryError?: string;
  /** Idle seats, accounts in no site or several, costs vs last month; absent when the run could not start. */
  insights?: RunInsights;
}
