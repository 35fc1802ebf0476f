// What is kept from month to month: each site's rows as reported, and the run's costs. Plain data,
// JSON-safe (dates as ISO strings): snapshots are stored as they are.
import type { Cents } from '../types.js';

/** "YYYY-MM", the report month. Periods compare as strings. */
export type Period = string;

// ---------------------------------------------------------------- snapshots

/** A license as remembered in a snapshot: the id to compare on, the label to show. */
export interface SnapshotLicense {
  skuId: string;
  label: string;
}

export interface SnapshotAccount {
  userId: string;
  name: string;
  email: string;
  licenses: SnapshotLicense[];
  monthlyCostCents: Cents;
}

/** One site's rows as they were reported in one period. */
export interface SiteSnapshot {
  schema: 1;
  period: Period;
  siteCode: string;
  siteName: string;
  /** ISO instant. */
  takenAt: string;
  accounts: SnapshotAccount[];
  monthlyCostCents: Cents;
}

/** The run-level figures kept to compare next month's costs with this month's. */
export interface RunCosts {
  schema: 1;
  period: Period;
  takenAt: string;
  bySite: Array<{ code: string; name: string; cents: Cents }>;
  /** Per SKU, over every licensed account counted once (sites deduplicated, plus accounts in no site). */
  byLicense: Array<{ skuId: string; label: string; cents: Cents }>;
}

