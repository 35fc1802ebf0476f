// Test helper: the doctor with the run's real adapters against the fake tenant (msw), a local state
// folder and a fixed clock. Tokens are fake app-only JWTs whose `roles` the fake tenant enforces.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { APP_ROLES } from '../../src/config/permissions.js';
import { createDoctorContext, type DoctorWiring } from '../../src/doctor/doctorContext.js';
import { runDoctor, type CheckResult, type DoctorReport } from '../../src/doctor/runDoctor.js';
import { fakeAppToken, FAKE_GRAPH_BASE_URL, FAKE_SHAREPOINT_SITE_URL, type FakeAppTokenOptions, type TenantData } from '../fakeTenant/index.js';

/** Every app role of src/config/permissions.ts, required and optional. */
export const ALL_ROLES: string[] = APP_ROLES.map((p) => p.role);

export const NOW = new Date('2026-11-24T09:00:00Z');

export function doctorEnv(
  data: TenantData,
  token: FakeAppTokenOptions | string = { roles: ALL_ROLES },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SHAREPOINT_SITE_URL: FAKE_SHAREPOINT_SITE_URL,
    GRAPH_BASE_URL: FAKE_GRAPH_BASE_URL,
    STATIC_ACCESS_TOKEN: typeof token === 'string' ? token : fakeAppToken(token),
    MAIL_SENDER: data.mailSender,
    IT_SUMMARY_TO: data.itSummaryTo.join(','),
    STATE_DIR: mkdtempSync(join(tmpdir(), 'doctor-')),
    ...extra,
  };
}

export function doctor(env: Record<string, string>, wiring: DoctorWiring = {}): Promise<DoctorReport> {
  return runDoctor(createDoctorContext(env, { clock: { now: () => NOW }, ...wiring }));
}

/** The one result with this id (fails the test when absent). */
export function check(report: DoctorReport, id: string): CheckResult {
  const found = report.results.find((r) => r.id === id);
  expect(found, `no check ${id} in ${report.results.map((r) => r.id).join(', ')}`).toBeDefined();
  return found as CheckResult;
}

export const failed = (report: DoctorReport): string[] => report.results.filter((r) => r.status === 'fail').map((r) => r.id);
export const warned = (report: DoctorReport): string[] => report.results.filter((r) => r.status === 'warn').map((r) => r.id);
