// Built once per run: both MJML templates are compiled here, once; every site is then rendered by
// filling the compiled HTML (MJML is slow on big tables and its maintainers advise this split, mjml#42).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderContext, Renderer } from '../ports.js';
import { buildSiteView } from './buildSiteView.js';
import { buildSummaryView } from './buildSummaryView.js';
import { compileMjml, type MjmlCompile } from './compileMjml.js';
import { createFormatters } from './createFormatters.js';
import { fitAttachments } from './fitAttachments.js';
import { parseTemplate, type FillTemplate } from './parseTemplate.js';
import { toCsv } from './toCsv.js';

/**
 * Gmail clips a body over ~102 KB, hiding the end of the mail: a site report stays under this,
 * showing fewer rows when its values are long (the full list is always in the CSV).
 */
export const MAX_BODY_BYTES = 95_000;

interface RendererOptions {
  /** Folder holding siteReport.mjml and runSummary.mjml; found from this file's location by default. */
  templatesDir?: string;
  /** mjml2html by default; tests inject a counting wrapper. */
  compile?: MjmlCompile;
}

export async function createRenderer(ctx: RenderContext, options: RendererOptions = {}): Promise<Renderer> {
  const templatesDir = options.templatesDir ?? findTemplatesDir();
  const fmt = createFormatters(ctx);
  const load = async (file: string): Promise<FillTemplate> => {
    const source = await readFile(join(templatesDir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`Template ${file} cannot be read from ${templatesDir} (${error.code ?? error.message})`);
    });
    return parseTemplate(await compileMjml(source, file, options.compile), file);
  };
  const [fillSite, fillSummary] = await Promise.all([load('siteReport.mjml'), load('runSummary.mjml')]);

  return {
    async siteReport(report) {
      let maxRows = ctx.mailBodyMaxRows;
      let view = buildSiteView(report, ctx, fmt, maxRows);
      let html = fillSite(view);
      while (Buffer.byteLength(html, 'utf8') > MAX_BODY_BYTES && view.rows.length > 0) {
        maxRows = Math.floor(view.rows.length * 0.8);
        view = buildSiteView(report, ctx, fmt, maxRows);
        html = fillSite(view);
      }
      // A very large site's CSV is zipped so that the sendMail request stays under Graph's 4 MB.
      return { subject: view.subject, html, attachments: fitAttachments([toCsv(report, ctx, fmt)], Buffer.byteLength(html, 'utf8')) };
    },
    async runSummary(result) {
      const view = buildSummaryView(result, ctx, fmt);
      return { subject: view.subject, html: fillSummary(view), attachments: [] };
    },
  };
}

/** templates/ sits at the project root: two levels above src/render, three above dist/src/render. */
function findTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'siteReport.mjml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`No templates/siteReport.mjml found above ${fileURLToPath(import.meta.url)}`);
}
