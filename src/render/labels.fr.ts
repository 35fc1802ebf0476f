// French words of the mails and the CSV (the default language).
import type { Labels } from './labels.js';
import { insightsFr, runInsightsFr } from './insightLabels.fr.js';

export const fr: Labels = {
  lang: 'fr',
  orgHeader: (org) => `SI ${org}`,
  reportTitle: 'Export mensuel des comptes Microsoft 365',
  runOn: 'Effectué le : ',
  dateTime: (date, time) => `${date} à ${time}`,
  siteSubject: (org, site, month) => `[${org}] Comptes Microsoft 365 — ${site} — ${month}`,
  columns: {
    lastName: 'NOM',
    firstName: 'PRÉNOM',
    email: 'EMAIL',
    jobTitle: 'POSTE',
    site: 'ÉTABLISSEMENT',
    licenses: 'LICENCES',
    monthlyCost: 'TARIF HT',
  },
  notAvailable: 'N/A',
  noLicense: 'Aucune licence',
  disabled: 'Désactivé',
  guest: 'Invité',
  accounts: (n, one) => `${n} ${one ? 'compte' : 'comptes'}`,
  siteTotal: 'Total mensuel HT : ',
  noAccounts: 'Aucun compte dans le groupe de cet établissement.',
  largeSiteNote: (total, shown, file) =>
    `Cet établissement compte ${total} comptes : seuls les ${shown} premiers sont affichés ci-dessous. ` +
    `La liste complète est dans le fichier joint ${file}.`,
  licenseSummaryTitle: 'Synthèse par licence',
  licenseSummaryColumns: { license: 'LICENCE', accounts: 'COMPTES', monthlyCost: 'TARIF MENSUEL HT' },
  skippedAccounts: (n, one, names) =>
    one ? `${n} compte n'a pas pu être exporté : ${names}.` : `${n} comptes n'ont pas pu être exportés : ${names}.`,
  csvFilePrefix: 'comptes',
  footer: 'Message envoyé automatiquement chaque mois par le service informatique.',
  insights: insightsFr,
  summary: {
    subtitle: (month) => `Récapitulatif de l'export — ${month}`,
    subject: (org, month, status) => `[${org}] Export des comptes Microsoft 365 — ${month} — ${status}`,
    subjectOk: 'OK',
    subjectFatal: 'ÉCHEC',
    errors: (n, one) => `${n} ${one ? 'erreur' : 'erreurs'}`,
    uncertain: (n, one) => `${n} ${one ? 'envoi incertain' : 'envois incertains'}`,
    allOk: "Le script d'export des comptes de tous les établissements s'est bien exécuté !",
    sitesFailed: (n, one) => `${n} ${one ? 'établissement' : 'établissements'} en erreur.`,
    sitesUncertain: (n, one) =>
      `${n} ${one ? 'envoi incertain' : 'envois incertains'} : vérifier les éléments envoyés.`,
    fatal: (reason) => `L'export n'a pas pu s'exécuter : ${reason}`,
    dryRun: "Simulation : aucun rapport n'a été envoyé aux établissements.",
    columns: {
      site: 'ÉTABLISSEMENT',
      exported: 'COMPTES EXPORTÉS',
      duration: 'TEMPS PASSÉ',
      status: 'STATUT',
      monthlyCost: 'TARIF MENSUEL HT',
    },
    ok: 'OK',
    okOutbox: 'OK (déposé dans le dossier outbox)',
    okNotSent: 'OK (simulation : non envoyé)',
    alreadySent: 'Déjà envoyé ce mois-ci',
    alreadySentOn: (when) => `Déjà envoyé ce mois-ci, le ${when}`,
    foundInSentItems: (when) =>
      `Déjà remis : trouvé dans les éléments envoyés, non renvoyé${when ? ` (envoyé le ${when})` : ''}`,
    sentAfterReconciliation: "OK, envoyé à nouveau : l'envoi précédent n'était pas parti",
    deliveryUnknown: 'Envoi incertain : vérifier les éléments envoyés',
    deliveryUnknownMailRead: "Envoi incertain, rien n'a été renvoyé : rôle « Application Mail.Read » manquant (voir en haut)",
    mailReadMissing: (n, one) =>
      `${n} ${one ? 'envoi incertain ne peut pas être vérifié' : 'envois incertains ne peuvent pas être vérifiés'} : ` +
      "l'application ne peut pas lire les éléments envoyés de la boîte d'envoi. Accordez-lui le rôle Exchange " +
      "« Application Mail.Read » limité à cette boîte (RBAC pour les applications, comme « Application Mail.Send »), " +
      "jamais l'autorisation Graph Mail.Read dans Entra ID.",
    skipped: (reason) => (reason ? `Ignoré : ${reason}` : 'Ignoré'),
    failed: (step, error) => (step ? `Erreur lors de l'étape « ${step} » : ${error}` : `Erreur : ${error}`),
    steps: {
      members: 'lecture des membres du groupe',
      correspondents: 'lecture des correspondants',
      join: 'calcul des licences et tarifs',
      render: 'mise en forme du rapport',
      send: 'envoi du mail',
      ledger: "enregistrement de l'envoi",
    },
    totalsTitle: 'Totaux',
    totalSitesLabel: 'Établissements',
    totalSites: (n, ok, failed) => `${n} (${ok} OK, ${failed} en erreur)`,
    totalAccounts: 'Comptes exportés',
    totalCost: 'Coût mensuel total HT',
    sitesSumCost: 'Somme des totaux des établissements HT',
    totalCostCountedOnce: 'Coût mensuel total HT, chaque compte compté une fois',
    totalDuration: 'Durée totale',
    warningsTitle: 'Avertissements',
    warningHeadings: {
      'site-row-skipped': 'Lignes ignorées dans la liste des établissements',
      'price-row-ignored': 'Lignes ignorées dans la liste des tarifs',
      'duplicate-price-rows': 'Tarifs en double (affichés N/A)',
      'unpriced-sku': 'Licences sans tarif (affichées N/A)',
      'account-skipped': 'Comptes non exportés',
      'unknown-site-code': "Codes d'établissement inconnus",
      'insights-unavailable': "Données d'activité indisponibles",
    },
    insights: runInsightsFr,
  },
};
