// The words of the summary's warnings and failure reasons: whole sentences in the mail's language,
// naming the list, the row and the column in words (warningLabels.fr.ts, warningLabels.en.ts).

/** The columns a warning can name, by the field they fill (the internal names are configurable). */
export type SiteField = 'name' | 'code' | 'membersGroupId' | 'correspondentsGroupId';
export type PriceField = 'commercialName' | 'skuPartNumber' | 'skuId' | 'monthlyPrice';

/** Why a site failed, recognised from its error (the error itself is shown as a technical detail). */
export type FailureKind =
  'group-not-found' | 'unauthorized' | 'forbidden' | 'not-found' | 'throttled' | 'timeout' | 'server' | 'network' | 'too-big' | 'unknown';

export interface WarningLabels {
  sitesList: string;
  pricesList: string;
  /** "ligne 16 « Microsoft 365 Apps for business »" */
  row(rowId: string, title: string | undefined): string;
  /** "Liste des prix, ligne 16 : prix mensuel vide — ligne ignorée." */
  sentence(list: string, row: string, problem: string, consequence: string): string;
  siteFields: Record<SiteField, string>;
  priceFields: Record<PriceField, string>;
  /** The column's internal name, for whoever edits the list: "prix mensuel (MonthlyPrice)". */
  field(words: string, column: string | undefined): string;
  empty(field: string): string;
  notAGroupId(field: string, value: string): string;
  notASkuId(field: string, value: string): string;
  notAPrice(field: string, value: string): string;
  noSku(partNumber: string, skuId: string): string;
  duplicateCode(code: string, keptRow: string): string;
  rowSkipped: string;
  columnUnused: string;
  accountSkipped(site: string, name: string, reason: string): string;
  accountReasons: { noName: string; noId: string; badLicenses: string; other: string };
  unknownSiteCode(code: string): string;
  /** By the `insight` detail of an 'insights-unavailable' warning. */
  insights: Record<
    | 'all'
    | 'inactivity'
    | 'coverage'
    | 'product-names'
    | 'cost-comparison'
    | 'run'
    | 'changes'
    | 'snapshot'
    | 'site'
    | 'subscriptions'
    | 'redundancy'
    | 'waste'
    | 'other',
    string
  >;
  forSite(site: string, sentence: string): string;
  failures: Record<FailureKind, string>;
  groupNotFound(groupId: string): string;
}
