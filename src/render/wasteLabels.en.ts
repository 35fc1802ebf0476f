// English words of the possible savings, redundant licenses, assignment errors and subscriptions.
import type { WasteLabels } from './wasteLabels.js';

const plural = (one: boolean, singular: string, many: string): string => (one ? singular : many);
const days = (n: number, text: string) =>
  n === 0 ? 'today' : n > 0 ? `in ${text}\u00a0${plural(n === 1, 'day', 'days')}` : `${text.replace('-', '')}\u00a0${plural(n === -1, 'day', 'days')} ago`;

const wasteLine = (license: string, active: boolean, why: string) => `License ${license} ${active ? 'assigned with an error' : 'not assigned'}: ${why}`;

export const wasteEn: WasteLabels = {
  savingsBefore: 'Possible savings: ',
  savingsAfter: ' a month',
  perYear: (amount) => `that is ${amount} a year`,
  noSavings: 'Possible savings: none found this month.',
  reasons: {
    redundant: (license, price, coveredBy) => `Redundant license: ${license} (${price} a month), already included in ${coveredBy}`,
    assignmentError: (license, active, why, through) => `${wasteLine(license, active, why)} — ${through}`,
    errorLine: (license, active, why) => wasteLine(license, active, why),
    viaGroup: (group) => `group "${group}"`,
    direct: 'direct assignment',
    errors: {
      CountViolation: 'not enough licenses available (CountViolation)',
      MutuallyExclusiveViolation: 'one of its services conflicts with another license of the account (MutuallyExclusiveViolation)',
      DependencyViolation: 'another license of the account depends on it (DependencyViolation)',
      ProhibitedInUsageLocationViolation: "not allowed in the account's usage location (ProhibitedInUsageLocationViolation)",
      UniquenessViolation: 'proxy address already used by another account (UniquenessViolation)',
    },
    otherError: (code) => `error ${code}`,
  },
  csvColumn: 'TO REVIEW',

  monthAndYear: (month, year) => `${month}\u00a0/\u00a0month · ${year}\u00a0/\u00a0year`,
  perYearShort: (amount) => `${amount}\u00a0/\u00a0year`,
  heroSavings: (month, year) => `Possible savings: ${month} a month, that is ${year} a year`,
  heroAnnual: (amount) => `That is ${amount} a year`,
  totalAnnual: 'Annual cost (12 months)',
  savingsIntro: 'What could stop being paid every month. Each account is counted once: an account both disabled and inactive counts as disabled.',
  lines: {
    idle: (n, one) => `${n} ${plural(one, 'license', 'licenses')} purchased but assigned to nobody`,
    disabled: (n, one) => `${n} disabled ${plural(one, 'account', 'accounts')} with paid licenses`,
    neverUsed: (n, one) => `${n} ${plural(one, 'account', 'accounts')} never used`,
    inactive: (count, d) => `${count.n} ${plural(count.one, 'account', 'accounts')} inactive for more than ${d}\u00a0days`,
    redundant: (n, one) => `${n} redundant ${plural(one, 'license', 'licenses')} (already included in another license of the account)`,
  },
  inactivityNotChecked: "Inactive and never-used accounts are not counted: the accounts' last sign-in could not be read.",
  partialSavings: 'Run limited to some sites: only their accounts are counted, not the accounts in no site.',
  exceptions: (pairs) => `License pairs held on purpose, never counted as redundant (LICENSE_OVERLAP_EXCEPTIONS): ${pairs}.`,

  topSitesTitle: 'Sites with the largest possible savings',
  topSitesIntro: 'Each site gets the list of its accounts to review in its report.',
  siteParts: {
    disabled: (n) => `${n} disabled`,
    neverUsed: (n) => `${n} never used`,
    inactive: (n) => `${n} inactive`,
    redundant: (n, one) => `${n} redundant ${plural(one, 'license', 'licenses')}`,
  },

  subscriptionsTitle: (n) => `Subscriptions to watch (${n})`,
  subscriptionsIntro:
    'Subscriptions expired, suspended, locked out, on trial, or reaching their next date within 60 days, with the licenses and the monthly cost at stake.',
  subscriptionsNone: 'No subscription to watch: none is expired, suspended or on trial, and none reaches its next date within 60 days.',
  subscriptionsForbidden:
    "Subscriptions not checked: the app may not read the tenant's subscriptions (/directory/subscriptions). It needs the Microsoft Graph permission Organization.Read.All.",
  subscriptionsError: "Subscriptions not checked this month: the tenant's subscriptions could not be read (see the warnings).",
  subscriptionColumns: { subscription: 'SUBSCRIPTION · SEATS', cost: 'MONTHLY COST AT STAKE' },
  subscriptionReasons: {
    'locked-out': 'Locked out (subscription cancelled)',
    suspended: 'Suspended',
    warning: 'Expired, in its grace period',
    trial: 'Trial',
    'lifecycle-soon': 'Next date soon',
  },
  nextLifecycle: (status, trial, date, n, inDays) => {
    const what: Record<string, string> = { warning: 'Suspended', suspended: 'Deleted', lockedout: 'Deleted' };
    const next = what[status.toLowerCase()] ?? (trial ? 'Trial ends' : 'Expires unless renewed');
    return `${next} on ${date} (${days(n, inDays)})`;
  },
  subscriptionSeats: (seats, price) => `${seats.n}\u00a0${plural(seats.one, 'license', 'licenses')}\u00a0×\u00a0${price}`,

  errorsTitle: (n) => `License assignment errors (${n})`,
  errorsIntro: 'Licenses Entra ID could not assign (or only with an error), by the group at fault: fix it in the group, then "Reprocess" its licenses.',
  errorsGroup: (name) => `Group "${name}"`,
  errorsDirect: 'Direct assignments',
  errorsSites: (codes) => `Sites: ${codes}`,
  errorsNoSite: 'In no site',

  checkSubscriptionsForbidden:
    'Subscriptions not checked: reading /directory/subscriptions is refused. It needs the Organization.Read.All permission (optional).',
};
