// Licenses that a bigger one replaces although their service plans differ by id, so that the
// service-plan rule cannot tell (Exchange Online (Plan 1) is EXCHANGE_S_STANDARD 9aaf7827-…, the E3/E5
// suites carry EXCHANGE_S_ENTERPRISE efb87545-…; likewise SharePoint Plan 1 vs 2, Forms E1/E3/E5,
// Stream E1/E3/E5, To-Do 1/2/3, Whiteboard 1/2/3, Office for business vs enterprise).
// Sources: Microsoft's "Product names and service plan identifiers for licensing"
// (learn.microsoft.com/entra/identity/users/licensing-service-plan-reference, MicrosoftDocs/entra-docs
// docs/identity/users/licensing-service-plan-reference.md, checked 2026-12: the Office 365 E1, E3 and E5
// rows) and Microsoft's Exchange Online plan comparison ("Exchange Online (Plan 2): everything in
// Exchange Online (Plan 1), plus…", microsoft.com/microsoft-365/exchange/compare-microsoft-exchange-online-plans).
// Keyed by skuPartNumber (upper case): the same product keeps its part number across clouds.

export interface KnownPair {
  /** The license that is redundant next to `coveredBy`. */
  redundant: string;
  coveredBy: string;
  why: string;
}

const E3_AND_ABOVE = ['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'SPE_E3', 'SPE_E5'] as const;

const pairs = (redundant: string, coveredBy: readonly string[], why: string): KnownPair[] => coveredBy.map((base) => ({ redundant, coveredBy: base, why }));

export const KNOWN_REDUNDANT_PAIRS: readonly KnownPair[] = [
  // Office 365 E1: Exchange Plan 1, SharePoint Plan 1, Forms E1... each replaced by its Plan 2 / E3 / E5 form.
  ...pairs('STANDARDPACK', E3_AND_ABOVE, 'Office 365 E1 services come in their larger plans with E3/E5'),
  ...pairs('EXCHANGESTANDARD', [...E3_AND_ABOVE, 'EXCHANGEENTERPRISE'], 'Exchange Online (Plan 2) includes everything in Plan 1'),
  // Microsoft 365 Apps for business (OFFICE_BUSINESS) next to Apps for enterprise (OFFICESUBSCRIPTION).
  ...pairs('O365_BUSINESS', E3_AND_ABOVE, 'Microsoft 365 Apps for enterprise includes the apps for business'),
  ...pairs('ENTERPRISEPACK', ['ENTERPRISEPREMIUM'], 'Office 365 E5 includes Office 365 E3 (Forms, Stream, To-Do... in their E5 plans)'),
  ...pairs('SPE_E3', ['SPE_E5'], 'Microsoft 365 E5 includes Microsoft 365 E3'),
];
