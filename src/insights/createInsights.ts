import type { Config } from '../config/Config.js';
import type { PriceIndex } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { Clock, Directory, FetchText, TextStore } from '../ports.js';
import type { RunWarning, SiteReport } from '../types.js';
import { applyProductNames } from './applyProductNames.js';
import { createPriceLookup } from './createPriceLookup.js';
import { collectInsightsInputs, type InsightsInputs, type InsightsScope } from './collectInsightsInputs.js';
import { insightsForRun, type RunInsightsInput } from './insightsForRun.js';
import { insightsForSite, type SiteWithInsights } from './insightsForSite.js';
import { insightUnavailable } from './insightUnavailable.js';
import { nameUnpricedSkus } from './nameUnpricedSkus.js';
import { signInsNeededFor } from './findAccountsToReview.js';
import type { Period, RunInsights } from './types.js';
import { NO_WASTE_RULES, type WasteRules } from './waste/accountFactsOf.js';
import type { ServicePlanCatalog } from './waste/findRedundantLicenses.js';

/** What the insights read: the tenant's users and sign-ins, the store, Microsoft's product names. */
export interface InsightsDeps {
  config: Pick<Config, 'productNamesUrl' | 'inactiveDays' | 'locale'> & Partial<Pick<Config, 'licenseOverlapExceptions'>>;
  directory: Pick<Directory, 'pageUsers' | 'listUsersByIds' | 'listCompanySubscriptions' | 'listGroupsById'>;
  store: TextStore;
  fetchText: FetchText;
  clock: Clock;
}

/** What the waste rules need of the run's own reads: /subscribedSkus' service plans and the price list. */
export interface TenantLicensing {
  servicePlans: ServicePlanCatalog;
  priceIndex: PriceIndex;
}

/** One run's insights, once their inputs are read. Nothing here throws: a failure is a warning. */
export interface InsightsOfRun {
  /** What could not be read (code 'insights-unavailable'), for the run summary: read it once the sites are done. */
  readonly warnings: RunWarning[];
  /** Reads what a site's insights need from Graph (its accounts' sign-ins); forSite then computes them. */
  readyFor(report: SiteReport): Promise<void>;
  /** Microsoft's product name on licenses the price list does not name, in the mail and the run's figures. */
  nameProducts(report: SiteReport): SiteReport;
  /** The "no price row" warnings with Microsoft's product name beside the technical one. */
  nameUnpricedSkus(warnings: readonly RunWarning[]): RunWarning[];
  /** A site's mail: changes since its last report, accounts to review, possible savings. */
  forSite(report: SiteReport): Promise<SiteWithInsights>;
  /** Central IT's view once every site is done: seats, coverage, costs against last month, waste. */
  forRun(input: RunInsightsInput): Promise<{ insights?: RunInsights; warnings: RunWarning[] }>;
  /**
   * The same insights, knowing the tenant's service plans and prices (read by the run with its
   * lists): without them no license is called redundant and a license in error keeps its id.
   */
  withLicensing(licensing: TenantLicensing): InsightsOfRun;
}

interface Insights {
  /**
   * Reads what the insights need once per run, in parallel (sign-ins, licensed users, product names,
   * last month's costs). Never rejects: the insights are extras, the reports go out without them.
   */
  read(period: Period, now: Date, scope?: InsightsScope): Promise<InsightsOfRun>;
}

export function createInsights(deps: InsightsDeps): Insights {
  return {
    async read(period, now, scope) {
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
        const run = { period, now, inactiveDays: deps.config.inactiveDays, exceptions: deps.config.licenseOverlapExceptions ?? [] };
        return insightsOf(inputs, run, new Intl.Collator(deps.config.locale, { sensitivity: 'base' }));
      } catch (error) {
        const reason = describeError(error);
        return noInsights(insightUnavailable('all', `No insights this month (changes, accounts to review, seats): ${reason}`, reason));
      }
    },
  };
}

type RunOfInsights = { period: Period; now: Date; inactiveDays: number; exceptions: WasteRules['exceptions'] };

function insightsOf(inputs: InsightsInputs, run: RunOfInsights, collator: Intl.Collator, licensing?: TenantLicensing): InsightsOfRun {
  const names = inputs.productNames.names;
  const rules: WasteRules = licensing ? { catalog: licensing.servicePlans, exceptions: run.exceptions } : NO_WASTE_RULES;
  const lookup = licensing ? createPriceLookup(licensing.priceIndex, names) : undefined;
  const waste = { rules, ...(lookup ? { lookup } : {}) };
  return {
    get warnings() {
      return inputs.warnings;
    },
    readyFor: async (report) => void (await inputs.signIns.forUsers(signInsNeededFor(report.rows))),
    nameProducts: (report) => applyProductNames(report, names, collator),
    nameUnpricedSkus: (warnings) => nameUnpricedSkus(warnings, names),
    forSite: (report) => insightsForSite(report, inputs, { ...run, ...waste }),
    forRun: (input) => insightsForRun(input, inputs, { ...run, rules }),
    withLicensing: (tenant) => insightsOf(inputs, run, collator, tenant),
  };
}

/** When even the reads could not be started: the reports go out as they are. */
function noInsights(warning: RunWarning): InsightsOfRun {
  return {
    warnings: [warning],
    readyFor: async () => undefined,
    nameProducts: (report) => report,
    nameUnpricedSkus: (warnings) => [...warnings],
    forSite: async (report) => ({ report, warnings: [], saveSnapshot: async () => [] }),
    forRun: async () => ({ warnings: [] }),
    withLicensing() {
      return this;
    },
  };
}
