// Central IT's view of the month: names and prices of SKUs, seats, coverage, costs vs last month.
import type { Cents, LicenseLine } from '../types.js';
import type { Period } from './snapshotTypes.js';
import type { CheckStatus, InactivityUnavailable } from './siteInsightTypes.js';

// ---------------------------------------------------------------- prices and names

/** Display names by SKU id (lower case) and by SKU part number (upper case). */
export type ProductNames = ReadonlyMap<string, string>;

export interface ProductNamesResult {
  names: ProductNames;
  source: 'fresh' | 'cache' | 'none';
  /** Why the fresh copy could not be used (the run goes on with the cache or technical names). */
  error?: string;
  /** ISO instant the names were downloaded. */
  fetchedAt?: string;
}

/** How one SKU is named and priced: the core's join rule, plus Microsoft's name when unpriced. */
export type PriceLookup = (skuId: string) => Pick<LicenseLine, 'label' | 'monthlyPriceCents' | 'match' | 'skuPartNumber'>;

// ---------------------------------------------------------------- run insights

export interface SeatLine {
  skuId: string;
  skuPartNumber: string;
  label: string;
  capabilityStatus: string;
  purchased: number;
  assigned: number;
  /** purchased - assigned, never below 0. */
  idle: number;
  /** assigned - purchased when more seats are assigned than purchased (a warning, not "0 idle"). */
  overAssigned?: number;
  /** Seats in grace period, suspended and locked out (/subscribedSkus prepaidUnits), shown as such. */
  warning?: number;
  suspended?: number;
  lockedOut?: number;
  unitPriceCents: Cents | null;
  /** idle x unit price; 0 when unpriced. */
  idleCostCents: Cents;
}

export interface LicenseCost {
  skuId: string;
  label: string;
  monthlyPriceCents: Cents | null;
}

export interface UncoveredAccount {
  userId: string;
  name: string;
  email: string;
  disabled: boolean;
  guest: boolean;
  licenses: LicenseCost[];
  monthlyCostCents: Cents;
}

export interface MultiSiteAccount {
  userId: string;
  name: string;
  email: string;
  siteCodes: string[];
  monthlyCostCents: Cents;
  /** What the sum of the site totals counts too much for this account: cost x (sites - 1). */
  overcountCents: Cents;
}

export interface Coverage {
  uncovered: UncoveredAccount[];
  uncoveredCostCents: Cents;
  multiSite: MultiSiteAccount[];
  /** Sum of the site totals: what the site mails add up to. */
  sitesTotalCents: Cents;
  /** The sites' accounts each counted once. */
  organisationCostCents: Cents;
  /** sitesTotalCents - organisationCostCents. */
  overcountCents: Cents;
}

export interface CostComparison {
  previousPeriod: Period | null;
  costBySite: Array<{ code: string; name: string; nowCents: Cents; thenCents: Cents | null }>;
  costByLicense: Array<{ skuId: string; label: string; nowCents: Cents; thenCents: Cents | null }>;
}

export interface RunInsights extends CostComparison, Coverage {
  seats: SeatLine[];
  idleCostCents: Cents;
  /** 'unavailable' when the tenant's users could not be read: uncovered accounts are then unknown. */
  coverageCheck: CheckStatus;
  /** organisationCostCents + uncoveredCostCents: every licensed account of the tenant, once. */
  tenantCostCents: Cents;
  /** Sites without a report this run: their members may show as "in no site". */
  incompleteSites: string[];
  inactivityCheck: CheckStatus;
  inactivityUnavailable?: InactivityUnavailable;
  productNamesSource: ProductNamesResult['source'];
  /** ISO instant Microsoft's product names were downloaded (fresh or cached copy). */
  productNamesFetchedAt?: string;
  /**
   * 'some-sites' when the run was limited to some sites: accounts in no site are then not looked
   * for (coverageCheck 'unavailable') and the costs by license cover those sites only.
   */
  scope: 'all-sites' | 'some-sites';
}
