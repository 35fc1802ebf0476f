import type { Config } from '../../src/config/Config.js';
import { parseConfig, type Env } from '../../src/config/parseConfig.js';
import type { RawRecord } from '../../src/ports.js';
import { guid } from './guid.js';

export function testConfig(env: Env = {}): Config {
  return parseConfig({
    SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.fake.test/sites/it',
    MAIL_TRANSPORT: 'outbox',
    IT_SUMMARY_TO: 'it@contoso.test',
    SITE_CONCURRENCY: '2',
    ORG_NAME: 'Contoso',
    ...env,
  });
}

/** The SKUs of the test tenant, by short name. */
export const SKU = {
  E3: { skuId: guid(1, '6fd2c87f'), skuPartNumber: 'ENTERPRISEPACK' },
  PBI: { skuId: guid(2, 'a403ebcc'), skuPartNumber: 'POWER_BI_STANDARD' },
  FLOW: { skuId: guid(3, 'f30db892'), skuPartNumber: 'FLOW_FREE' },
  VISIO: { skuId: guid(4, 'c5928f49'), skuPartNumber: 'VISIOCLIENT' },
  PROJECT: { skuId: guid(5, '53818b1b'), skuPartNumber: 'PROJECTPROFESSIONAL' },
} as const;

export function subscribedSkuJson(sku: { skuId: string; skuPartNumber: string }, consumedUnits = 1): RawRecord {
  return { skuId: sku.skuId, skuPartNumber: sku.skuPartNumber, consumedUnits, prepaidUnits: { enabled: 100 }, capabilityStatus: 'Enabled' };
}

/** A price list row as SharePoint returns it with the default column names. */
export function priceRow(id: number, title: string, partNumber: string | null, price: unknown, skuId?: string): RawRecord {
  return { Id: id, Title: title, SkuPartNumber: partNumber, SkuId: skuId ?? null, MonthlyPrice: price };
}

/** The price list of the test tenant: E3 6.30, two free SKUs, VISIO missing, PROJECT twice. */
export function standardPriceRows(): RawRecord[] {
  return [
    priceRow(1, 'Office 365 E3', 'ENTERPRISEPACK', 6.3),
    priceRow(2, 'Power BI (free)', 'POWER_BI_STANDARD', 0),
    priceRow(3, 'Microsoft Power Automate Free', 'FLOW_FREE', '0'),
    priceRow(4, 'Project Plan 3', 'PROJECTPROFESSIONAL', 25.3),
    priceRow(5, 'Project Plan 3 (old)', 'projectprofessional', '28,00'),
  ];
}

export function siteRow(id: number, code: string, fields: Partial<Record<string, unknown>> = {}): RawRecord {
  return {
    Id: id,
    Title: `Site ${code}`,
    SiteCode: code,
    MembersGroupId: guid(1000 + id),
    CorrespondentsGroupId: guid(2000 + id),
    ...fields,
  };
}

export interface UserSpec {
  id?: string;
  givenName?: string | null;
  surname?: string | null;
  displayName?: string;
  mail?: string | null;
  jobTitle?: string | null;
  accountEnabled?: boolean;
  userType?: 'Member' | 'Guest';
  skus?: ReadonlyArray<{ skuId: string }>;
  /** Last sign-in (ISO); null = never signed in. Default: a fortnight before the test runs' 1 February 2026. */
  lastSignIn?: string | null;
}

let userCounter = 0;

/** A Graph user as /transitiveMembers returns it with every selected property. */
export function userJson(spec: UserSpec = {}): RawRecord {
  userCounter += 1;
  const givenName = spec.givenName === undefined ? `Given${userCounter}` : spec.givenName;
  const surname = spec.surname === undefined ? `Surname${userCounter}` : spec.surname;
  const upn = `user${userCounter}@contoso.test`;
  return {
    id: spec.id ?? guid(500_000 + userCounter, 'aaaaaaaa'),
    givenName,
    surname,
    displayName: spec.displayName ?? [givenName, surname].filter(Boolean).join(' '),
    mail: spec.mail === undefined ? upn : spec.mail,
    userPrincipalName: upn,
    jobTitle: spec.jobTitle === undefined ? 'Educator' : spec.jobTitle,
    accountEnabled: spec.accountEnabled ?? true,
    userType: spec.userType ?? 'Member',
    assignedLicenses: (spec.skus ?? []).map((sku) => ({ skuId: sku.skuId, disabledPlans: [] })),
    // Read only by GET /users (inactive accounts), never by the group reads' $select.
    createdDateTime: '2024-09-01T08:00:00Z',
    signInActivity: spec.lastSignIn === null ? null : { lastSignInDateTime: spec.lastSignIn ?? '2026-01-15T08:00:00Z' },
  };
}

export function correspondentJson(n: number, mail: string | null = `it${n}@contoso.test`): RawRecord {
  return { id: guid(900_000 + n, 'cccccccc'), displayName: `IT correspondent ${n}`, mail };
}
