// What the core reads and builds: sites, prices, SKUs, users, account rows, money and warnings.
// Money is always an integer number of cents (`Cents`): sums stay exact.
import type { LicenseAssignmentState } from '../insights/waste/wasteTypes.js';

export type Cents = number;

/** One establishment, from a row of the SharePoint sites list (already validated). */
export interface Site {
  code: string;
  name: string;
  membersGroupId: string;
  correspondentsGroupId: string;
  /** SharePoint item id of the row, to name it in warnings. */
  rowId: number;
}

/** One row of the price list (already validated). */
export interface PriceEntry {
  rowId: number;
  commercialName: string;
  skuPartNumber: string;
  skuId?: string;
  monthlyPriceCents: Cents;
}

/** One SKU the tenant subscribes to (from Graph /subscribedSkus). */
export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  /** prepaidUnits.enabled: seats of active subscriptions. */
  prepaidEnabled: number;
  /** prepaidUnits.warning: seats in their grace period (expired, not yet suspended). */
  prepaidWarning?: number;
  /** prepaidUnits.suspended: seats of a cancelled subscription; they cannot be assigned. */
  prepaidSuspended?: number;
  /** prepaidUnits.lockedOut: seats of a subscription the customer cancelled, locked out. */
  prepaidLockedOut?: number;
  consumedUnits: number;
  capabilityStatus: string;
}

/** A user as read from the directory (raw Graph JSON parsed into plain data). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  assignedSkuIds: string[];
  /** createdDateTime as an ISO instant, when selected and known (Graph has none before 2018). */
  createdAt?: string;
  /** licenseAssignmentStates, when selected: one per license and source (direct or a group), errors included. */
  licenseStates?: LicenseAssignmentState[];
}

/** One license of one account, after the join with the price list. */
export interface LicenseLine {
  skuId: string;
  /** Commercial name when exactly one price row matched, else the technical name. */
  label: string;
  /** null = "N/A" (no single matching price row): not counted in totals. */
  monthlyPriceCents: Cents | null;
  match: 'priced' | 'unpriced' | 'duplicate';
  skuPartNumber: string | null;
}

/** One line of a site report: one account. */
export interface AccountRow {
  userId: string;
  lastName: string;
  firstName: string;
  email: string;
  jobTitle: string;
  siteName: string;
  licenses: LicenseLine[];
  monthlyCostCents: Cents;
  disabled: boolean;
  guest: boolean;
  /** How each license reaches the account (direct, group) and assignments in error; absent when not read. */
  licenseStates?: LicenseAssignmentState[];
}

/** An account that could not be turned into a row: counted in n/m and named in the summary. */
export interface SkippedAccount {
  userId: string;
  name: string;
  reason: string;
}

export interface Recipient {
  name: string;
  address: string;
}

export type WarningCode =
  'site-row-skipped' | 'price-row-ignored' | 'duplicate-price-rows' | 'unpriced-sku' | 'account-skipped' | 'unknown-site-code' | 'insights-unavailable';

export interface RunWarning {
  code: WarningCode;
  message: string;
  /** Structured details for machines (row ids, SKU names, counts...). */
  details?: Record<string, unknown>;
}
