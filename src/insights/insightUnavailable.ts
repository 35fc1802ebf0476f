import type { RunWarning } from '../types.js';

/** The summary's warning for an insight left out this month; the reports go out without it. */
export function insightUnavailable(insight: string, message: string, reason: string, siteCode?: string): RunWarning {
  return { code: 'insights-unavailable', message, details: { ...(siteCode === undefined ? {} : { siteCode }), insight, reason } };
}
