import { formatDuration } from '../core/formatDuration.js';
import type { RenderedMail } from '../ports.js';
// escapeHtml imports nothing: the fallback still works when the renderer cannot load.
import { escapeHtml } from '../render/escapeHtml.js';
import type { RunResult } from '../types.js';

/**
 * A plain summary for when the real renderer is broken: IT must still learn how the run went,
 * and why the site reports could not be rendered.
 */
export function fallbackSummary(result: RunResult, orgName: string, renderError: string): RenderedMail {
  const rows = result.sites
    .map((site) => {
      const done = site.status === 'failed' ? `ERROR (${site.step ?? 'run'})` : `${site.exported}/${site.total}`;
      const detail = site.error ?? site.delivery ?? '';
      return `<tr><td>${escapeHtml(site.name)} (${escapeHtml(site.code)})</td><td>${escapeHtml(done)}</td><td>${formatDuration(site.durationMs)}</td><td>${escapeHtml(detail)}</td></tr>`;
    })
    .join('\n');
  const warnings = result.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join('\n');
  const html = [
    `<html><body><h1>${escapeHtml(orgName)} license report ${escapeHtml(result.period)}: plain summary</h1>`,
    `<p>The summary template could not be rendered: ${escapeHtml(renderError)}</p>`,
    result.fatalError ? `<p><strong>The run could not start: ${escapeHtml(result.fatalError)}</strong></p>` : '',
    `<p>Sites ok ${result.totals.sitesOk}/${result.totals.sites}, failed ${result.totals.sitesFailed}, accounts ${result.totals.accounts}.</p>`,
    `<table border="1" cellpadding="4"><tr><th>Site</th><th>Accounts</th><th>Time</th><th>Detail</th></tr>\n${rows}\n</table>`,
    warnings ? `<ul>\n${warnings}\n</ul>` : '',
    `<p>Run ${escapeHtml(result.runId)}, ${escapeHtml(result.startedAt)} to ${escapeHtml(result.finishedAt)}.</p></body></html>`,
  ].join('\n');
  return { subject: `${orgName} license report ${result.period} (plain summary)`, html, attachments: [] };
}
