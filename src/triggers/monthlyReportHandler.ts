import type { InvocationContextType, Timer } from '../functionsSdk.js';
import { formatRunTable } from '../cli/formatRunTable.js';
import { failureReason } from '../core/failureReason.js';
import { runReport } from '../run/runReport.js';
import { depsFor, loadConfig, type TriggerServices } from './services.js';

/**
 * The monthly timer: one full run, summary mailed to IT, then the invocation FAILS when any site
 * failed, so Azure monitoring sees it. No retry policy: a retry would rerun the whole job.
 */
export function monthlyReportHandler(services: TriggerServices) {
  return async (_timer: Timer, context: InvocationContextType): Promise<void> => {
    const config = loadConfig(services);
    const result = await runReport(depsFor(services, config, context), {});
    context.info(formatRunTable(result, config.locale, config.currency));
    if (result.fatalError) throw new Error(`Monthly report ${result.period} could not run: ${result.fatalError}`);
    const failed = result.sites.filter((site) => site.status === 'failed');
    if (failed.length > 0) {
      throw new Error(
        `Monthly report ${result.period}: ${failed.length} site(s) failed: ${failed.map((s) => `${s.code} (${s.step ?? 'run'}: ${failureReason(s)})`).join('; ')}`,
      );
    }
  };
}
