import { createDoctorContext } from '../doctor/doctorContext.js';
import { runDoctor } from '../doctor/runDoctor.js';
import type { HttpRequestType, HttpResponseInit, InvocationContextType } from '../functionsSdk.js';
import { json } from './httpJson.js';
import type { TriggerServices } from './services.js';

/**
 * GET /api/report/doctor: the doctor's checks with the function app's own settings and identity, as
 * JSON ({ ok, checkedAt, results }). 200 when a real run can succeed, 503 when a check failed (the
 * body says which), so that a probe or `curl --fail` tells them apart.
 */
export function doctorHandler(services: TriggerServices) {
  return async (_request: HttpRequestType, context: InvocationContextType): Promise<HttpResponseInit> => {
    const report = await runDoctor(createDoctorContext(services.env(), services.wiring));
    const failed = report.results.filter((r) => r.status === 'fail');
    if (failed.length > 0) context.warn(`Doctor: ${failed.length} check(s) failed: ${failed.map((r) => r.id).join(', ')}`);
    return json(report.ok ? 200 : 503, report);
  };
}
