import { describeError, RunInProgressError } from '../errors.js';
import type { InvocationContextType } from '../functionsSdk.js';
import { runReport } from '../run/runReport.js';
import { loadRunStatus, saveRunStatus, RUN_ID_PATTERN, type RunStatus } from './runStatus.js';
import type { QueuedRun } from './startRunHandler.js';
import { depsFor, loadConfig, type TriggerServices } from './services.js';

/** The queued half of an HTTP "run now": runs the job and stores its result for the status URL. */
export function queuedRunHandler(services: TriggerServices) {
  return async (message: unknown, context: InvocationContextType): Promise<void> => {
    const queued = message as Partial<QueuedRun>;
    if (typeof queued?.runId !== 'string' || !RUN_ID_PATTERN.test(queued.runId) || !queued.request) {
      context.error('Ignoring a malformed run message');
      return;
    }
    const { runId, request } = queued as QueuedRun;
    const config = loadConfig(services, request.dryRun ? { mailTransport: 'outbox' } : {});
    const deps = depsFor(services, config, context, { runId, dryRun: request.dryRun });
    const previous = await loadRunStatus(deps.store, runId);
    const base: RunStatus = previous ?? { runId, state: 'queued', requestedAt: deps.clock.now().toISOString(), updatedAt: '', request };
    const save = (patch: Partial<RunStatus>) => saveRunStatus(deps.store, { ...base, ...patch, updatedAt: deps.clock.now().toISOString() });

    await save({ state: 'running' });
    try {
      const result = await runReport(deps, request);
      await save({ state: 'done', result });
    } catch (error) {
      await save({ state: error instanceof RunInProgressError ? 'refused' : 'failed', error: describeError(error) });
    }
  };
}
