import { collectInsightsInputs, type InsightsInputs, type InsightsScope } from '../insights/collectInsightsInputs.js';
import type { RunWarning } from '../types.js';
import { describeError } from '../errors.js';
import type { RunDeps } from './RunDeps.js';

/**
 * What the insights read once per run (sign-ins, the tenant's licensed users, product names, last
 * month's costs). Never rejects: the insights are extras, so whatever goes wrong is a warning and
 * the reports go out without them.
 */
export async function readInsightsInputs(
  deps: Pick<RunDeps, 'config' | 'directory' | 'store' | 'fetchText' | 'clock'>,
  period: string,
  scope?: InsightsScope,
): Promise<{ inputs?: InsightsInputs; warnings: RunWarning[] }> {
  try {
    const inputs = await collectInsightsInputs({
      directory: deps.directory,
      store: deps.store,
      fetchText: deps.fetchText,
      clock: deps.clock,
      productNamesUrl: deps.config.productNamesUrl,
      period,
      ...(scope ? { scope } : {}),
    });
    return { inputs, warnings: inputs.warnings };
  } catch (error) {
    const reason = describeError(error);
    return {
      warnings: [{ code: 'insights-unavailable', message: `No insights this month (changes, accounts to review, seats): ${reason}`, details: { insight: 'all', reason } }],
    };
  }
}
