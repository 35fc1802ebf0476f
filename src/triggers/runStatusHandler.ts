import type { HttpRequestType, HttpResponseInit, InvocationContextType } from '../functionsSdk.js';
import { createStoreFor } from '../adapters/store/createStoreFor.js';
import { loadRunStatus, RUN_ID_PATTERN } from './runStatus.js';
import { json, problem } from './httpJson.js';
import { parseConfig } from '../config/parseConfig.js';
import type { TriggerServices } from './services.js';

/** GET /api/report/runs/{runId}: the state of a queued run, and its run result once done. */
export function runStatusHandler(services: TriggerServices) {
  return async (request: HttpRequestType, _context: InvocationContextType): Promise<HttpResponseInit> => {
    const runId = request.params['runId'] ?? '';
    if (!RUN_ID_PATTERN.test(runId)) return problem(400, 'runId must be the id returned by POST /api/report/runs', 'runId');
    const config = parseConfig(services.env(), { mailTransport: 'outbox' });
    const store = services.wiring?.store ?? createStoreFor(config, services.wiring?.tokens);
    const status = await loadRunStatus(store, runId);
    return status ? json(200, status) : problem(404, `no run ${runId}`, 'runId');
  };
}
