import type { RunTotals, SiteOutcome } from '../types.js';
import { centsToAmount, sumCents } from './money.js';

/**
 * Run totals over the sites that produced a report. A site skipped because this month's report
 * already went out counts as ok: its accounts and cost are still this month's figures.
 */
export function summarizeRun(outcomes: readonly SiteOutcome[]): RunTotals {
  const ok = outcomes.filter((outcome) => outcome.status !== 'failed');
  const monthlyCostCents = sumCents(ok.map((outcome) => outcome.monthlyCostCents));
  return {
    sites: outcomes.length,
    sitesOk: ok.length,
    sitesFailed: outcomes.length - ok.length,
    accounts: ok.reduce((total, outcome) => total + outcome.exported, 0),
    monthlyCost: centsToAmount(monthlyCostCents),
    monthlyCostCents,
  };
}
