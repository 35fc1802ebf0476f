import type { RenderContext, Renderer } from '../../src/ports.js';
import type { RunResult, SiteReport } from '../../src/types.js';

export interface FakeRendererFactory {
  create(ctx: RenderContext): Promise<Renderer>;
  contexts: RenderContext[];
  summaries: RunResult[];
  /** Site codes whose report fails to render. */
  failSites: Set<string>;
  failCreate?: Error;
  failSummary?: Error;
}

/** A renderer that puts the site code in the html: enough to see which report went where. */
export function createFakeRenderer(): FakeRendererFactory {
  const factory: FakeRendererFactory = {
    contexts: [],
    summaries: [],
    failSites: new Set(),
    async create(ctx) {
      if (factory.failCreate) throw factory.failCreate;
      factory.contexts.push(ctx);
      return {
        async siteReport(report: SiteReport) {
          if (factory.failSites.has(report.site.code)) throw new Error(`template error for ${report.site.code}`);
          return {
            subject: `Report ${report.site.code} ${ctx.period}`,
            html: `<p>${report.site.code}: ${report.exported}/${report.total}</p>`,
            attachments: [],
          };
        },
        async runSummary(result: RunResult) {
          if (factory.failSummary) throw factory.failSummary;
          factory.summaries.push(result);
          return {
            subject: `Summary ${result.period}`,
            html: result.sites.map((s) => `<p>${s.code} ${s.status}</p>`).join('') + (result.fatalError ? `<p>${result.fatalError}</p>` : ''),
            attachments: [],
          };
        },
      };
    },
  };
  return factory;
}
