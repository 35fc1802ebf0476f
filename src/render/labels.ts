// Every word the mails and the CSV show, per locale. French is the default language.
import type { SiteStep, WarningCode } from '../types.js';

export type RenderLocale = 'fr-FR' | 'en-US';

/** `one` is true when Intl.PluralRules says the count takes the singular. */
type Counted = (count: string, one: boolean) => string;

export interface Labels {
  lang: string;
  orgHeader(org: string): string;
  reportTitle: string;
  runOn: string;
  /** Joins Intl's medium date and short time ("1 janv. 2026 à 06:00"). */
  dateTime(date: string, time: string): string;
  siteSubject(org: string, site: string, month: string): string;
  columns: {
    lastName: string;
    firstName: string;
    email: string;
    jobTitle: string;
    site: string;
    licenses: string;
    monthlyCost: string;
  };
  notAvailable: string;
  noLicense: string;
  disabled: string;
  guest: string;
  accounts: Counted;
  siteTotal: string;
  noAccounts: string;
  largeSiteNote(total: string, shown: string, fileName: string): string;
  licenseSummaryTitle: string;
  licenseSummaryColumns: { license: string; accounts: string; monthlyCost: string };
  skippedAccounts(count: string, one: boolean, names: string): string;
  csvFilePrefix: string;
  footer: string;
  summary: {
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
    columns: { site: string; exported: string; duration: string; status: string; monthlyCost: string };
    ok: string;
    okOutbox: string;
    okNotSent: string;
    alreadySent: string;
    deliveryUnknown: string;
    skipped(reason: string | undefined): string;
    failed(step: string | undefined, error: string): string;
    steps: Record<SiteStep, string>;
    totalsTitle: string;
    totalSitesLabel: string;
    totalSites(count: string, ok: string, failed: string): string;
    totalAccounts: string;
    totalCost: string;
    totalDuration: string;
    warningsTitle: string;
    warningHeadings: Record<WarningCode, string>;
  };
}

const fr: Labels = {
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
    deliveryUnknown: 'Envoi incertain : vérifier les éléments envoyés',
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
  },
};

const en: Labels = {
  lang: 'en',
  orgHeader: (org) => `${org} IT`,
  reportTitle: 'Monthly Microsoft 365 accounts report',
  runOn: 'Run on: ',
  dateTime: (date, time) => `${date}, ${time}`,
  siteSubject: (org, site, month) => `[${org}] Microsoft 365 accounts — ${site} — ${month}`,
  columns: {
    lastName: 'LAST NAME',
    firstName: 'FIRST NAME',
    email: 'EMAIL',
    jobTitle: 'JOB TITLE',
    site: 'SITE',
    licenses: 'LICENSES',
    monthlyCost: 'MONTHLY COST (EXCL. VAT)',
  },
  notAvailable: 'N/A',
  noLicense: 'No license',
  disabled: 'Disabled',
  guest: 'Guest',
  accounts: (n, one) => `${n} ${one ? 'account' : 'accounts'}`,
  siteTotal: 'Monthly total (excl. VAT): ',
  noAccounts: "There are no accounts in this site's group.",
  largeSiteNote: (total, shown, file) =>
    `This site has ${total} accounts: only the first ${shown} are shown below. ` +
    `The full list is in the attached file ${file}.`,
  licenseSummaryTitle: 'Summary by license',
  licenseSummaryColumns: { license: 'LICENSE', accounts: 'ACCOUNTS', monthlyCost: 'MONTHLY COST (EXCL. VAT)' },
  skippedAccounts: (n, one, names) =>
    one ? `${n} account could not be exported: ${names}.` : `${n} accounts could not be exported: ${names}.`,
  csvFilePrefix: 'accounts',
  footer: 'This message is sent automatically every month by the IT department.',
  summary: {
    subtitle: (month) => `Export summary — ${month}`,
    subject: (org, month, status) => `[${org}] Microsoft 365 accounts export — ${month} — ${status}`,
    subjectOk: 'OK',
    subjectFatal: 'FAILED',
    errors: (n, one) => `${n} ${one ? 'error' : 'errors'}`,
    uncertain: (n, one) => `${n} ${one ? 'uncertain delivery' : 'uncertain deliveries'}`,
    allOk: 'The accounts export ran successfully for every site!',
    sitesFailed: (n, one) => `${n} ${one ? 'site' : 'sites'} failed.`,
    sitesUncertain: (n, one) =>
      `${n} ${one ? 'uncertain delivery' : 'uncertain deliveries'}: check the mailbox's Sent Items.`,
    fatal: (reason) => `The export could not run: ${reason}`,
    dryRun: 'Dry run: no report was sent to the sites.',
    columns: {
      site: 'SITE',
      exported: 'ACCOUNTS EXPORTED',
      duration: 'TIME SPENT',
      status: 'STATUS',
      monthlyCost: 'MONTHLY COST (EXCL. VAT)',
    },
    ok: 'OK',
    okOutbox: 'OK (written to the outbox folder)',
    okNotSent: 'OK (dry run: not sent)',
    alreadySent: 'Already sent this month',
    deliveryUnknown: 'Delivery uncertain: check the Sent Items',
    skipped: (reason) => (reason ? `Skipped: ${reason}` : 'Skipped'),
    failed: (step, error) => (step ? `Failed while ${step}: ${error}` : `Failed: ${error}`),
    steps: {
      members: 'reading group members',
      correspondents: 'reading correspondents',
      join: 'matching licenses with prices',
      render: 'rendering the report',
      send: 'sending the mail',
      ledger: 'recording the delivery',
    },
    totalsTitle: 'Totals',
    totalSitesLabel: 'Sites',
    totalSites: (n, ok, failed) => `${n} (${ok} OK, ${failed} failed)`,
    totalAccounts: 'Accounts exported',
    totalCost: 'Total monthly cost (excl. VAT)',
    totalDuration: 'Total time',
    warningsTitle: 'Warnings',
    warningHeadings: {
      'site-row-skipped': 'Rows skipped in the sites list',
      'price-row-ignored': 'Rows ignored in the price list',
      'duplicate-price-rows': 'Duplicate price rows (shown as N/A)',
      'unpriced-sku': 'Licenses without a price (shown as N/A)',
      'account-skipped': 'Accounts not exported',
      'unknown-site-code': 'Unknown site codes',
      'insights-unavailable': 'Activity data unavailable',
    },
  },
};

const byLocale: Record<RenderLocale, Labels> = { 'fr-FR': fr, 'en-US': en };

export function labelsFor(locale: RenderLocale): Labels {
  return byLocale[locale];
}
