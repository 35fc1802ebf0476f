import { isPeriod } from '../core/reportPeriod.js';
import type { TextStore } from '../ports.js';
import { parseRunCosts } from './parseRunCosts.js';
import { parseSiteSnapshot } from './parseSiteSnapshot.js';
import type { Period, RunCosts, SiteSnapshot } from './types.js';

const PERIOD_FILE = /([^/]+)\.json$/;

function checkPeriod(period: Period): Period {
  if (!isPeriod(period)) throw new Error(`snapshot period must be "YYYY-MM", got "${period}"`);
  return period;
}

// Site codes are compared case-insensitively elsewhere: a code retyped in lower case keeps its history.
const siteFolder = (siteCode: string): string => `snapshots/sites/${encodeURIComponent(siteCode.trim().toUpperCase())}/`;
const RUN_FOLDER = 'snapshots/run/';

export interface SnapshotStore {
  /** Keeps the site's rows for `snapshot.period`, replacing an earlier save of the same period. */
  save(snapshot: SiteSnapshot): Promise<void>;
  /** The site's latest snapshot of a period strictly before `period` (a rerun never compares with itself). */
  loadPrevious(siteCode: string, period: Period): Promise<SiteSnapshot | undefined>;
  saveRunCosts(costs: RunCosts): Promise<void>;
  loadPreviousRunCosts(period: Period): Promise<RunCosts | undefined>;
}

/** Periods (newest first) that have a file under `folder` and come before `period`. */
async function periodsBefore(store: TextStore, folder: string, period: Period): Promise<Period[]> {
  const keys = await store.list(folder);
  const periods = new Set<Period>();
  for (const key of keys) {
    const match = PERIOD_FILE.exec(key);
    if (match?.[1] && isPeriod(match[1]) && match[1] < period) periods.add(match[1]);
  }
  return [...periods].sort().reverse();
}

async function loadLatestBefore<T>(store: TextStore, folder: string, period: Period, parse: (text: string, key: string) => T): Promise<T | undefined> {
  for (const candidate of await periodsBefore(store, folder, checkPeriod(period))) {
    const key = `${folder}${candidate}.json`;
    const text = await store.get(key);
    // Listed but gone (deleted meanwhile): look further back rather than call it a first report.
    if (text !== undefined) return parse(text, key);
  }
  return undefined;
}

/**
 * Snapshots in the run's text store (Blob container or local folder):
 * `snapshots/sites/<CODE>/<YYYY-MM>.json` per site and `snapshots/run/<YYYY-MM>.json` for the run costs.
 */
export function snapshotStore(store: TextStore): SnapshotStore {
  return {
    save: async (snapshot) => store.put(`${siteFolder(snapshot.siteCode)}${checkPeriod(snapshot.period)}.json`, JSON.stringify(snapshot)),
    loadPrevious: async (siteCode, period) => loadLatestBefore(store, siteFolder(siteCode), period, parseSiteSnapshot),
    saveRunCosts: async (costs) => store.put(`${RUN_FOLDER}${checkPeriod(costs.period)}.json`, JSON.stringify(costs)),
    loadPreviousRunCosts: async (period) => loadLatestBefore(store, RUN_FOLDER, period, parseRunCosts),
  };
}
