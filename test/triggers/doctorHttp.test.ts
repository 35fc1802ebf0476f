// GET /api/report/doctor: the same checks as JSON, 200 when a real run can succeed, 503 otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpRequest } from '../../src/functionsSdk.js';
import type { DoctorReport } from '../../src/doctor/runDoctor.js';
import { doctorHandler } from '../../src/triggers/doctorHandler.js';
import { fakeAppToken } from '../fakeTenant/index.js';
import { ALL_ROLES } from '../doctor/doctorHarness.js';
import { createTriggerHarness } from './triggerHarness.js';

const harness = createTriggerHarness();
beforeAll(() => harness.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => harness.server.close());

const request = () => new HttpRequest({ method: 'GET', url: 'https://app.example/api/report/doctor' });

describe('GET /api/report/doctor', () => {
  it('answers 200 with the checks as JSON when a real run can succeed', async () => {
    harness.env.STATIC_ACCESS_TOKEN = fakeAppToken({ roles: ALL_ROLES });
    harness.tenant.options.mailboxScope = { send: [harness.tenant.data.mailSender], read: [harness.tenant.data.mailSender] };
    const response = await doctorHandler(harness.services)(request(), harness.context());
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'Cache-Control': 'no-store' });
    const report = response.jsonBody as DoctorReport;
    expect(report.ok).toBe(true);
    expect(report.checkedAt).toBe('2026-11-01T06:00:00.000Z');
    expect(report.results.find((r) => r.id === 'graph.members')?.status).toBe('ok');
  });

  it('answers 503, naming the failed checks in the log, when a check fails', async () => {
    harness.env.STATIC_ACCESS_TOKEN = fakeAppToken({ roles: ALL_ROLES.filter((r) => r !== 'User.Read.All') });
    const response = await doctorHandler(harness.services)(request(), harness.context());
    expect(response.status).toBe(503);
    expect((response.jsonBody as DoctorReport).results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(
      expect.arrayContaining(['identity.role.User.Read.All', 'graph.members']),
    );
    expect(harness.logs.some((l) => /^Doctor: \d+ check\(s\) failed: .*identity\.role\.User\.Read\.All/.test(l))).toBe(true);
  });
});
