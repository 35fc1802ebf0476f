import pLimit from 'p-limit';
import { formatDuration } from '../core/formatDuration.js';
import { licenseMatchWarnings } from '../core/licenseMatchWarnings.js';
import { orderWarnings } from '../core/orderWarnings.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { selectSites } from '../core/selectSites.js';
import { summarizeRun } from '../core/summarizeRun.js';
import { nameUnpricedSkus } from '../insights/nameUnpricedSkus.js';
import type { RunInsights } from '../insights/types.js';
import { RunInProgressError } from '../errors.js';
import type { DeliveryRecord, Renderer } from '../ports.js';
import type { RunResult, RunWarning } from '../types.js';
import { completeRunInsights } from './completeRunInsights.js';
import { describeError } from '../errors.js';
import { loadRunInputs, type RunInputs } from './loadRunInputs.js';
import { processSite, type SiteResult } from './processSite.js';
import { readInsightsInputs } from './readInsightsInputs.js';
import type { RunDeps, RunOptions } from './RunDeps.js';
import { sendRunSummary } from './sendRunSummary.js';
import { toRenderContext } from './toRenderContext.js';

/**
 * One monthly run: lock the period, read the lists once, process the sites with bounded
 * concurrency (each isolated), then mail IT the summary. Throws only RunInProgressError:
 * everything else (storage unreachable included) ends up in the returned RunResult and the summary.
 */
export async function runReport(deps: RunDeps, options: RunOptions = {}): Promise<RunResult> {
  const { config, logger } = deps;
  const startedAt = deps.clock.now();
  const period = reportPeriod(startedAt, config.timeZone);
  const runId = deps.newRunId();
  const dryRun = options.dryRun ?? false;
  // Limited to some sites (--site): no looking for accounts "in no site", no costs kept for next month.
  const partial = (options.siteCodes ?? []).some((code) => code.trim() !== '');
  // A dry run writes nothing shared, so it must not hold the lock the monthly timer needs
  // (docs/decisions/dry-run-takes-no-lock.md). The ledger keeps the lease renewed while held.
  let lease: Awaited<ReturnType<RunDeps['ledger']['lock']>> | undefined;
  let lockError: string | undefined;
  if (!dryRun) {
    try {
      lease = await deps.ledger.lock(period, runId);
    } catch (error) {
      if (error instanceof RunInProgressError) throw error;
      // Without the lock and the ledger nothing can be sent exactly once: send nothing, but tell IT.
      lockError = `the run ledger could not be locked, so no report was sent: ${describeError(error)}`;
    }
  }

  try {
    logger.info(`Run ${runId} for ${period} started${dryRun ? ' (dry run)' : ''}`);
    const renderer: Promise<Renderer> = Promise.resolve().then(() => deps.createRenderer(toRenderContext(config, startedAt, period)));
    renderer.catch(() => undefined); // each user of it reports the failure; avoid an unhandled rejection

    // Read alongside the lists; never rejects (the insights are extras, see readInsightsInputs).
    const insightsRead = lockError ? Promise.resolve({ inputs: undefined, warnings: [] }) : readInsightsInputs(deps, period, { coverage: !partial });
    let fatalError: string | undefined = lockError;
    let inputs: RunInputs | undefined;
    let deliveries = new Map<string, DeliveryRecord>();
    if (lockError) logger.error(`Run ${runId}: cannot start: ${lockError}`);
    else {
      try {
        inputs = await loadRunInputs(deps);
        if (!dryRun) {
          const recorded = await deps.ledger.deliveries(period).catch((error: unknown) => {
            throw new Error(`the run ledger could not be read, so nothing is sent twice: ${describeError(error)}`);
          });
          deliveries = new Map([...recorded.values()].map((record) => [record.siteCode.toLowerCase(), record]));
        }
      } catch (error) {
        fatalError = describeError(error);
        logger.error(`Run ${runId}: cannot start: ${fatalError}`);
      }
    }

    // Sites start without waiting for it: each awaits it once its members are read, freeing its slot.
    const insightsContext = insightsRead.then(
      ({ inputs: read }) =>
        read && { inputs: read, period, now: startedAt, inactiveDays: config.inactiveDays, collator: new Intl.Collator(config.locale, { sensitivity: 'base' }) },
    );

    const warnings: RunWarning[] = [];
    const results: SiteResult[] = [];
    let insights: RunInsights | undefined;
    if (inputs && !fatalError) {
      const selection = selectSites(inputs.sites, options.siteCodes);
      warnings.push(...inputs.warnings, ...selection.warnings);
      const limit = pLimit(config.siteConcurrency);
      const slot = <T>(task: () => Promise<T>): Promise<T> => limit(task);
      const context = { deps, runId, period, priceIndex: inputs.priceIndex, renderer, deliveries, dryRun, force: options.force ?? false, insights: insightsContext, slot };
      results.push(
        ...(await Promise.all(
          selection.sites.map(async (site) => {
            const result = await processSite(site, context);
            logOutcome(deps, result);
            return result;
          }),
        )),
      );
      const { inputs: insightsInputs, warnings: insightsWarnings } = await insightsRead;
      warnings.push(...insightsWarnings);
      const reports = results.flatMap((result) => (result.report ? [result.report] : []));
      const names = insightsInputs?.productNames.names ?? new Map<string, string>();
      warnings.push(...nameUnpricedSkus(licenseMatchWarnings(reports, inputs.priceIndex), names), ...results.flatMap((result) => result.warnings));
      if (insightsInputs) {
        const completed = await completeRunInsights({
          inputs: insightsInputs,
          skus: inputs.skus,
          priceIndex: inputs.priceIndex,
          siteReports: reports,
          sitesWithoutReport: results.flatMap((result) => (result.report ? [] : [result.outcome.code])),
          partial,
          dryRun,
          period,
          now: startedAt,
        });
        insights = completed.insights;
        warnings.push(...completed.warnings);
      }
    }

    await insightsRead; // a run that could not start leaves no read in flight behind it
    const outcomes = results.map((result) => result.outcome);
    const result: RunResult = {
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: deps.clock.now().toISOString(),
      period,
      dryRun,
      sites: outcomes,
      totals: summarizeRun(outcomes),
      warnings: orderWarnings(warnings),
      ...(fatalError ? { fatalError } : {}),
      ...(insights ? { insights } : {}),
    };

    if (options.sendSummary === false) {
      logger.info(`Run ${runId}: summary mail not requested`);
    } else if (config.itSummaryTo.length === 0) {
      logger.warn(`Run ${runId}: IT_SUMMARY_TO is empty, the run summary is not mailed`);
    } else {
      const summaryError = await sendRunSummary(deps, renderer, result);
      if (summaryError) result.summaryError = summaryError;
    }
    const { totals } = result;
    logger.info(
      `Run ${runId} for ${period} finished: ${totals.sitesOk}/${totals.sites} sites ok, ${totals.accounts} accounts, ${result.warnings.length} warnings`,
    );
    return result;
  } finally {
    await lease?.release().catch((error: unknown) => logger.warn(`Run ${runId}: releasing the ${period} lock failed: ${describeError(error)}`));
  }
}

function logOutcome({ logger }: RunDeps, { outcome }: SiteResult): void {
  const line = `Site ${outcome.code} (${outcome.name}): ${outcome.status} ${outcome.exported}/${outcome.total} in ${formatDuration(outcome.durationMs)}`;
  if (outcome.status === 'failed') logger.error(`${line}: ${outcome.error ?? 'unknown error'}`);
  else logger.info(`${line}${outcome.delivery ? `, ${outcome.delivery}` : ''}${outcome.error ? `: ${outcome.error}` : ''}`);
}
