// The pure parts of setup: CAML for a column, which price rows to prefill, the Azure CLI call.
import { describe, expect, it } from 'vitest';
import { adminTokens } from '../../src/setup/adminToken.js';
import { fieldSchemaXml } from '../../src/setup/fieldSchemaXml.js';
import { planPricePrefill } from '../../src/setup/planPricePrefill.js';
import { looseColumnName } from '../../src/setup/planList.js';

const columns = { commercialName: 'Title', skuPartNumber: 'SkuPartNumber', skuId: 'SkuId', monthlyPrice: 'MonthlyPrice' };
const sku = (skuPartNumber: string, skuId: string) => ({ skuId, skuPartNumber, prepaidEnabled: 10, consumedUnits: 5, capabilityStatus: 'Enabled' });
const E3 = sku('ENTERPRISEPACK', '6fd2c87f-b296-42f0-b197-1e91e994b900');
const VISIO = sku('VISIOCLIENT', 'c5928f49-12ba-48f7-ada3-0d743a3601d5');
const PROJECT = sku('PROJECTPROFESSIONAL', '53818b1b-4a27-454b-8896-0dba576410e6');

describe('fieldSchemaXml', () => {
  it('fixes the internal name and escapes what the settings hold', () => {
    expect(fieldSchemaXml({ internalName: 'Code', displayName: 'Code "site" & <n>', type: 'Text', setting: 'SITES_COLUMN_CODE' })).toBe(
      '<Field Type="Text" DisplayName="Code &quot;site&quot; &amp; &lt;n&gt;" Name="Code" StaticName="Code" MaxLength="255" />',
    );
    expect(fieldSchemaXml({ internalName: 'Active', displayName: 'Active', type: 'Boolean', setting: 'SITES_COLUMN_ACTIVE' })).toBe(
      '<Field Type="Boolean" DisplayName="Active" Name="Active" StaticName="Active"><Default>1</Default></Field>',
    );
    expect(fieldSchemaXml({ internalName: 'MonthlyPrice', displayName: 'Monthly price', type: 'Number', setting: 'PRICES_COLUMN_MONTHLY_PRICE' })).toContain(
      'Type="Number"',
    );
  });
});

describe('planPricePrefill', () => {
  const names = new Map([['c5928f49-12ba-48f7-ada3-0d743a3601d5', 'Visio Plan 2']]);

  it('skips SKUs a row names by SKU id or by part number (any case), names the rest, price empty', () => {
    const existing = [
      { Id: 1, Title: 'Office 365 E3', SkuPartNumber: 'enterprisepack', SkuId: null, MonthlyPrice: 20 },
      { Id: 2, Title: 'Project', SkuPartNumber: null, SkuId: PROJECT.skuId.toUpperCase(), MonthlyPrice: 25 },
    ];
    expect(planPricePrefill([VISIO, E3, PROJECT], existing, columns, names)).toEqual({
      rows: [{ Title: 'Visio Plan 2', SkuPartNumber: 'VISIOCLIENT', SkuId: VISIO.skuId }],
      alreadyListed: 2,
    });
  });

  it('falls back to the part number when Microsoft has no name, and keeps part-number order', () => {
    const plan = planPricePrefill([VISIO, E3], [], columns, new Map());
    expect(plan.rows.map((row) => [row.SkuPartNumber, row.Title])).toEqual([
      ['ENTERPRISEPACK', 'ENTERPRISEPACK'],
      ['VISIOCLIENT', 'VISIOCLIENT'],
    ]);
  });
});

describe('adminTokens', () => {
  it('asks the Azure CLI for the resource (and the tenant when set)', async () => {
    const calls: string[][] = [];
    const tokens = adminTokens({ AZURE_TENANT_ID: 'contoso.onmicrosoft.com' }, async (file, args) => {
      calls.push([file, ...args]);
      return 'eyJ0eXAi.token\n';
    });
    expect(await tokens.forResource('https://contoso.sharepoint.com')).toBe('eyJ0eXAi.token');
    expect(calls).toEqual([
      [
        'az',
        'account',
        'get-access-token',
        '--resource',
        'https://contoso.sharepoint.com',
        '--query',
        'accessToken',
        '--output',
        'tsv',
        '--tenant',
        'contoso.onmicrosoft.com',
      ],
    ]);
    expect(tokens.describe).toBe('your Azure CLI sign-in (az login --tenant contoso.onmicrosoft.com)');
  });

  it('says what to do when az is missing or not signed in', async () => {
    const missing = adminTokens({}, async () => {
      throw Object.assign(new Error('spawn az ENOENT'), { code: 'ENOENT' });
    });
    await expect(missing.forResource('https://graph.microsoft.com')).rejects.toThrow(
      'The Azure CLI (az) is not installed: install it, run `az login` as an administrator, then rerun',
    );
    const signedOut = adminTokens({}, async () => {
      throw Object.assign(new Error('Command failed'), { stderr: "ERROR: Please run 'az login' to setup account.\n" });
    });
    await expect(signedOut.forResource('https://graph.microsoft.com')).rejects.toThrow(
      "The Azure CLI gave no token for https://graph.microsoft.com: ERROR: Please run 'az login' to setup account. Run `az login` as an administrator, then rerun",
    );
  });

  it('uses STATIC_ACCESS_TOKEN as-is (local test tenants), never calling az', async () => {
    const tokens = adminTokens({ STATIC_ACCESS_TOKEN: 'fake-token' }, async () => {
      throw new Error('az must not run');
    });
    expect(await tokens.forResource('https://contoso.sharepoint.com')).toBe('fake-token');
  });
});

describe('looseColumnName', () => {
  it('makes names that look alike to a person equal: spaces, _x0020_, case, accents encoded or not', () => {
    const names = ['SiteCode', 'Site Code', 'Site_x0020_Code', 'site_code', 'SITE-CODE'].map(looseColumnName);
    expect(new Set(names).size).toBe(1);
    expect(looseColumnName('Libell_x00e9_')).toBe(looseColumnName('Libelle'));
    expect(looseColumnName('Période')).toBe('periode');
    expect(looseColumnName('SiteName')).not.toBe(looseColumnName('SiteCode'));
  });
});
