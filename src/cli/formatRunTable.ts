import { failureReason } from '../core/failureReason.js';
import { formatDuration } from '../core/formatDuration.js';
import type { RunResult, SiteOutcome } from '../types.js';

/** The run summary as a plain-text table for a terminal (the CLI, the demo, the benchmark). */
export function formatRunTable(result: RunResult, locale: string, currency: string): string {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  if (result.fatalError) return `Run ${result.period} could not run: ${result.fatalError}`;
  const header = ['Site', 'Code', 'Accounts', 'Time', 'Monthly cost', 'Status'];
  const rows = result.sites.map((site) => [
    site.name,
    site.code,
    `${site.exported}/${site.total}`,
    formatDuration(site.durationMs),
    site.status === 'failed' ? '-' : money.format(site.monthlyCost),
    statusText(site),
  ]);
  const widths = header.map((title, i) => Math.min(48, Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.slice(0, 48).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const { totals } = result;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${totals.sitesOk}/${totals.sites} sites ok, ${totals.sitesFailed} failed, ${totals.accounts} accounts, ${money.format(totals.monthlyCost)} a month`,
    ...(result.warnings.length ? [`${result.warnings.length} warning(s):`, ...result.warnings.map((w) => `  - ${w.message}`)] : []),
    ...(result.summaryError ? [`Summary mail: ${result.summaryError}`] : []),
  ].join('\n');
}

function statusText(site: SiteOutcome): string {
  if (site.status === 'failed') return `FAILED${site.step ? ` at ${site.step}` : ''}: ${failureReason(site)}`;
  const found = site.reconciliation?.lookup === 'found' ? 'found in Sent Items, not resent' : undefined;
  if (site.status === 'skipped') {
    if (site.delivery !== 'already-sent') return `skipped${site.error ? `: ${site.error}` : ''}`;
    return found ? `already delivered: ${found}` : `already sent this month${site.deliveredAt ? ` (${site.deliveredAt})` : ''}`;
  }
  if (found) return `OK: ${found}`;
  if (site.reconciliation?.resent) return 'OK: sent again, the earlier attempt had not gone out';
  return site.delivery === 'outbox' ? 'OK (outbox)' : 'OK';
}
