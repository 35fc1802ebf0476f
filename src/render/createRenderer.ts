// Built once per run: reads the two templates MJML compiled at build time (loadTemplates.ts), then
// renders every site by filling that HTML (MJML is slow on big tables and its maintainers advise
// this split, mjml#42; at run time it is not even loaded).
import type { MailAttachment, RenderContext, Renderer } from '../ports.js';
import { buildSiteView } from './buildSiteView.js';
import { buildSummaryView, SUMMARY_LEVELS } from './buildSummaryView.js';
import { createFormatters } from './createFormatters.js';
import { fitAttachments } from './fitAttachments.js';
import { loadTemplates, type TemplateDirs } from './loadTemplates.js';
import { sitesCsv } from './sitesCsv.js';
import { toCsv } from './toCsv.js';

/**
 * Gmail clips a body over ~102 KB, hiding the end of the mail: a site report stays under this,
 * showing fewer rows when its values are long (the full list is always in the CSV), and so does the
 * run summary (the full per-site table goes into a CSV when it would not fit).
 */
export const MAX_BODY_BYTES = 95_000;

export type RendererOptions = TemplateDirs;

const bytes = (html: string) => Buffer.byteLength(html, 'utf8');

export async function createRenderer(ctx: RenderContext, options: RendererOptions = {}): Promise<Renderer> {
  const fill = await loadTemplates(options);
  const fmt = createFormatters(ctx);

  return {
    async siteReport(report) {
      const csv = toCsv(report, ctx, fmt);
      const render = (maxRows: number, attachment: MailAttachment) => {
        const view = buildSiteView(report, ctx, fmt, maxRows, attachment.name);
        return { view, html: fill.siteReport(view) };
      };
      let { view, html } = render(ctx.mailBodyMaxRows, csv);
      while (bytes(html) > MAX_BODY_BYTES && view.rows.length > 0) {
        ({ view, html } = render(Math.floor(view.rows.length * 0.8), csv));
      }
      // A very large site's CSV is zipped so that the sendMail request stays under Graph's 4 MB;
      // the body then names the .zip (same length give or take a character).
      const attachments = fitAttachments([csv], bytes(html));
      const sent = attachments[0];
      if (sent && sent.name !== csv.name) ({ view, html } = render(view.rows.length, sent));
      return { subject: view.subject, html, attachments };
    },
    async runSummary(result) {
      // What needs action comes first and is kept; the per-site list and the long lists shrink, level
      // by level, until the body fits. Once the per-site list is cut, the whole of it is attached.
      for (const level of SUMMARY_LEVELS) {
        const view = buildSummaryView(result, ctx, fmt, level);
        const html = fill.runSummary(view);
        const last = level === SUMMARY_LEVELS[SUMMARY_LEVELS.length - 1];
        if (bytes(html) <= MAX_BODY_BYTES || last) {
          return { subject: view.subject, html, attachments: view.sitesCut.length > 0 ? [sitesCsv(result, ctx, fmt)] : [] };
        }
      }
      throw new Error('unreachable: SUMMARY_LEVELS is empty');
    },
  };
}
