import { licenseMatchWarnings } from '../core/licenseMatchWarnings.js';
import { orderWarnings } from '../core/orderWarnings.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { UsageError } from '../errors.js';
import type { RenderedMail } from '../ports.js';
import type { RunWarning, SiteReport } from '../types.js';
import { describeError } from './describeError.js';
import { loadRunInputs } from './loadRunInputs.js';
import { readSiteReport } from './readSiteReport.js';
import type { RunDeps } from './RunDeps.js';
import { SiteStepError } from './SiteStepError.js';
import { toRenderContext } from './toRenderContext.js';

export interface SitePreview extends RenderedMail {
  report: SiteReport;
  /** Ignored price rows, this site's N/A licenses and skipped accounts. */
  warnings: RunWarning[];
}

/**
 * One site's report as it would be mailed now, for the HTTP preview: reads and renders, but
 * sends nothing, takes no lock and writes no ledger. Throws UsageError for an unknown site code
 * and an Error naming the step for anything else.
 */
export async function buildSitePreview(
  deps: Pick<RunDeps, 'config' | 'lists' | 'directory' | 'createRenderer' | 'clock'>,
  siteCode: string,
): Promise<SitePreview> {
  const generatedAt = deps.clock.now();
  const renderer = Promise.resolve().then(() =>
    deps.createRenderer(toRenderContext(deps.config, generatedAt, reportPeriod(generatedAt, deps.config.timeZone))),
  );
  renderer.catch(() => undefined); // awaited below once the site is known
  const inputs = await loadRunInputs(deps);
  const site = inputs.sites.find((candidate) => candidate.code.toLowerCase() === siteCode.trim().toLowerCase());
  if (!site) throw new UsageError(`site code "${siteCode}" is not an active, valid row of the sites list`, 'site');

  const { report, warnings } = await readSiteReport(deps, site, inputs.priceIndex);
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
    warnings: orderWarnings([...priceWarnings, ...licenseMatchWarnings([report], inputs.priceIndex), ...warnings]),
  };
}
