import type { Config } from '../config/Config.js';
import type { Clock, Directory, FetchText, ListReader, Logger, Mailer, RenderContext, Renderer, RunLedger, TextStore } from '../ports.js';

/** Everything a run touches, passed in as plain adapters (the real ones, or test fakes). */
export interface RunDeps {
  config: Config;
  lists: ListReader;
  directory: Directory;
  /** With a dry run, the lead passes the outbox mailer here: nothing leaves the machine. */
  mailer: Mailer;
  ledger: RunLedger;
  /** Snapshots of the reports sent, last month's costs and the cached product names live here. */
  store: TextStore;
  /** Downloads Microsoft's product names CSV (config.productNamesUrl). */
  fetchText: FetchText;
  createRenderer: (ctx: RenderContext) => Promise<Renderer>;
  clock: Clock;
  logger: Logger;
  newRunId(): string;
  /** Waits of the run itself (the grace before a Sent Items lookup); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunOptions {
  /** Only these sites (codes, case-insensitive); all active sites when absent or empty. */
  siteCodes?: string[];
  /** Mails go to the outbox; the ledger is neither read nor written, and no lock is taken. */
  dryRun?: boolean;
  /** Send again to sites already sent (or with an unknown delivery) this period. */
  force?: boolean;
  /** Mail the run summary to IT_SUMMARY_TO (default true). */
  sendSummary?: boolean;
}

/** What this run is, fixed at its start. */
export interface RunContext {
  runId: string;
  startedAt: Date;
  /** The report month in REPORT_TIME_ZONE, "YYYY-MM". */
  period: string;
  dryRun: boolean;
  force: boolean;
  siteCodes?: string[];
  /** Limited to some sites (--site): no looking for accounts "in no site", no costs kept for next month. */
  partial: boolean;
}
