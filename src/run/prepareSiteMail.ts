import { describeError } from '../errors.js';
import type { InsightsOfRun } from '../insights/createInsights.js';
import type { RenderedMail, Renderer } from '../ports.js';
import type { RunWarning, SiteReport } from '../types.js';
import type { SiteRead } from './readSiteReport.js';
import { SiteStepError } from './SiteStepError.js';

/** A site's mail as it would go out, and what it took to get there. */
interface PreparedSiteMail {
  /** With Microsoft's product names and the site's insights. */
  report: SiteReport;
  /** The read's warnings, then the insights'. */
  warnings: RunWarning[];
  /** The rendered mail, or why it could not be rendered. */
  mail: RenderedMail | SiteStepError;
  /** Keeps the report for next month's comparison: only once it has been delivered. */
  saveSnapshot(): Promise<RunWarning[]>;
}

/**
 * A read site's mail: enriched (Microsoft's product names, then the insights), then rendered. The
 * run mails it; the preview shows it. Never throws: a render failure is the SiteStepError in `mail`.
 */
export async function prepareSiteMail(read: SiteRead, insights: InsightsOfRun, renderer: Promise<Renderer>): Promise<PreparedSiteMail> {
  const enriched = await insights.forSite(insights.nameProducts(read.report));
  return {
    report: enriched.report,
    warnings: [...read.warnings, ...enriched.warnings],
    mail: await renderSiteMail(renderer, enriched.report),
    saveSnapshot: enriched.saveSnapshot,
  };
}

async function renderSiteMail(renderer: Promise<Renderer>, report: SiteReport): Promise<RenderedMail | SiteStepError> {
  try {
    return await (await renderer).siteReport(report);
  } catch (error) {
    return new SiteStepError('render', describeError(error));
  }
}
