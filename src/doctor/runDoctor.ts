// `npm run doctor` and GET /api/report/doctor: every check a first real run needs, read-only, as plain
// results. The CLI and the HTTP trigger only format them.
import { describeError } from '../errors.js';
import type { DoctorContext, InvalidSettings } from './doctorContext.js';
import { graphChecks } from './graph.js';
import { mailChecks } from './mail.js';
import { scheduleCheck } from './schedule.js';
import { identityChecks } from './identity.js';
import { settingsChecks } from './settings.js';
import { sharePointChecks } from './sharePoint.js';
import { storageChecks } from './storage.js';

/** ok ✓, warn ⚠ (a real run works, with something missing or risky), fail ✗ (a real run cannot succeed), skip – (not checked). */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable, for scripts: "graph.members", "sharepoint.column.Sites.SiteCode"… */
  id: string;
  status: CheckStatus;
  /** What was checked, short. */
  title: string;
  /** What was found (the reason, when not ok). */
  detail: string;
  /** The exact fix: the command, the portal path or the setting. */
  fix?: string;
}

export type Check = (ctx: DoctorContext) => Promise<CheckResult[]> | CheckResult[];

export interface DoctorReport {
  /** True when a real run can succeed: no check failed. */
  ok: boolean;
  checkedAt: string;
  results: CheckResult[];
}

export const result = (id: string, status: CheckStatus, title: string, detail: string, fix?: string): CheckResult =>
  fix === undefined ? { id, status, title, detail } : { id, status, title, detail, fix };

/** An error as one line, to be followed by ": what it means" (no trailing period). */
export const reason = (error: unknown): string => describeError(error).replace(/\.$/, '');

/** In the order they print; each reads what it needs through the context, shared reads are done once. */
export const DOCTOR_CHECKS: readonly Check[] = [identityChecks, graphChecks, sharePointChecks, mailChecks, storageChecks, scheduleCheck];

/**
 * Runs the settings check, then (when the settings are valid) every other check at once, results in
 * list order. A check that throws is reported as failed, naming the error: the doctor never crashes.
 */
export async function runDoctor(ctx: DoctorContext | InvalidSettings, checks: readonly Check[] = DOCTOR_CHECKS): Promise<DoctorReport> {
  const results = settingsChecks(ctx);
  if ('problems' in ctx) {
    results.push(result('doctor.skipped', 'skip', 'Other checks', 'not run until the settings are valid'));
    return { ok: false, checkedAt: new Date().toISOString(), results };
  }
  const groups = await Promise.all(checks.map((check, index) => safely(check, ctx, index)));
  results.push(...groups.flat());
  return { ok: !results.some((r) => r.status === 'fail'), checkedAt: ctx.clock.now().toISOString(), results };
}

async function safely(check: Check, ctx: DoctorContext, index: number): Promise<CheckResult[]> {
  try {
    return await check(ctx);
  } catch (error) {
    return [result(`doctor.check${index + 1}`, 'fail', check.name || 'Check', `the check itself failed: ${describeError(error)}`)];
  }
}
