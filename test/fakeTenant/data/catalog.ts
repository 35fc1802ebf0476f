// Real Microsoft SKUs the sample tenant holds (skuId / skuPartNumber as Graph returns
// them), their service plans, and the association's nonprofit prices.
import type { FakeServicePlan } from '../types.js';
import { PLANS, plansOf } from './servicePlans.js';

export interface CatalogSku {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  servicePlans: FakeServicePlan[];
}

const plan = (servicePlanId: string, servicePlanName: string, friendlyName: string): FakeServicePlan => ({ servicePlanId, servicePlanName, friendlyName });
const TEAMS = PLANS['TEAMS1'] as FakeServicePlan;

/*
 * Complete plan lists, from Microsoft's table (data/servicePlans.ts): Exchange Online (Plan 1) and
 * Microsoft 365 Apps for business are subsets of none or some of the others exactly as in reality:
 * EXCHANGESTANDARD's three plans are all in STANDARDPACK, O365_BUSINESS_PREMIUM and SPB, but not in
 * ENTERPRISEPACK (Exchange Plan 2 replaces Plan 1, a pair the plans alone do not tell); O365_BUSINESS
 * has OneDrive (Plan 1), which the business suites carry as SharePoint (Plan 1). STANDARDPACK is the
 * table's "Office 365 E1 EEA (no Teams)" row plus TEAMS1. The last six SKUs keep one plan each
 * (abridged, unchecked): a plan-subset answer about them is not meaningful.
 */
export const SKUS = {
  ENTERPRISEPACK: {
    skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
    skuPartNumber: 'ENTERPRISEPACK',
    displayName: 'Office 365 E3',
    servicePlans: plansOf(`
    MESH_AVATARS_FOR_TEAMS MESH_AVATARS_ADDITIONAL_FOR_TEAMS RMS_S_ENTERPRISE Bing_Chat_Enterprise CDS_O365_P2 EXCHANGE_S_ENTERPRISE
    MESH_IMMERSIVE_FOR_TEAMS ContentExplorer_Standard MIP_S_CLP1 MYANALYTICS_P2 OFFICESUBSCRIPTION M365_LIGHTHOUSE_CUSTOMER_PLAN1
    MICROSOFTBOOKINGS FORMS_PLAN_E3 KAIZALA_O365_P3 PROJECTWORKMANAGEMENT MICROSOFT_SEARCH Deskless STREAM_O365_E3 TEAMS1 INTUNE_O365
    Nucleus SHAREPOINTWAC PROJECT_O365_P2 SHAREPOINTENTERPRISE MCOSTANDARD SWAY BPOS_S_TODO_2 VIVAENGAGE_CORE VIVA_LEARNING_SEEDED
    WHITEBOARD_PLAN2 YAMMER_ENTERPRISE DYN365_CDS_O365_P2 POWERAPPS_O365_P2 FLOW_O365_P2 POWER_VIRTUAL_AGENTS_O365_P2`),
  },
  STANDARDPACK: {
    skuId: '18181a46-0d4e-45cd-891e-60aabd171b4e',
    skuPartNumber: 'STANDARDPACK',
    displayName: 'Office 365 E1',
    servicePlans: plansOf(`
    CDS_O365_P1 EXCHANGE_S_STANDARD MYANALYTICS_P2 M365_LIGHTHOUSE_CUSTOMER_PLAN1 MICROSOFTBOOKINGS FORMS_PLAN_E1 KAIZALA_O365_P2
    PROJECTWORKMANAGEMENT MICROSOFT_SEARCH Deskless INTUNE_O365 Nucleus SHAREPOINTWAC OFFICEMOBILE_SUBSCRIPTION PROJECT_O365_P1
    SHAREPOINTSTANDARD MCOSTANDARD SWAY BPOS_S_TODO_1 VIVAENGAGE_CORE VIVA_LEARNING_SEEDED WHITEBOARD_PLAN1 YAMMER_ENTERPRISE
    DYN365_CDS_O365_P1 RMS_S_BASIC STREAM_O365_E1 POWERAPPS_O365_P1 FLOW_O365_P1 POWER_VIRTUAL_AGENTS_O365_P1 TEAMS1`),
  },
  SPB: {
    skuId: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
    skuPartNumber: 'SPB',
    displayName: 'Microsoft 365 Business Premium',
    servicePlans: plansOf(`
    DYN365BC_MS_INVOICING MESH_AVATARS_FOR_TEAMS MESH_AVATARS_ADDITIONAL_FOR_TEAMS RMS_S_ENTERPRISE CDS_O365_P3 Bing_Chat_Enterprise
    BPOS_S_DlpAddOn EXCHANGE_S_FOUNDATION EXCHANGE_S_STANDARD EXCHANGE_S_ARCHIVE_ADDON MYANALYTICS_P2 OFFICE_BUSINESS
    M365_LIGHTHOUSE_CUSTOMER_PLAN1 M365_LIGHTHOUSE_PARTNER_PLAN1 MICROSOFTBOOKINGS CLIPCHAMP MDE_SMB ATP_ENTERPRISE FORMS_PLAN_E1
    KAIZALA_O365_P2 MICROSOFT_LOOP PROJECTWORKMANAGEMENT MICROSOFT_SEARCH Deskless TEAMS1 INTUNE_O365 Nucleus SHAREPOINTWAC
    OFFICE_SHARED_COMPUTER_ACTIVATION PROJECT_O365_P3 PURVIEW_DISCOVERY O365_SB_Relationship_Management SHAREPOINTSTANDARD MCOSTANDARD
    SWAY BPOS_S_TODO_1 VIVAENGAGE_CORE VIVA_LEARNING_SEEDED WHITEBOARD_PLAN1 YAMMER_ENTERPRISE UNIVERSAL_PRINT_01 WINBIZ
    WINDOWSUPDATEFORBUSINESS_DEPLOYMENTSERVICE AAD_SMB RMS_S_PREMIUM DYN365_CDS_O365_P3 MFA_PREMIUM ADALLOM_S_DISCOVERY AAD_PREMIUM
    INTUNE_SMBIZ INTUNE_A STREAM_O365_E1 POWERAPPS_O365_P1 FLOW_O365_P1 POWER_VIRTUAL_AGENTS_O365_P3`),
  },
  O365_BUSINESS_PREMIUM: {
    skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3',
    skuPartNumber: 'O365_BUSINESS_PREMIUM',
    displayName: 'Microsoft 365 Business Standard',
    servicePlans: plansOf(`
    DYN365BC_MS_INVOICING MESH_AVATARS_FOR_TEAMS MESH_AVATARS_ADDITIONAL_FOR_TEAMS CDS_O365_P2 Bing_Chat_Enterprise EXCHANGE_S_STANDARD
    MYANALYTICS_P2 OFFICE_BUSINESS M365_LIGHTHOUSE_CUSTOMER_PLAN1 MICROSOFTBOOKINGS CLIPCHAMP FORMS_PLAN_E1 KAIZALA_O365_P2 MICROSOFT_LOOP
    PROJECTWORKMANAGEMENT MICROSOFT_SEARCH Deskless TEAMS1 INTUNE_O365 Nucleus SHAREPOINTWAC PROJECT_O365_P2 O365_SB_Relationship_Management
    SHAREPOINTSTANDARD MCOSTANDARD STREAM_O365_SMB SWAY BPOS_S_TODO_1 VIVAENGAGE_CORE VIVA_LEARNING_SEEDED WHITEBOARD_PLAN1
    YAMMER_ENTERPRISE DYN365_CDS_O365_P2 RMS_S_BASIC POWERAPPS_O365_P1 FLOW_O365_P1 POWER_VIRTUAL_AGENTS_O365_P2`),
  },
  O365_BUSINESS: {
    skuId: 'cdd28e44-67e3-425e-be4c-737fab2899d3',
    skuPartNumber: 'O365_BUSINESS',
    displayName: 'Microsoft 365 Apps for business',
    servicePlans: plansOf('FORMS_PLAN_E1 OFFICE_BUSINESS ONEDRIVESTANDARD SHAREPOINTWAC SWAY'),
  },
  EXCHANGESTANDARD: {
    skuId: '4b9405b0-7788-4568-add1-99614e613b69',
    skuPartNumber: 'EXCHANGESTANDARD',
    displayName: 'Exchange Online (Plan 1)',
    servicePlans: plansOf('EXCHANGE_S_STANDARD INTUNE_O365 BPOS_S_TODO_1'),
  },
  POWER_BI_PRO: {
    skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
    skuPartNumber: 'POWER_BI_PRO',
    displayName: 'Power BI Pro',
    servicePlans: [plan('70d33638-9c74-4d01-bfd3-562de28bd4ba', 'BI_AZURE_P2', 'Power BI Pro')],
  },
  POWER_BI_STANDARD: {
    skuId: 'a403ebcc-fae0-4ca2-8c8c-7a907fd6c235',
    skuPartNumber: 'POWER_BI_STANDARD',
    displayName: 'Microsoft Fabric (Free)',
    servicePlans: [plan('2049e525-b859-401b-b2a0-e0a31c4b1fe4', 'BI_AZURE_P0', 'Power BI (free)')],
  },
  FLOW_FREE: {
    skuId: 'f30db892-07e9-47e9-837c-80727f46fd3d',
    skuPartNumber: 'FLOW_FREE',
    displayName: 'Microsoft Power Automate Free',
    servicePlans: [plan('50e68c76-46c6-4674-81f9-75456511b170', 'FLOW_P2_VIRAL', 'Flow Free')],
  },
  TEAMS_EXPLORATORY: {
    skuId: '710779e8-3d4a-4c88-adb9-386c958d1fdf',
    skuPartNumber: 'TEAMS_EXPLORATORY',
    displayName: 'Microsoft Teams Exploratory',
    servicePlans: [TEAMS],
  },
  VISIOCLIENT: {
    skuId: 'c5928f49-12ba-48f7-ada3-0d743a3601d5',
    skuPartNumber: 'VISIOCLIENT',
    displayName: 'Visio Plan 2',
    servicePlans: [plan('663a804f-1c30-4ff0-9915-9db84f0d1cea', 'VISIO_CLIENT_SUBSCRIPTION', 'Visio Desktop App')],
  },
  PROJECTPROFESSIONAL: {
    skuId: '53818b1b-4a27-454b-8896-0dba576410e6',
    skuPartNumber: 'PROJECTPROFESSIONAL',
    displayName: 'Planner and Project Plan 3',
    servicePlans: [plan('fafd7243-e5c1-4a3a-9e40-495efcb1d3c3', 'PROJECT_CLIENT_SUBSCRIPTION', 'Project Online Desktop Client')],
  },
} satisfies Record<string, CatalogSku>;

export type SkuKey = keyof typeof SKUS;

/**
 * A SKU the sample only trials in its second month (kept out of SKUS, so generated tenants stay as
 * they were). Plans from Microsoft's table, row "Copilot for Microsoft 365".
 */
export const TRIAL_SKU: CatalogSku = {
  skuId: '639dec6b-bb19-468b-871c-c5c441c4b0cb',
  skuPartNumber: 'Microsoft_365_Copilot',
  displayName: 'Microsoft 365 Copilot',
  servicePlans: [
    plan('fe6c28b3-d468-44ea-bbd0-a10a5167435c', 'COPILOT_STUDIO_IN_COPILOT_FOR_M365', 'Copilot Studio in Copilot for M365'),
    plan('82d30987-df9b-4486-b146-198b21d164c7', 'GRAPH_CONNECTORS_COPILOT', 'Graph Connectors in Microsoft 365 Copilot'),
    plan('931e4a88-a67f-48b5-814f-16a5f1e6028d', 'M365_COPILOT_INTELLIGENT_SEARCH', 'Intelligent Search'),
    plan('0aedf20c-091d-420b-aadf-30c042609612', 'M365_COPILOT_SHAREPOINT', 'Microsoft 365 Copilot for SharePoint'),
    plan('b95945de-b3bd-46db-8437-f2beb6ea2347', 'M365_COPILOT_TEAMS', 'Microsoft 365 Copilot in Microsoft Teams'),
    plan('a62f8878-de10-42f3-b68f-6149a25ceb97', 'M365_COPILOT_APPS', 'Microsoft 365 Copilot in Productivity Apps'),
    plan('3f30311c-6b1e-48a4-ab79-725b469da960', 'M365_COPILOT_BUSINESS_CHAT', 'Microsoft Copilot with Graph-grounded chat'),
    plan('89f1c4c8-0878-40f7-804d-869c9128ab5d', 'M365_COPILOT_CONNECTORS', 'Power Platform Connectors in Microsoft 365 Copilot'),
  ],
};

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
