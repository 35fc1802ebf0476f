// Real Microsoft SKUs the sample tenant holds (skuId / skuPartNumber as Graph returns
// them), a few of their service plans, and the association's nonprofit prices.
import type { FakeServicePlan } from '../types.js';

export interface CatalogSku {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  servicePlans: FakeServicePlan[];
}

const plan = (servicePlanId: string, servicePlanName: string, friendlyName: string): FakeServicePlan => ({ servicePlanId, servicePlanName, friendlyName });
const EXO_P1 = plan('9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'EXCHANGE_S_STANDARD', 'Exchange Online (Plan 1)');
const EXO_P2 = plan('efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE', 'Exchange Online (Plan 2)');
const TEAMS = plan('57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1', 'Microsoft Teams');
const SPO_P1 = plan('c7699d2e-19aa-44de-8edf-1736da088ca1', 'SHAREPOINTSTANDARD', 'SharePoint (Plan 1)');
const SPO_P2 = plan('5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE', 'SharePoint (Plan 2)');
const APPS_ENT = plan('43de0ff5-c92c-492b-9116-175376d08c38', 'OFFICESUBSCRIPTION', 'Microsoft 365 Apps for enterprise');
const APPS_BIZ = plan('094e7854-93fc-4d55-b2c0-3ab5369ebdc1', 'OFFICE_BUSINESS', 'Microsoft 365 Apps for business');

/** Plan lists are abridged: the real products include many more plans. */
export const SKUS = {
  ENTERPRISEPACK: { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', skuPartNumber: 'ENTERPRISEPACK', displayName: 'Office 365 E3', servicePlans: [EXO_P2, SPO_P2, TEAMS, APPS_ENT] },
  STANDARDPACK: { skuId: '18181a46-0d4e-45cd-891e-60aabd171b4e', skuPartNumber: 'STANDARDPACK', displayName: 'Office 365 E1', servicePlans: [EXO_P1, SPO_P1, TEAMS] },
  SPB: { skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', skuPartNumber: 'SPB', displayName: 'Microsoft 365 Business Premium', servicePlans: [EXO_P1, SPO_P1, TEAMS, APPS_BIZ] },
  O365_BUSINESS_PREMIUM: { skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', skuPartNumber: 'O365_BUSINESS_PREMIUM', displayName: 'Microsoft 365 Business Standard', servicePlans: [EXO_P1, SPO_P1, TEAMS, APPS_BIZ] },
  O365_BUSINESS: { skuId: 'cdd28e44-67e3-425e-be4c-737fab2899d3', skuPartNumber: 'O365_BUSINESS', displayName: 'Microsoft 365 Apps for business', servicePlans: [APPS_BIZ] },
  EXCHANGESTANDARD: { skuId: '4b9405b0-7788-4568-add1-99614e613b69', skuPartNumber: 'EXCHANGESTANDARD', displayName: 'Exchange Online (Plan 1)', servicePlans: [EXO_P1] },
  POWER_BI_PRO: { skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560', skuPartNumber: 'POWER_BI_PRO', displayName: 'Power BI Pro', servicePlans: [plan('70d33638-9c74-4d01-bfd3-562de28bd4ba', 'BI_AZURE_P2', 'Power BI Pro')] },
  POWER_BI_STANDARD: { skuId: 'a403ebcc-fae0-4ca2-8c8c-7a907fd6c235', skuPartNumber: 'POWER_BI_STANDARD', displayName: 'Microsoft Fabric (Free)', servicePlans: [plan('2049e525-b859-401b-b2a0-e0a31c4b1fe4', 'BI_AZURE_P0', 'Power BI (free)')] },
  FLOW_FREE: { skuId: 'f30db892-07e9-47e9-837c-80727f46fd3d', skuPartNumber: 'FLOW_FREE', displayName: 'Microsoft Power Automate Free', servicePlans: [plan('50e68c76-46c6-4674-81f9-75456511b170', 'FLOW_P2_VIRAL', 'Flow Free')] },
  TEAMS_EXPLORATORY: { skuId: '710779e8-3d4a-4c88-adb9-386c958d1fdf', skuPartNumber: 'TEAMS_EXPLORATORY', displayName: 'Microsoft Teams Exploratory', servicePlans: [TEAMS] },
  VISIOCLIENT: { skuId: 'c5928f49-12ba-48f7-ada3-0d743a3601d5', skuPartNumber: 'VISIOCLIENT', displayName: 'Visio Plan 2', servicePlans: [plan('663a804f-1c30-4ff0-9915-9db84f0d1cea', 'VISIO_CLIENT_SUBSCRIPTION', 'Visio Desktop App')] },
  PROJECTPROFESSIONAL: { skuId: '53818b1b-4a27-454b-8896-0dba576410e6', skuPartNumber: 'PROJECTPROFESSIONAL', displayName: 'Planner and Project Plan 3', servicePlans: [plan('fafd7243-e5c1-4a3a-9e40-495efcb1d3c3', 'PROJECT_CLIENT_SUBSCRIPTION', 'Project Online Desktop Client')] },
} satisfies Record<string, CatalogSku>;

export type SkuKey = keyof typeof SKUS;

/**
 * Rows of the 'LicensePrices' list: [Title, SkuPartNumber, MonthlyPrice (EUR excl. VAT), with SkuId?].
 * VISIOCLIENT has no row (unpriced); PROJECTPROFESSIONAL has two (duplicate -> N/A);
 * O365_BUSINESS has an unreadable price.
 */
export const PRICE_ROWS: Array<[string, SkuKey, number | null, boolean]> = [
  ['Office 365 E3', 'ENTERPRISEPACK', 6.3, true],
  ['Office 365 E1', 'STANDARDPACK', 0, false],
  ['Microsoft 365 Business Premium', 'SPB', 4.6, true],
  ['Microsoft 365 Business Standard', 'O365_BUSINESS_PREMIUM', 2.6, false],
  ['Exchange Online (Plan 1)', 'EXCHANGESTANDARD', 3.7, true],
  ['Power BI Pro', 'POWER_BI_PRO', 3.4, false],
  ['Power BI (free)', 'POWER_BI_STANDARD', 0, false],
  ['Microsoft Power Automate Free', 'FLOW_FREE', 0, true],
  ['Microsoft Teams Exploratory', 'TEAMS_EXPLORATORY', 0, false],
  ['Project Plan 3', 'PROJECTPROFESSIONAL', 9.2, false],
  ['Project Online Professional', 'PROJECTPROFESSIONAL', 25.3, false],
  ['Microsoft 365 Apps for business', 'O365_BUSINESS', null, false],
];
