import { orderWarnings } from '../core/orderWarnings.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { summarizeRun } from '../core/summarizeRun.js';
import type { Logger } from '../ports.js';
import type { RunResult } from '../types.js';
import { lockPeriod } from './lockPeriod.js';
import { readRunInputs } from './readRunInputs.js';
import type { RunContext, RunDeps, RunOptions } from './RunDeps.js';
import { runSites, type SitesDone } from './runSites.js';
import { sendRunSummary } from './sendRunSummary.js';
import { startRenderer } from './startRenderer.js';

/**
 * One monthly run: lock the period, read its inputs, process the sites (each isolated), mail IT
 * the summary, release the lock. Throws only RunInProgressError: everything else (storage
 * unreachable included) ends up in the returned RunResult and the summary.
 */
export async function runReport(deps: RunDeps, options: RunOptions = {}): Promise<RunResult> {
  const run = startRun(deps, options);
  const lock = await lockPeriod(deps, run);
  try {
    deps.logger.info(`Run ${run.runId} for ${run.period} started${run.dryRun ? ' (dry run)' : ''}`);
    const renderer = startRenderer(deps, run.startedAt, run.period);
    const inputs = lock.error === undefined ? await readRunInputs(deps, run) : { fatalError: lock.error };
    const done = 'fatalError' in inputs ? cannotStart(deps.logger, run, inputs.fatalError) : await runSites(deps, run, inputs, renderer);
    const result = toRunResult(run, done, deps.clock.now());
    const summaryError = await sendRunSummary(deps, renderer, result, options.sendSummary ?? true);
    logFinished(deps.logger, result);
    return summaryError === undefined ? result : { ...result, summaryError };
  } finally {
    await lock.release();
  }
}

function startRun(deps: Pick<RunDeps, 'clock' | 'config' | 'newRunId'>, options: RunOptions): RunContext {
  const startedAt = deps.clock.now();
  return {
    runId: deps.newRunId(),
    startedAt,
    period: reportPeriod(startedAt, deps.config.timeZone),
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
    ...(options.siteCodes ? { siteCodes: options.siteCodes } : {}),
    partial: (options.siteCodes ?? []).some((code) => code.trim() !== ''),
  };
}

function cannotStart(logger: Logger, run: RunContext, fatalError: string): SitesDone & { fatalError: string } {
  logger.error(`Run ${run.runId}: cannot start: ${fatalError}`);
  return { sites: [], warnings: [], fatalError };
}

function toRunResult(run: RunContext, done: SitesDone & { fatalError?: string }, finishedAt: Date): RunResult {
  return {
    runId: run.runId,
    startedAt: run.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    period: run.period,
    dryRun: run.dryRun,
    ...(run.partial && run.siteCodes ? { requestedSiteCodes: asListed(run.siteCodes, done.sites) } : {}),
    sites: done.sites,
    totals: summarizeRun(done.sites),
    warnings: orderWarnings(done.warnings),
    ...(done.fatalError ? { fatalError: done.fatalError } : {}),
    ...(done.insights ? { insights: done.insights } : {}),
  };
}

/** The codes asked for, spelled as the sites list spells them (`--site siege` reads SIEGE). */
function asListed(codes: readonly string[], sites: readonly { code: string }[]): string[] {
  return codes
    .filter((code) => code.trim() !== '')
    .map((code) => sites.find((site) => site.code.toLowerCase() === code.trim().toLowerCase())?.code ?? code.trim());
}

function logFinished(logger: Logger, { runId, period, totals, warnings }: RunResult): void {
  logger.info(`Run ${runId} for ${period} finished: ${totals.sitesOk}/${totals.sites} sites ok, ${totals.accounts} accounts, ${warnings.length} warnings`);
}
