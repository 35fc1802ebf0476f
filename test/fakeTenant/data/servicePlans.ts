// Service plans of the sample's SKUs, ids and names as Microsoft's "Product names and service plan
// identifiers for licensing" table gives them (MicrosoftDocs/entra-docs, docs/identity/users/
// licensing-service-plan-reference.md, updated 2025-10-29). EXCHANGESTANDARD's three plans also
// appear in Graph's own example (beta cloudlicensing-assignment-get-allotment).
import type { FakeServicePlan } from '../types.js';

const plan = (servicePlanName: string, servicePlanId: string, friendlyName: string, appliesTo?: 'Company'): FakeServicePlan =>
  appliesTo ? { servicePlanId, servicePlanName, friendlyName, appliesTo } : { servicePlanId, servicePlanName, friendlyName };

// Tenant-level plans carry appliesTo "Company" in subscribedSkus (Graph's allotment example lists them as "assignableTo": "none").
export const PLANS = Object.fromEntries(
  [
    plan('EXCHANGE_S_STANDARD', '9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'Exchange Online (Plan 1)'),
    plan('EXCHANGE_S_ENTERPRISE', 'efb87545-963c-4e0d-99df-69c6916d9eb0', 'Exchange Online (Plan 2)'),
    plan('EXCHANGE_S_FOUNDATION', '113feb6c-3fe4-4440-bddc-54d774bf0318', 'Exchange Foundation'),
    plan('EXCHANGE_S_ARCHIVE_ADDON', '176a09a6-7ec5-4039-ac02-b2791c6ba793', 'Exchange Online Archiving'),
    plan('INTUNE_O365', '882e1d05-acd1-4ccb-8708-6ee03664b117', 'Mobile Device Management for Office 365', 'Company'),
    plan('M365_LIGHTHOUSE_CUSTOMER_PLAN1', '6f23d6a9-adbf-481c-8538-b4c095654487', 'Microsoft 365 Lighthouse (Plan 1)', 'Company'),
    plan('M365_LIGHTHOUSE_PARTNER_PLAN1', 'd55411c9-cfff-40a9-87c7-240f14df7da5', 'Microsoft 365 Lighthouse (Plan 2)', 'Company'),
    plan('BPOS_S_TODO_1', '5e62787c-c316-451f-b873-1d05acd4d12c', 'To-Do (Plan 1)'),
    plan('BPOS_S_TODO_2', 'c87f142c-d1e9-4363-8630-aaea9c4d9ae5', 'To-Do (Plan 2)'),
    plan('BPOS_S_DlpAddOn', '9bec7e34-c9fa-40b7-a9d1-bd6d1165c7ed', 'Data Loss Prevention'),
    plan('FORMS_PLAN_E1', '159f4cd6-e380-449f-a816-af1a9ef76344', 'Microsoft Forms (Plan E1)'),
    plan('FORMS_PLAN_E3', '2789c901-c14e-48ab-a76a-be334d9d793a', 'Microsoft Forms (Plan E3)'),
    plan('OFFICE_BUSINESS', '094e7854-93fc-4d55-b2c0-3ab5369ebdc1', 'Microsoft 365 Apps for business'),
    plan('OFFICESUBSCRIPTION', '43de0ff5-c92c-492b-9116-175376d08c38', 'Microsoft 365 Apps for enterprise'),
    plan('OFFICEMOBILE_SUBSCRIPTION', 'c63d4d19-e8cb-460e-b37c-4d6c34603745', 'Office Mobile Apps for Office 365'),
    plan('OFFICE_SHARED_COMPUTER_ACTIVATION', '276d6e8a-f056-4f70-b7e8-4fc27f79f809', 'Office Shared Computer Activation'),
    plan('ONEDRIVESTANDARD', '13696edf-5a08-49f6-8134-03083ed8ba30', 'OneDrive for Business (Plan 1)'),
    plan('SHAREPOINTWAC', 'e95bec33-7c88-4a70-8e19-b10bd9d0c014', 'Office for the Web'),
    plan('SHAREPOINTSTANDARD', 'c7699d2e-19aa-44de-8edf-1736da088ca1', 'SharePoint (Plan 1)'),
    plan('SHAREPOINTENTERPRISE', '5dbe027f-2339-4123-9542-606e4d348a72', 'SharePoint (Plan 2)'),
    plan('SWAY', 'a23b959c-7ce8-4e57-9140-b90eb88a9e97', 'Sway'),
    plan('TEAMS1', '57ff2da0-773e-42df-b2af-ffb7a2317929', 'Microsoft Teams'),
    plan('MCOSTANDARD', '0feaeb32-d00e-4d66-bd5a-43b5b83db82c', 'Skype for Business Online (Plan 2)'),
    plan('PROJECTWORKMANAGEMENT', 'b737dad2-2f6c-4c65-90e3-ca563267e8b9', 'Microsoft Planner'),
    plan('PROJECT_O365_P1', 'a55dfd10-0864-46d9-a3cd-da5991a3e0e2', 'Project for Office (Plan E1)'),
    plan('PROJECT_O365_P2', '31b4e2fc-4cd6-4e7d-9c1b-41407303bd66', 'Project for Office (Plan E3)'),
    plan('PROJECT_O365_P3', 'b21a6b06-1988-436e-a07b-51ec6d9f52ad', 'Project for Office (Plan E5)'),
    plan('MICROSOFTBOOKINGS', '199a5c09-e0ca-4e37-8f7c-b05d533e1ea2', 'Microsoft Bookings'),
    plan('MICROSOFT_SEARCH', '94065c59-bc8e-4e8b-89e5-5138d471eaff', 'Microsoft Search'),
    plan('MICROSOFT_LOOP', 'c4b8c31a-fb44-4c65-9837-a21f55fcabda', 'Microsoft Loop'),
    plan('MYANALYTICS_P2', '33c4f319-9bdd-48d6-9c4d-410b750a4a5a', 'Insights by MyAnalytics'),
    plan('YAMMER_ENTERPRISE', '7547a3fe-08ee-4ccb-b430-5077c5041653', 'Yammer Enterprise'),
    plan('VIVAENGAGE_CORE', 'a82fbf69-b4d7-49f4-83a6-915b2cf354f4', 'Viva Engage Core'),
    plan('VIVA_LEARNING_SEEDED', 'b76fb638-6ba6-402a-b9f9-83d28acb3d86', 'Viva Learning Seeded'),
    plan('WHITEBOARD_PLAN1', 'b8afc642-032e-4de5-8c0a-507a7bba7e5d', 'Whiteboard (Plan 1)'),
    plan('WHITEBOARD_PLAN2', '94a54592-cd8b-425e-87c6-97868b000b91', 'Whiteboard (Plan 2)'),
    plan('Deskless', '8c7d2df8-86f0-4902-b2ed-a0458298f3b3', 'Microsoft StaffHub'),
    plan('Nucleus', 'db4d623d-b514-490b-b7ef-8885eee514de', 'Nucleus'),
    plan('KAIZALA_O365_P2', '54fc630f-5a40-48ee-8965-af0503c1386e', 'Microsoft Kaizala Pro'),
    plan('KAIZALA_O365_P3', 'aebd3021-9f8f-4bf8-bbe3-0ed2f4f047a1', 'Microsoft Kaizala Pro'),
    plan('CDS_O365_P1', 'bed136c6-b799-4462-824d-fc045d3a9d25', 'Common Data Service for Teams'),
    plan('CDS_O365_P2', '95b76021-6a53-4741-ab8b-1d1f3d66a95a', 'Common Data Service for Teams'),
    plan('CDS_O365_P3', 'afa73018-811e-46e9-988f-f75d2b1b8430', 'Common Data Service for Teams'),
    plan('DYN365_CDS_O365_P1', '40b010bb-0b69-4654-ac5e-ba161433f4b4', 'Common Data Service'),
    plan('DYN365_CDS_O365_P2', '4ff01e01-1ba7-4d71-8cf8-ce96c3bbcf14', 'Common Data Service'),
    plan('DYN365_CDS_O365_P3', '28b0fa46-c39a-4188-89e2-58e979a6b014', 'Common Data Service'),
    plan('DYN365BC_MS_INVOICING', '39b5c996-467e-4e60-bd62-46066f572726', 'Microsoft Invoicing'),
    plan('O365_SB_Relationship_Management', '5bfe124c-bbdc-4494-8835-f1297d457d79', 'RETIRED - Outlook Customer Manager'),
    plan('RMS_S_BASIC', '31cf2cfc-6b0d-4adc-a336-88b724ed8122', 'Microsoft Azure Rights Management Service'),
    plan('RMS_S_ENTERPRISE', 'bea4c11e-220a-4e6d-8eb8-8ea15d019f90', 'Azure Rights Management'),
    plan('RMS_S_PREMIUM', '6c57d4b6-3b23-47a5-9bc9-69f17b4947b3', 'Azure Information Protection Premium P1'),
    plan('MIP_S_CLP1', '5136a095-5cf0-4aff-bec3-e84448b38ea5', 'Information Protection for Office 365 - Standard'),
    plan('ContentExplorer_Standard', '2b815d45-56e4-4e3a-b65c-66cb9175b560', 'Information Protection and Governance Analytics – Standard'),
    plan('POWERAPPS_O365_P1', '92f7a6f3-b89b-4bbd-8c30-809e6da5ad1c', 'Power Apps for Office 365'),
    plan('POWERAPPS_O365_P2', 'c68f8d98-5534-41c8-bf36-22fa496fa792', 'Power Apps for Office 365'),
    plan('FLOW_O365_P1', '0f9b09cb-62d1-4ff4-9129-43f4996f83f4', 'Power Automate for Office 365'),
    plan('FLOW_O365_P2', '76846ad7-7776-4c40-a281-a386362dd1b9', 'Power Automate for Office 365'),
    plan('POWER_VIRTUAL_AGENTS_O365_P1', '0683001c-0492-4d59-9515-d9a6426b5813', 'Power Virtual Agents for Office 365'),
    plan('POWER_VIRTUAL_AGENTS_O365_P2', '041fe683-03e4-45b6-b1af-c0cdc516daee', 'Power Virtual Agents for Office 365'),
    plan('POWER_VIRTUAL_AGENTS_O365_P3', 'ded3d325-1bdc-453e-8432-5bac26d7a014', 'Power Virtual Agents for Office 365'),
    plan('STREAM_O365_E1', '743dd19e-1ce3-4c62-a3ad-49ba8f63a2f6', 'Microsoft Stream for Office 365 E1'),
    plan('STREAM_O365_E3', '9e700747-8b1d-45e5-ab8d-ef187ceec156', 'Microsoft Stream for Office 365 E3'),
    plan('STREAM_O365_SMB', '3c53ea51-d578-46fa-a4c0-fd0a92809a60', 'Stream for Office 365'),
    plan('MESH_AVATARS_FOR_TEAMS', 'dcf9d2f4-772e-4434-b757-77a453cfbc02', 'Avatars for Teams'),
    plan('MESH_AVATARS_ADDITIONAL_FOR_TEAMS', '3efbd4ed-8958-4824-8389-1321f8730af8', 'Avatars for Teams (additional)'),
    plan('MESH_IMMERSIVE_FOR_TEAMS', 'f0ff6ac6-297d-49cd-be34-6dfef97f0c28', 'Immersive spaces for Teams'),
    plan('Bing_Chat_Enterprise', '0d0c0d31-fae7-41f2-b909-eaf4d7f26dba', 'Commercial data protection for Microsoft Copilot'),
    plan('CLIPCHAMP', 'a1ace008-72f3-4ea0-8dac-33b3a23a2472', 'Microsoft Clipchamp'),
    plan('MDE_SMB', 'bfc1bbd9-981b-4f71-9b82-17c35fd0e2a4', 'Microsoft Defender for Business'),
    plan('ATP_ENTERPRISE', 'f20fedf3-f3c3-43c3-8267-2bfdd51c0939', 'Microsoft Defender for Office 365 (Plan 1)'),
    plan('PURVIEW_DISCOVERY', 'c948ea65-2053-4a5a-8a62-9eaaaf11b522', 'Purview Discovery'),
    plan('UNIVERSAL_PRINT_01', '795f6fe0-cc4d-4773-b050-5dde4dc704c9', 'Universal Print'),
    plan('WINBIZ', '8e229017-d77b-43d5-9305-903395523b99', 'Windows 10/11 Business'),
    plan('WINDOWSUPDATEFORBUSINESS_DEPLOYMENTSERVICE', '7bf960f6-2cd9-443a-8046-5dbff9558365', 'Windows Update for Business Deployment Service'),
    plan('AAD_SMB', 'de377cbc-0019-4ec2-b77c-3f223947e102', 'Microsoft Entra ID'),
    plan('AAD_PREMIUM', '41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'Microsoft Entra ID P1'),
    plan('MFA_PREMIUM', '8a256a2b-b617-496d-b51b-e76466e88db0', 'Microsoft Azure Multi-Factor Authentication'),
    plan('ADALLOM_S_DISCOVERY', '932ad362-64a8-4783-9106-97849a1a30b9', 'Microsoft Defender for Cloud Apps Discovery'),
    plan('INTUNE_SMBIZ', '8e9ff0ff-aa7a-4b20-83c1-2f636b600ac2', 'Microsoft Intune'),
    plan('INTUNE_A', 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', 'Microsoft Intune Plan 1'),
  ].map((p) => [p.servicePlanName, p]),
) as Record<string, FakeServicePlan>;

/** The plans of a SKU, by name; throws on a typo so a list cannot silently shrink. */
export function plansOf(names: string): FakeServicePlan[] {
  return names
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => {
      const found = PLANS[name];
      if (!found) throw new Error(`service plan ${name} is not in the table`);
      return found;
    });
}
