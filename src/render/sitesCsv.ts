// The run summary's full per-site table as a CSV attachment, for the runs whose site list does not fit
// the mail body (hundreds of sites). Same format as the site reports' CSV (docs/decisions/csv-format.md).
import type { MailAttachment, RenderContext } from '../ports.js';
import type { RunResult } from '../types.js';
import { statusOf } from './buildSitesView.js';
import type { Formatters } from './createFormatters.js';
import { csvText } from './toCsv.js';

/** "etablissements-2026-11.csv" / "sites-2026-11.csv". */
export const sitesCsvName = (period: string, fmt: Formatters): string => `${fmt.labels.summary.csvFilePrefix}-${period}.csv`;

export function sitesCsv(result: RunResult, ctx: RenderContext, fmt: Formatters): MailAttachment {
  const c = fmt.labels.summary.csvColumns;
  const costs = new Map((result.insights?.costBySite ?? []).map((site) => [site.code, site]));
  const seconds = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1, useGrouping: false });
  const rows = result.sites.map((site) => {
    const then = costs.get(site.code)?.thenCents ?? null;
    const nothingRead = site.status === 'failed' && site.total === 0 && site.exported === 0;
    return [
      site.name,
      site.code,
      String(site.exported),
      String(site.total),
      seconds.format(site.durationMs / 1000),
      site.status === 'failed' && site.error ? `${statusOf(site, fmt).text} — ${site.error}` : statusOf(site, fmt).text,
      nothingRead ? '' : fmt.plainAmount(site.monthlyCostCents),
      then === null ? '' : fmt.plainAmount(then),
      then === null || nothingRead ? '' : fmt.plainAmount(site.monthlyCostCents - then),
    ];
  });
  const header = [c.site, c.code, c.exported, c.total, c.seconds, c.status, c.cost, c.costThen, c.delta];
  return {
    name: sitesCsvName(result.period || ctx.period, fmt),
    contentType: 'text/csv',
    content: new TextEncoder().encode(csvText([header, ...rows], ctx.locale)),
  };
}
