import { licenseMatchWarnings } from '../core/licenseMatchWarnings.js';
import { orderWarnings } from '../core/orderWarnings.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { UsageError } from '../errors.js';
import { applyProductNames } from '../insights/applyProductNames.js';
import type { RenderedMail } from '../ports.js';
import type { RunWarning, SiteReport } from '../types.js';
import { addSiteInsights } from './addSiteInsights.js';
import { describeError } from '../errors.js';
import { loadRunInputs } from './loadRunInputs.js';
import { readInsightsInputs } from './readInsightsInputs.js';
import { readSiteReport } from './readSiteReport.js';
import type { RunDeps } from './RunDeps.js';
import { SiteStepError } from './SiteStepError.js';
import { toRenderContext } from './toRenderContext.js';

export interface SitePreview extends RenderedMail {
  report: SiteReport;
  /** Ignored price rows, this site's N/A licenses, skipped accounts and missing insights. */
  warnings: RunWarning[];
}

/**
 * One site's report as it would be mailed now, for the HTTP preview: reads and renders, but
 * sends nothing, takes no lock, writes no ledger and keeps no snapshot. Throws UsageError for an unknown site code
 * and an Error naming the step for anything else.
 */
export async function buildSitePreview(
  deps: Pick<RunDeps, 'config' | 'lists' | 'directory' | 'createRenderer' | 'clock' | 'store' | 'fetchText'>,
  siteCode: string,
): Promise<SitePreview> {
  const generatedAt = deps.clock.now();
  const period = reportPeriod(generatedAt, deps.config.timeZone);
  const renderer = Promise.resolve().then(() => deps.createRenderer(toRenderContext(deps.config, generatedAt, period)));
  renderer.catch(() => undefined); // awaited below once the site is known
  // Never rejects; only what a site's mail shows: no tenant-wide coverage, no run costs.
  const insightsRead = readInsightsInputs(deps, period, { coverage: false, costComparison: false });
  const inputs = await loadRunInputs(deps);
  const site = inputs.sites.find((candidate) => candidate.code.toLowerCase() === siteCode.trim().toLowerCase());
  if (!site) throw new UsageError(`site code "${siteCode}" is not an active, valid row of the sites list`, 'site');

  let { report, warnings } = await readSiteReport(deps, site, inputs.priceIndex);
  const insights = await insightsRead;
  if (insights.inputs) {
    const collator = new Intl.Collator(deps.config.locale, { sensitivity: 'base' });
    const added = await addSiteInsights(applyProductNames(report, insights.inputs.productNames.names, collator), {
      inputs: insights.inputs,
      period,
      now: generatedAt,
      inactiveDays: deps.config.inactiveDays,
    });
    report = added.report; // its snapshot is not saved: nothing was delivered
    warnings = [...warnings, ...added.warnings];
  }
  let rendered: RenderedMail;
  try {
    rendered = await (await renderer).siteReport(report);
  } catch (error) {
    throw new SiteStepError('render', describeError(error));
  }
  const priceWarnings = inputs.warnings.filter((warning) => warning.code === 'price-row-ignored');
  return {
    ...rendered,
    report,
    warnings: orderWarnings([...priceWarnings, ...licenseMatchWarnings([report], inputs.priceIndex), ...warnings, ...insights.warnings]),
  };
}
