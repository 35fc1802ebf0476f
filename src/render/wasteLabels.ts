// The words of issue 15's additions (wasteLabels.fr.ts, wasteLabels.en.ts): the site's possible
// savings and the new reasons to review an account; the summary's savings, top sites, subscriptions
// to act on and assignment errors.
import type { AttentionReason } from '../insights/waste/wasteTypes.js';
import type { CountText, Counted } from './labels.js';

export interface WasteLabels {
  /** The site mail's first screen: "Économies possibles : <b>18,90 €</b> par mois" then "soit 226,80 € par an". */
  savingsBefore: string;
  savingsAfter: string;
  perYear(amount: string): string;
  noSavings: string;
  reasons: {
    /** Redundant license X (its price) next to Y, which already includes it. */
    redundant(license: string, price: string, coveredBy: string): string;
    /** A license that could not be assigned (or only with an error), why, and through what. */
    assignmentError(license: string, active: boolean, why: string, through: string): string;
    /** The same without the source, under a heading naming the group. */
    errorLine(license: string, active: boolean, why: string): string;
    viaGroup(group: string): string;
    direct: string;
    /** Graph's error codes (licensing-groups-resolve-problems), in words; the code follows. */
    errors: Record<string, string>;
    otherError(code: string): string;
  };
  /** The CSV's column after the state: the reasons to review the account. */
  csvColumn: string;

  /** "43,00 € / mois · 516,00 € / an" */
  monthAndYear(month: string, year: string): string;
  perYearShort(amount: string): string;
  heroSavings(month: string, year: string): string;
  heroAnnual(amount: string): string;
  totalAnnual: string;
  savingsIntro: string;
  lines: { idle: Counted; disabled: Counted; neverUsed: Counted; inactive(count: CountText, days: string): string; redundant: Counted };
  inactivityNotChecked: string;
  partialSavings: string;
  exceptions(pairs: string): string;

  topSitesTitle: string;
  topSitesIntro: string;
  /** "2 désactivés · 3 inactifs · 1 licence redondante" */
  siteParts: { disabled: Counted; neverUsed: Counted; inactive: Counted; redundant: Counted };

  subscriptionsTitle: Counted;
  subscriptionsIntro: string;
  subscriptionsNone: string;
  subscriptionsForbidden: string;
  subscriptionsError: string;
  subscriptionColumns: { subscription: string; cost: string };
  subscriptionReasons: Record<AttentionReason, string>;
  /** When the subscription moves to its next state, by its status: "Échéance le 26 nov. 2026 (dans 24 jours)". */
  nextLifecycle(status: string, trial: boolean, date: string, days: number, inDays: string): string;
  subscriptionSeats(seats: CountText, unitPrice: string): string;

  errorsTitle: Counted;
  errorsIntro: string;
  errorsGroup(name: string): string;
  errorsDirect: string;
  errorsSites(codes: string): string;
  errorsNoSite: string;

  /** The checks line (warnings block) when the subscriptions could not be read. */
  checkSubscriptionsForbidden: string;
}
