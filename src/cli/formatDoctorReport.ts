import type { CheckStatus, DoctorReport } from '../doctor/runDoctor.js';

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗', skip: '–' };

/** One line per check (✓ ⚠ ✗ –), the fix under each that has one, then the verdict. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines = [`Doctor: what a real run needs, checked ${report.checkedAt} (read-only: nothing is sent or recorded)`, ''];
  for (const check of report.results) {
    lines.push(`${MARK[check.status]} ${check.title}: ${check.detail}`);
    if (check.fix && check.status !== 'ok') lines.push(`    fix: ${check.fix}`);
  }
  const count = (status: CheckStatus) => report.results.filter((r) => r.status === status).length;
  const tally = (['ok', 'warn', 'fail', 'skip'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${MARK[s]}`)
    .join(', ');
  lines.push('', `${report.results.length} checks: ${tally}`);
  lines.push(
    report.ok
      ? count('warn') > 0
        ? 'A real run can succeed; the ⚠ lines say what it will leave out or risk.'
        : 'A real run can succeed.'
      : 'A real run cannot succeed yet: fix the ✗ lines, then run npm run doctor again (Graph, SharePoint and Exchange grants can take up to an hour to apply).',
  );
  return lines.join('\n');
}
