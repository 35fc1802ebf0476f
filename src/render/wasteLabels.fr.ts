// French words of the possible savings, redundant licenses, assignment errors and subscriptions.
import type { WasteLabels } from './wasteLabels.js';

const plural = (one: boolean, singular: string, many: string): string => (one ? singular : many);
const days = (n: number, text: string) =>
  n === 0
    ? "aujourd'hui"
    : n > 0
      ? `dans ${text}\u00a0${plural(n === 1, 'jour', 'jours')}`
      : `il y a ${text.replace('-', '')}\u00a0${plural(n === -1, 'jour', 'jours')}`;

const wasteLine = (license: string, active: boolean, why: string) => `Licence ${license} ${active ? 'attribuée avec une erreur' : 'non attribuée'} : ${why}`;

export const wasteFr: WasteLabels = {
  savingsBefore: 'Économies possibles : ',
  savingsAfter: ' par mois',
  perYear: (amount) => `soit ${amount} par an`,
  noSavings: 'Économies possibles : aucune repérée ce mois-ci.',
  reasons: {
    redundant: (license, price, coveredBy) => `Licence en double : ${license} (${price} par mois), déjà comprise dans ${coveredBy}`,
    assignmentError: (license, active, why, through) => `${wasteLine(license, active, why)} — ${through}`,
    errorLine: (license, active, why) => wasteLine(license, active, why),
    viaGroup: (group) => `groupe «\u00a0${group}\u00a0»`,
    direct: 'attribution directe',
    errors: {
      CountViolation: 'plus assez de licences disponibles (CountViolation)',
      MutuallyExclusiveViolation: 'un de ses services est incompatible avec une autre licence du compte (MutuallyExclusiveViolation)',
      DependencyViolation: 'une autre licence du compte en dépend (DependencyViolation)',
      ProhibitedInUsageLocationViolation: "non autorisée dans le pays d'utilisation du compte (ProhibitedInUsageLocationViolation)",
      UniquenessViolation: 'adresse proxy déjà utilisée par un autre compte (UniquenessViolation)',
    },
    otherError: (code) => `erreur ${code}`,
  },
  csvColumn: 'À VÉRIFIER',

  monthAndYear: (month, year) => `${month}\u00a0/\u00a0mois · ${year}\u00a0/\u00a0an`,
  perYearShort: (amount) => `${amount}\u00a0/\u00a0an`,
  heroSavings: (month, year) => `Économies possibles : ${month} par mois, soit ${year} par an`,
  heroAnnual: (amount) => `Soit ${amount} par an`,
  totalAnnual: 'Coût annuel HT (12 mois)',
  savingsIntro:
    "Ce qui pourrait ne plus être payé chaque mois. Chaque compte n'est compté qu'une fois : un compte désactivé et inactif compte comme désactivé.",
  lines: {
    idle: (n, one) => `${n} ${plural(one, 'licence achetée mais attribuée à personne', 'licences achetées mais attribuées à personne')}`,
    disabled: (n, one) => `${n} ${plural(one, 'compte désactivé', 'comptes désactivés')} avec des licences payantes`,
    neverUsed: (n, one) => `${n} ${plural(one, 'compte jamais utilisé', 'comptes jamais utilisés')}`,
    inactive: (count, d) => `${count.n} ${plural(count.one, 'compte inactif', 'comptes inactifs')} depuis plus de ${d}\u00a0jours`,
    redundant: (n, one) =>
      `${n} ${plural(one, 'licence en double', 'licences en double')} (déjà ${plural(one, 'comprise', 'comprises')} dans une autre licence du compte)`,
  },
  inactivityNotChecked: "Les comptes inactifs et jamais utilisés ne sont pas comptés : la dernière connexion des comptes n'a pas pu être lue.",
  partialSavings: 'Exécution limitée à certains établissements : seuls leurs comptes sont comptés, ni les comptes hors établissement.',
  exceptions: (pairs) => `Paires de licences détenues volontairement, jamais comptées en double (LICENSE_OVERLAP_EXCEPTIONS) : ${pairs}.`,

  topSitesTitle: 'Établissements où les économies possibles sont les plus fortes',
  topSitesIntro: 'Chaque établissement reçoit la liste de ses comptes à vérifier dans son rapport.',
  siteParts: {
    disabled: (n, one) => `${n} ${plural(one, 'désactivé', 'désactivés')}`,
    neverUsed: (n, one) => `${n} jamais ${plural(one, 'utilisé', 'utilisés')}`,
    inactive: (n, one) => `${n} ${plural(one, 'inactif', 'inactifs')}`,
    redundant: (n, one) => `${n} ${plural(one, 'licence en double', 'licences en double')}`,
  },

  subscriptionsTitle: (n) => `Abonnements à surveiller (${n})`,
  subscriptionsIntro:
    "Abonnements expirés, suspendus, bloqués, d'essai, ou dont l'échéance tombe dans les 60 prochains jours, avec les licences et le coût mensuel concernés.",
  subscriptionsNone: "Aucun abonnement à surveiller : aucun n'est expiré, suspendu ou à l'essai, et aucune échéance dans les 60 prochains jours.",
  subscriptionsForbidden:
    "Abonnements non vérifiés : l'application ne peut pas lire les abonnements du locataire (/directory/subscriptions). Il faut la permission Microsoft Graph Organization.Read.All.",
  subscriptionsError: "Abonnements non vérifiés ce mois-ci : les abonnements du locataire n'ont pas pu être lus (voir les avertissements).",
  subscriptionColumns: { subscription: 'ABONNEMENT · LICENCES', cost: 'COÛT MENSUEL EN JEU' },
  subscriptionReasons: {
    'locked-out': 'Bloqué (abonnement résilié)',
    suspended: 'Suspendu',
    warning: 'Expiré, en période de grâce',
    trial: "Version d'essai",
    'lifecycle-soon': 'Échéance proche',
  },
  nextLifecycle: (status, trial, date, n, inDays) => {
    const what: Record<string, string> = { warning: 'Suspension', suspended: 'Suppression', lockedout: 'Suppression' };
    const next = what[status.toLowerCase()] ?? (trial ? "Fin de l'essai" : 'Échéance (renouvellement ou fin)');
    return `${next} le ${date} (${days(n, inDays)})`;
  },
  subscriptionSeats: (seats, price) => `${seats.n}\u00a0${plural(seats.one, 'licence', 'licences')}\u00a0×\u00a0${price}`,

  errorsTitle: (n) => `Erreurs d'attribution de licence (${n})`,
  errorsIntro:
    "Licences qu'Entra ID n'a pas pu attribuer (ou seulement avec une erreur), par groupe en cause : à corriger dans le groupe, puis « Retraiter » ses licences.",
  errorsGroup: (name) => `Groupe «\u00a0${name}\u00a0»`,
  errorsDirect: 'Attributions directes',
  errorsSites: (codes) => `Établissements : ${codes}`,
  errorsNoSite: 'Hors établissement',

  checkSubscriptionsForbidden:
    'Abonnements non vérifiés : la lecture de /directory/subscriptions est refusée. Il faut la permission Organization.Read.All (facultative).',
};
