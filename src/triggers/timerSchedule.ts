import { SETTINGS } from '../config/settings.js';

/**
 * The monthly timer's NCRONTAB schedule, resolved when the function is registered. The host resolves
 * a `%REPORT_SCHEDULE%` expression from app settings only: with the setting unset, the function would
 * not load at all, so the documented default must be applied here, in code.
 */
export function timerSchedule(env: Record<string, string | undefined>): string {
  const configured = env['REPORT_SCHEDULE']?.trim();
  if (configured) return configured;
  const fallback = SETTINGS.find((setting) => setting.name === 'REPORT_SCHEDULE')?.default;
  if (!fallback) throw new Error('REPORT_SCHEDULE has no default in src/config/settings.ts');
  return fallback;
}
