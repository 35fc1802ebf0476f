// Every word the mails and the CSV files show, per locale (labels.fr.ts, labels.en.ts and the files
// they import). French is the default.
import { en } from './labels.en.js';
import { fr } from './labels.fr.js';
import type { SummaryLabels } from './summaryLabels.js';
import type { WasteLabels } from './wasteLabels.js';

export type RenderLocale = 'fr-FR' | 'en-US';
export type { RunInsightLabels, SummaryLabels } from './summaryLabels.js';
export type { WasteLabels } from './wasteLabels.js';

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
    /** The last successful sign-in is older than `days` (lastSuccessfulSignInDateTime). */
    inactiveSinceSuccess(date: string, days: string): string;
    /** Graph does not say whether the last attempt succeeded, and it is older than `days`. */
    inactiveSinceAttempt(date: string, days: string): string;
    /** Failed attempts only since `since` (when Entra ID began recording successes). */
    noSuccessfulSignIn(since: string, lastAttempt: string): string;
    neverSignedIn(days: string): string;
  };
  inactivityForbidden: string;
  inactivityError: string;
  /** "… and 12 more": what a bounded list leaves out. */
  more: Counted;
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
  /** Possible savings, redundant licenses, assignment errors, subscriptions (both mails and the CSV). */
  waste: WasteLabels;
  summary: SummaryLabels;
}

const byLocale: Record<RenderLocale, Labels> = { 'fr-FR': fr, 'en-US': en };

export function labelsFor(locale: RenderLocale): Labels {
  return byLocale[locale];
}
