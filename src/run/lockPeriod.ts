import { describeError, RunInProgressError } from '../errors.js';
import type { RunDeps } from './RunDeps.js';

interface PeriodLock {
  /** Why the period could not be locked: the run then sends nothing, but still tells IT. */
  error?: string;
  /** Never rejects: a failed release is logged (the lease expires on its own). */
  release(): Promise<void>;
}

/**
 * Locks the run's period in the ledger (renewed while held). Throws RunInProgressError when
 * another run holds it. A dry run writes nothing shared, so it takes no lock and never blocks
 * the monthly timer (docs/decisions/dry-run-takes-no-lock.md).
 */
export async function lockPeriod(deps: Pick<RunDeps, 'ledger' | 'logger'>, run: { period: string; runId: string; dryRun: boolean }): Promise<PeriodLock> {
  const unlocked: PeriodLock = { release: async () => undefined };
  if (run.dryRun) return unlocked;
  try {
    const lease = await deps.ledger.lock(run.period, run.runId);
    return {
      release: () =>
        lease.release().catch((error: unknown) => deps.logger.warn(`Run ${run.runId}: releasing the ${run.period} lock failed: ${describeError(error)}`)),
    };
  } catch (error) {
    if (error instanceof RunInProgressError) throw error;
    // Without the lock and the ledger nothing can be sent exactly once: send nothing, but tell IT.
    return { ...unlocked, error: `the run ledger could not be locked, so no report was sent: ${describeError(error)}` };
  }
}
