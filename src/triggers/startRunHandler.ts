import { randomUUID } from 'node:crypto';
import { ConfigError, describeError, RunInProgressError, UsageError } from '../errors.js';
import type { HttpRequestType, HttpResponseInit, InvocationContextType } from '../functionsSdk.js';
import { parseRunRequest, MAX_BODY_BYTES } from './parseRunRequest.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { describeUnknownSiteCodes } from './describeUnknownSiteCodes.js';
import { findUnknownSiteCodes } from './findUnknownSiteCodes.js';
import { saveRunStatus } from './runStatus.js';
import { problem, json } from './httpJson.js';
import { depsFor, loadConfig, type TriggerServices } from './services.js';

export interface QueuedRun {
  runId: string;
  request: { siteCodes: string[]; dryRun: boolean; force: boolean };
}

/**
 * POST /api/report/runs: validates IT's request, refuses (409) while a run for this month holds
 * the lease, then queues the run and answers 202 with its id and status URL
 * (docs/decisions/http-run-is-queued.md).
 */
export function startRunHandler(services: TriggerServices, enqueue: (context: InvocationContextType, message: QueuedRun) => void) {
  return async (request: HttpRequestType, context: InvocationContextType): Promise<HttpResponseInit> => {
    let config;
    let runRequest;
    try {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > MAX_BODY_BYTES) return problem(413, `request body is larger than ${MAX_BODY_BYTES} bytes`, 'body');
      runRequest = parseRunRequest(new URL(request.url).searchParams, await request.text());
      config = loadConfig(services, runRequest.dryRun ? { mailTransport: 'outbox' } : {});
    } catch (error) {
      if (error instanceof UsageError) return problem(400, error.message, error.field);
      if (error instanceof ConfigError) return problem(500, 'the function app is misconfigured', undefined, { problems: error.problems });
      throw error;
    }

    const runId = randomUUID();
    const deps = depsFor(services, config, context, { runId, dryRun: runRequest.dryRun });
    try {
      if (runRequest.siteCodes.length > 0) {
        const check = await findUnknownSiteCodes(deps, runRequest.siteCodes);
        if (check.unknown.length > 0) return problem(404, describeUnknownSiteCodes(check), 'sites', { ...check });
      }
      if (!runRequest.dryRun) {
        // Peek at the lease so IT hears "busy" now; the queued run takes it for real.
        const period = reportPeriod(deps.clock.now(), config.timeZone);
        await (await deps.ledger.lock(period, runId)).release();
      }
    } catch (error) {
      if (error instanceof RunInProgressError) return problem(409, error.message);
      return problem(502, `could not check the request against the tenant: ${describeError(error)}`);
    }

    const now = deps.clock.now().toISOString();
    await saveRunStatus(deps.store, { runId, state: 'queued', requestedAt: now, updatedAt: now, request: runRequest });
    enqueue(context, { runId, request: runRequest });
    const statusUrl = new URL(`/api/report/runs/${runId}`, request.url).pathname;
    return json(202, { runId, state: 'queued', statusUrl });
  };
}
