import pLimit from 'p-limit';
import { formatDuration } from '../core/formatDuration.js';
import { licenseMatchWarnings } from '../core/licenseMatchWarnings.js';
import { selectSites } from '../core/selectSites.js';
import type { RunInsights } from '../insights/types.js';
import type { Logger, Renderer } from '../ports.js';
import type { RunWarning, SiteOutcome } from '../types.js';
import { processSite } from './processSite.js';
import type { SiteInputs } from './readRunInputs.js';
import type { RunContext, RunDeps } from './RunDeps.js';
import type { SiteResult } from './siteResult.js';

export interface SitesDone {
  sites: SiteOutcome[];
  warnings: RunWarning[];
  insights?: RunInsights;
}

/**
 * The selected sites, SITE_CONCURRENCY at a time (each isolated, outcomes in the sites list's
 * order), then central IT's insights over their reports. Never throws.
 */
export async function runSites(deps: RunDeps, run: RunContext, inputs: SiteInputs, renderer: Promise<Renderer>): Promise<SitesDone> {
  const selection = selectSites(inputs.sites, run.siteCodes);
  const limit = pLimit(deps.config.siteConcurrency);
  const slot = <T>(task: () => Promise<T>): Promise<T> => limit(task);
  const context = { ...run, deps, renderer, priceIndex: inputs.priceIndex, deliveries: inputs.deliveries, insights: inputs.insights, slot };
  const results = await Promise.all(selection.sites.map(async (site) => logOutcome(deps.logger, await processSite(site, context))));

  const insights = await inputs.insights;
  const reports = results.flatMap((result) => (result.report ? [result.report] : []));
  const forRun = await insights.forRun({
    skus: inputs.skus,
    priceIndex: inputs.priceIndex,
    siteReports: reports,
    sitesWithoutReport: results.flatMap((result) => (result.report ? [] : [result.outcome.code])),
    partial: run.partial,
    dryRun: run.dryRun,
  });
  const warnings = [
    ...inputs.warnings,
    ...selection.warnings,
    ...insights.warnings,
    ...insights.nameUnpricedSkus(licenseMatchWarnings(reports, inputs.priceIndex)),
    ...results.flatMap((result) => result.warnings),
    ...forRun.warnings,
  ];
  return { sites: results.map((result) => result.outcome), warnings, ...(forRun.insights ? { insights: forRun.insights } : {}) };
}

function logOutcome(logger: Logger, result: SiteResult): SiteResult {
  const { outcome } = result;
  const line = `Site ${outcome.code} (${outcome.name}): ${outcome.status} ${outcome.exported}/${outcome.total} in ${formatDuration(outcome.durationMs)}`;
  if (outcome.status === 'failed') logger.error(`${line}: ${outcome.error ?? 'unknown error'}`);
  else logger.info(`${line}${outcome.delivery ? `, ${outcome.delivery}` : ''}${outcome.error ? `: ${outcome.error}` : ''}`);
  return result;
}
