import { sumCents } from '../core/money.js';
import type { SiteReport, SubscribedSku } from '../types.js';
import { compareCosts } from './compareCosts.js';
import { computeSeats } from './computeSeats.js';
import { findCoverage, type CoverageUser } from './findCoverage.js';
import { summarizeCosts } from './summarizeCosts.js';
import type { CheckStatus, InactivityUnavailable, Period, PriceLookup, ProductNamesResult, RunCosts, RunInsights } from './types.js';

/**
 * Central IT's view of the month: idle seats, licensed accounts in no site or in several, and
 * costs by site and by license next to last month's. Pure. Returns the run costs to store too
 * (only a run over every site should store them: a partial run would skew next month's comparison).
 */
export function buildRunInsights(input: {
  skus: readonly SubscribedSku[];
  lookup: PriceLookup;
  licensedUsers: readonly CoverageUser[] | 'unavailable';
  /** Reports of the sites processed this run (sent or not). */
  siteReports: readonly SiteReport[];
  /** Codes of the sites without a report this run (failed before the report was built). */
  sitesWithoutReport: readonly string[];
  previousRunCosts: RunCosts | undefined;
  period: Period;
  now: Date;
  inactivityCheck: CheckStatus;
  inactivityUnavailable?: InactivityUnavailable;
  productNamesSource: ProductNamesResult['source'];
  productNamesFetchedAt?: string;
  /** Default 'all-sites'. With 'some-sites', pass licensedUsers 'unavailable': the other sites' accounts are not "in no site". */
  scope?: RunInsights['scope'];
}): { insights: RunInsights; runCosts: RunCosts } {
  const seats = computeSeats(input.skus, input.lookup);
  const coverage = findCoverage(input.licensedUsers, input.siteReports, input.lookup);
  const runCosts = summarizeCosts(input.siteReports, coverage.uncovered, input.period, input.now);
  const insights: RunInsights = {
    seats,
    idleCostCents: sumCents(seats.map((seat) => seat.idleCostCents)),
    coverageCheck: input.licensedUsers === 'unavailable' ? 'unavailable' : 'ok',
    ...coverage,
    tenantCostCents: coverage.organisationCostCents + coverage.uncoveredCostCents,
    incompleteSites: [...input.sitesWithoutReport],
    ...compareCosts(runCosts, input.previousRunCosts),
    inactivityCheck: input.inactivityCheck,
    ...(input.inactivityUnavailable ? { inactivityUnavailable: input.inactivityUnavailable } : {}),
    productNamesSource: input.productNamesSource,
    ...(input.productNamesFetchedAt ? { productNamesFetchedAt: input.productNamesFetchedAt } : {}),
    scope: input.scope ?? 'all-sites',
  };
  return { insights, runCosts };
}
