// Every word the mails and the CSV files show, per locale (labels.fr.ts, labels.en.ts and the files
// they import). French is the default.
import type { SiteStep, WarningCode } from '../types.js';
import { en } from './labels.en.js';
import { fr } from './labels.fr.js';
import type { WarningLabels } from './warningLabels.js';

export type RenderLocale = 'fr-FR' | 'en-US';

/** `one` is true when Intl.PluralRules says the count takes the singular. */
export type Counted = (count: string, one: boolean) => string;
export type CountText = { n: string; one: boolean };
/** The words before and after a file name. */
export type Around = readonly [before: string, after: string];

/** What a site mail says about its changes since the last report and its accounts to review. */
export interface SiteInsightLabels {
  accountsTitle: Counted;
  changesTitle: string;
  changesSince(month: string): string;
  firstReport: string;
  changesUnavailable: string;
  noChange: string;
  costIn(month: string): string;
  costDelta: string;
  arrived: Counted;
  left: Counted;
  licenseChanges: Counted;
  added(label: string): string;
  removed(label: string): string;
  reviewTitle: Counted;
  reviewIntro: string;
  reviewNone: string;
  reasons: {
    disabled: string;
    guest: string;
    inactiveSince(date: string, days: string): string;
    neverSignedIn(days: string): string;
  };
  inactivityForbidden: string;
  inactivityError: string;
  /** "… and 12 more": what a bounded list leaves out. */
  more: Counted;
}

/** What the run summary says about costs against last month, seats, coverage and the checks. */
export interface RunInsightLabels {
  costByLicenseTitle: string;
  firstRun: string;
  partialCosts: string;
  newLine: string;
  /** "octobre 2026 : 20,00 €": last month's figure under this month's. */
  thenLine(month: string, amount: string): string;
  licenseColumns: { license: string; previous: string; cost: string; delta: string };
  total: string;
  seatsTitle: string;
  seatsIntro: string;
  seatColumns: { license: string; idleCost: string };
  /** "12 achetées · 7 attribuées · 5 inutilisées × 6,30 €" (each count with whether it is singular). */
  seatLine(purchased: CountText, assigned: CountText, idle: CountText, unitPrice: string): string;
  seatStatus(status: string): string;
  idleTotal: string;
  coverageTitle: string;
  coveragePartial: string;
  coverageUnavailable: string;
  uncoveredTitle(count: string, one: boolean, cost: string): string;
  uncoveredNone: string;
  incompleteSites(codes: string): string;
  multiSiteTitle: Counted;
  multiSiteNote(sitesTotal: string, overcount: string, organisation: string): string;
  /** When their licenses are free: nothing was counted twice. */
  multiSiteNoteFree: string;
  inSites(codes: string): string;
  tenantTotal: string;
  inactivityForbidden: string;
  inactivityError: string;
  productNamesNone: string;
  productNamesCache(date: string): string;
  unpricedLine(sku: string, productName: string | undefined, accounts: string, one: boolean): string;
  duplicateLine(sku: string, accounts: string, one: boolean, rows: string): string;
  priceRow(rowId: string, name: string): string;
}

export interface SummaryLabels {
  subtitle(month: string): string;
  subject(org: string, month: string, status: string): string;
  subjectOk: string;
  subjectFatal: string;
  errors: Counted;
  uncertain: Counted;
  allOk: string;
  sitesFailed: Counted;
  sitesUncertain: Counted;
  fatal(reason: string): string;
  dryRun: string;
  totalCaption: string;
  /** "12 établissements : 11 OK, 1 en erreur" */
  heroSites(count: string, ok: string, failed: string): string;
  duration(duration: string): string;
  failuresTitle: Counted;
  uncertainTitle: Counted;
  technicalDetail(detail: string): string;
  ok: string;
  okOutbox: string;
  okNotSent: string;
  alreadySent: string;
  deliveryUnknown: string;
  skipped(reason: string | undefined): string;
  failed(step: string | undefined, error: string): string;
  failedAt(step: string | undefined): string;
  steps: Record<SiteStep, string>;
  sitesTitle: Counted;
  sitesShown(shown: string, total: string): string;
  /** Around the attached file's name, which gets a line of its own. */
  sitesAttached: Around;
  /** "35/35 comptes · 0,4 s" */
  siteLine(exported: string, total: string, duration: string): string;
  toReview: Counted;
  siteColumns: { site: string; cost: string };
  totalsTitle: string;
  totalSitesLabel: string;
  totalSites(count: string, ok: string, failed: string): string;
  totalAccounts: string;
  totalCost: string;
  /** With accounts in several sites: the sum of the site totals, then the total counting each once. */
  sitesSumCost: string;
  totalCostCountedOnce: string;
  totalDuration: string;
  savingsTitle: string;
  savingsIntro: string;
  savingsIdle: Counted;
  savingsUncovered: Counted;
  savingsReview: Counted;
  perMonth(amount: string): string;
  warningsTitle: string;
  warningHeadings: Record<WarningCode | 'checks', string>;
  warningsMore: Counted;
  csvFilePrefix: string;
  csvColumns: { site: string; code: string; exported: string; total: string; seconds: string; status: string; cost: string; costThen: string; delta: string };
  footer(org: string): string[];
  insights: RunInsightLabels;
  warnings: WarningLabels;
}

export interface Labels {
  lang: string;
  orgHeader(org: string): string;
  reportTitle: string;
  runOn: string;
  /** Joins Intl's medium date and short time ("1 janv. 2026 à 06:00"). */
  dateTime(date: string, time: string): string;
  siteSubject(org: string, site: string, month: string): string;
  /** The CSV's header row: the seed's seven columns, then the account's state. */
  columns: { lastName: string; firstName: string; email: string; jobTitle: string; site: string; licenses: string; monthlyCost: string; state: string };
  notAvailable: string;
  noLicense: string;
  disabled: string;
  guest: string;
  /** The CSV's state cell for a disabled guest. */
  disabledGuest: string;
  accounts: Counted;
  /** How an account is named in the lists: "Dupont Jeanne" / "Dupont, Jeanne" (sorted by last name). */
  fullName(lastName: string, firstName: string): string;
  /** One license with its unit price: "Office 365 E3 · 6,30 €". */
  licenseLine(label: string, price: string): string;
  listColumns: { account: string; total: string };
  totalCaption: string;
  deltaSince(delta: string, month: string): string;
  sameSince(month: string): string;
  firstReportShort: string;
  siteTotal: string;
  totalLabel: string;
  noAccounts: string;
  /** Around the attached file's name, which gets a line of its own. */
  attachment(accounts: string): Around;
  attachmentZip(accounts: string): Around;
  largeSiteNote(total: string, shown: string): string;
  licenseSummaryTitle: string;
  licenseSummaryColumns: { license: string; monthlyCost: string };
  skippedAccounts(count: string, one: boolean, names: string): string;
  csvFilePrefix: string;
  footer(org: string): string[];
  insights: SiteInsightLabels;
  summary: SummaryLabels;
}

const byLocale: Record<RenderLocale, Labels> = { 'fr-FR': fr, 'en-US': en };

export function labelsFor(locale: RenderLocale): Labels {
  return byLocale[locale];
}
