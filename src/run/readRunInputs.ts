import { describeError } from '../errors.js';
import { createInsights, type InsightsOfRun } from '../insights/createInsights.js';
import type { DeliveryRecord } from '../ports.js';
import { loadRunInputs, type RunInputs } from './loadRunInputs.js';
import type { RunContext, RunDeps } from './RunDeps.js';

/** What the sites need: the lists and SKUs, this period's deliveries, and the insights being read. */
export interface SiteInputs extends RunInputs {
  /** By lower-case site code; empty in a dry run. */
  deliveries: ReadonlyMap<string, DeliveryRecord>;
  /** Still being read when the sites start (sign-ins come as each site asks); never rejects. */
  insights: Promise<InsightsOfRun>;
}

/**
 * The run's inputs. The insights start reading alongside the lists, and the sites will not wait
 * for them. `fatalError` when the lists or the ledger cannot be read: without prices every report
 * would be wrong, without the ledger one could go out twice; no report is better than that.
 */
export async function readRunInputs(deps: RunDeps, run: RunContext): Promise<SiteInputs | { fatalError: string }> {
  const insights = createInsights(deps).read(run.period, run.startedAt, { coverage: !run.partial });
  try {
    const lists = await loadRunInputs(deps);
    const deliveries = run.dryRun ? new Map<string, DeliveryRecord>() : await readDeliveries(deps, run.period);
    return { ...lists, deliveries, insights: insights.then((read) => read.withLicensing(lists)) };
  } catch (error) {
    await insights; // a run that could not start leaves no read in flight behind it
    return { fatalError: describeError(error) };
  }
}

async function readDeliveries(deps: Pick<RunDeps, 'ledger'>, period: string): Promise<Map<string, DeliveryRecord>> {
  let recorded;
  try {
    recorded = await deps.ledger.deliveries(period);
  } catch (error) {
    throw new Error(`the run ledger could not be read, so nothing is sent twice: ${describeError(error)}`, { cause: error });
  }
  return new Map([...recorded.values()].map((record) => [record.siteCode.toLowerCase(), record]));
}
