import { licenseMatchWarnings } from '../core/licenseMatchWarnings.js';
import { orderWarnings } from '../core/orderWarnings.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { UsageError } from '../errors.js';
import { createInsights } from '../insights/createInsights.js';
import type { RenderedMail } from '../ports.js';
import type { RunWarning, SiteReport } from '../types.js';
import { loadRunInputs } from './loadRunInputs.js';
import { prepareSiteMail } from './prepareSiteMail.js';
import { readSiteReport } from './readSiteReport.js';
import type { RunDeps } from './RunDeps.js';
import { SiteStepError } from './SiteStepError.js';
import { startRenderer } from './startRenderer.js';

interface SitePreview extends RenderedMail {
  report: SiteReport;
  /** Ignored price rows, this site's N/A licenses, skipped accounts and missing insights. */
  warnings: RunWarning[];
}

/**
 * One site's report as it would be mailed now, for the HTTP preview: the run's own read and
 * prepare steps, but nothing is sent, no lock taken, no ledger written and no snapshot kept.
 * Throws UsageError for an unknown site code and the SiteStepError naming the step otherwise.
 */
export async function buildSitePreview(
  deps: Pick<RunDeps, 'config' | 'lists' | 'directory' | 'createRenderer' | 'clock' | 'store' | 'fetchText'>,
  siteCode: string,
): Promise<SitePreview> {
  const generatedAt = deps.clock.now();
  const period = reportPeriod(generatedAt, deps.config.timeZone);
  const renderer = startRenderer(deps, generatedAt, period);
  // Only what a site's mail shows: no tenant-wide coverage, no run costs.
  const insightsRead = createInsights(deps).read(period, generatedAt, { coverage: false, costComparison: false, subscriptions: false });
  const inputs = await loadRunInputs(deps);
  const site = inputs.sites.find((candidate) => candidate.code.toLowerCase() === siteCode.trim().toLowerCase());
  if (!site) throw new UsageError(`site code "${siteCode}" is not an active, valid row of the sites list`, 'site');

  const read = await readSiteReport(deps, site, inputs.priceIndex);
  if (read instanceof SiteStepError) throw read;
  const insights = (await insightsRead).withLicensing(inputs);
  const prepared = await prepareSiteMail(read, insights, renderer); // its snapshot is not saved: nothing is delivered
  if (prepared.mail instanceof SiteStepError) throw prepared.mail;
  const priceWarnings = inputs.warnings.filter((warning) => warning.code === 'price-row-ignored');
  return {
    ...prepared.mail,
    report: prepared.report,
    warnings: orderWarnings([...priceWarnings, ...licenseMatchWarnings([prepared.report], inputs.priceIndex), ...prepared.warnings, ...insights.warnings]),
  };
}
