import type { SiteReport } from '../types.js';
import { buildSiteInsights } from './buildSiteInsights.js';
import { describeError } from '../errors.js';
import type { SnapshotStore } from './snapshotStore.js';
import { toSiteSnapshot } from './toSiteSnapshot.js';
import type { InactivityUnavailable, Period, SignInMap, SiteInsights, SiteSnapshot } from './types.js';

/**
 * A site's insights, reading its previous snapshot from the store. Never throws: an unreadable
 * store makes the comparison unavailable, the report still goes out. Returns this month's
 * snapshot too: save it once the report has been delivered, so the next report compares with
 * what the site actually received.
 */
export async function collectSiteInsights(input: {
  report: SiteReport;
  period: Period;
  now: Date;
  snapshots: SnapshotStore;
  signIns: SignInMap | 'unavailable';
  inactivityUnavailable?: InactivityUnavailable;
  inactiveDays: number;
}): Promise<{ insights: SiteInsights; snapshot: SiteSnapshot }> {
  const current = toSiteSnapshot(input.report, input.period, input.now);
  let previous: SiteSnapshot | undefined | { error: string };
  try {
    previous = await input.snapshots.loadPrevious(input.report.site.code, input.period);
  } catch (error) {
    previous = { error: `last report's snapshot unreadable: ${describeError(error)}` };
  }
  const insights = buildSiteInsights({ ...input, current, previous });
  return { insights, snapshot: current };
}
