// French words of the insights: changes and accounts to review (site mail), costs, seats and
// coverage (run summary).
import type { RunInsightLabels, SiteInsightLabels } from './labels.js';

/** "de octobre" -> "d'octobre": French elides "de" before a vowel. */
const de = (word: string): string => (/^[aeiouyàâéèêh]/i.test(word) ? `d'${word}` : `de ${word}`);
const plural = (one: boolean, singular: string, many: string): string => (one ? singular : many);

export const insightsFr: SiteInsightLabels = {
  accountsTitle: (n) => `Comptes de l'établissement (${n})`,
  changesTitle: 'Changements depuis le dernier rapport',
  changesSince: (month) => `Changements depuis le rapport ${de(month)}`,
  firstReport: 'Premier rapport pour cet établissement : les changements seront indiqués à partir du prochain rapport.',
  changesUnavailable: "La comparaison avec le rapport précédent n'a pas pu être faite ce mois-ci.",
  noChange: 'Aucune arrivée, aucun départ, aucune licence ajoutée ou retirée.',
  costIn: (month) => `Coût mensuel HT en ${month}`,
  costDelta: 'Écart',
  arrived: (n, one) => `${plural(one, 'Arrivée', 'Arrivées')} (${n})`,
  left: (n, one) => `${plural(one, 'Départ', 'Départs')} (${n})`,
  licenseChanges: (n, one) => `${plural(one, 'Licence ajoutée ou retirée', 'Licences ajoutées ou retirées')} (${n} ${plural(one, 'compte', 'comptes')})`,
  added: (label) => `+ ${label} (ajoutée)`,
  removed: (label) => `− ${label} (retirée)`,
  reviewTitle: (n) => `Comptes à vérifier (${n})`,
  reviewIntro: 'Ces comptes occupent peut-être une licence payante pour rien : merci de vérifier leur situation.',
  reviewNone: 'Aucun compte à vérifier ce mois-ci.',
  reasons: {
    disabled: 'Compte désactivé qui détient encore une licence payante',
    guest: 'Invité qui détient une licence payante',
    inactiveSince: (date, days) => `Aucune connexion depuis plus de ${days} jours (dernière le ${date})`,
    inactiveSinceSuccess: (date, days) => `Aucune connexion réussie depuis plus de ${days} jours (dernière le ${date})`,
    inactiveSinceAttempt: (date, days) => `Aucune connexion depuis plus de ${days} jours (dernière tentative le ${date})`,
    noSuccessfulSignIn: (since, lastAttempt) => `Aucune connexion réussie depuis le ${since} (seulement des tentatives échouées, dernière le ${lastAttempt})`,
    neverSignedIn: (days) => `Jamais connecté (compte créé il y a plus de ${days} jours)`,
  },
  inactivityForbidden:
    'Vérification des comptes inactifs indisponible : le locataire Microsoft 365 ne permet pas de lire la dernière connexion des comptes (licence Entra ID P1 nécessaire).',
  inactivityError: "Vérification des comptes inactifs indisponible ce mois-ci : la dernière connexion des comptes n'a pas pu être lue.",
  more: (n, one) => `… et ${n} ${plural(one, 'autre', 'autres')}`,
};

export const runInsightsFr: RunInsightLabels = {
  costByLicenseTitle: 'Coût mensuel par licence (chaque compte compté une fois)',
  firstRun: "Premier mois : rien à comparer pour l'instant. La comparaison avec le mois précédent apparaîtra le mois prochain.",
  partialCosts: 'Exécution limitée à certains établissements : ces coûts ne portent que sur eux.',
  newLine: 'nouveau',
  thenLine: (month, amount) => `${month} : ${amount}`,
  licenseColumns: { license: 'LICENCE', previous: 'MOIS PRÉCÉDENT', cost: 'COÛT MENSUEL HT', delta: 'ÉCART' },
  total: 'Total',
  seatsTitle: 'Licences achetées et attribuées',
  seatsIntro: 'Une licence achetée mais attribuée à personne est payée chaque mois pour rien.',
  seatColumns: { license: 'LICENCE · SIÈGES', idleCost: 'COÛT MENSUEL DES INUTILISÉES' },
  seatLine: (purchased, assigned, idle, price) =>
    `${purchased.n}\u00a0${plural(purchased.one, 'achetée', 'achetées')} · ${assigned.n}\u00a0${plural(assigned.one, 'attribuée', 'attribuées')} · ` +
    `${idle.n}\u00a0${plural(idle.one, 'inutilisée', 'inutilisées')}\u00a0×\u00a0${price}`,
  seatStatus: (status) => `état : ${status}`,
  seatOverAssigned: (n, one) => `${n} ${plural(one, 'attribuée', 'attribuées')} de plus qu'${plural(one, 'achetée', 'achetées')}`,
  seatUnits: {
    warning: (n) => `${n} en période de grâce (avertissement)`,
    suspended: (n, one) => `${n} ${plural(one, 'suspendue', 'suspendues')}`,
    lockedOut: (n, one) => `${n} ${plural(one, 'bloquée', 'bloquées')} (abonnement résilié)`,
  },
  idleTotal: 'Coût mensuel total des licences inutilisées',
  coverageTitle: 'Comptes sous licence et établissements',
  coveragePartial: "Couverture non calculée : l'exécution était limitée à certains établissements.",
  coverageUnavailable: "Couverture non calculée : les comptes sous licence du locataire n'ont pas pu être lus.",
  uncoveredTitle: (n, one, cost) =>
    `${n} ${plural(one, 'compte sous licence rattaché', 'comptes sous licence rattachés')} à aucun établissement — ${cost} par mois`,
  uncoveredNone: 'Tous les comptes sous licence appartiennent à au moins un établissement.',
  incompleteSites: (codes) => `Établissements sans rapport ce mois-ci (${codes}) : leurs membres peuvent figurer dans cette liste.`,
  multiSiteTitle: (n, one) => `${n} ${plural(one, 'compte présent', 'comptes présents')} dans plusieurs établissements`,
  multiSiteNote: (sitesTotal, overcount, organisation) =>
    `Leur coût n'est compté qu'une fois dans le total de l'organisation : ${sitesTotal} (somme des établissements) − ${overcount} (comptés plusieurs fois) = ${organisation}.`,
  multiSiteNoteFree:
    "Leur coût n'est compté qu'une fois dans le total de l'organisation ; leurs licences sont gratuites : la somme des établissements ne compte rien deux fois.",
  tenantTotal: 'Coût mensuel de tous les comptes sous licence, chacun compté une fois (établissements et hors établissement)',
  inSites: (codes) => `Établissements : ${codes}`,
  inactivityForbidden:
    'Comptes inactifs non vérifiés : la lecture de la dernière connexion (signInActivity) est refusée. Il faut la permission AuditLog.Read.All et une licence Entra ID P1.',
  inactivityError: "Comptes inactifs non vérifiés ce mois-ci : la dernière connexion des comptes n'a pas pu être lue (voir les avertissements).",
  productNamesNone: 'Noms commerciaux Microsoft indisponibles : les licences sans tarif sont affichées sous leur nom technique.',
  productNamesCache: (date) => `Noms commerciaux Microsoft : copie du ${date} (le téléchargement de ce mois-ci a échoué).`,
  unpricedLine: (sku, name, n, one) => `${sku}${name ? ` (${name})` : ''} — ${n} ${plural(one, 'compte', 'comptes')}`,
  duplicateLine: (sku, n, one, rows) => `${sku} — ${n} ${plural(one, 'compte', 'comptes')} — ${rows}`,
  priceRow: (id, name) => `ligne ${id} «\u00a0${name}\u00a0»`,
};
