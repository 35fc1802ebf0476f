import { describe, expect, it } from 'vitest';
import { findRedundantLicenses, indexServicePlans, type HeldLicense } from '../../../src/insights/waste/findRedundantLicenses.js';
import { isOverlapException, parseOverlapExceptions } from '../../../src/insights/waste/parseOverlapExceptions.js';
import type { ServicePlan, SkuServicePlans } from '../../../src/insights/waste/wasteTypes.js';

// Real service plan ids (Microsoft's "Product names and service plan identifiers for licensing").
const plan = (servicePlanId: string, servicePlanName: string, appliesTo: string | null = 'User'): ServicePlan => ({
  servicePlanId,
  servicePlanName,
  appliesTo,
  provisioningStatus: 'Success',
});
const EXO_P1 = plan('9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'EXCHANGE_S_STANDARD');
const EXO_P2 = plan('efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE');
const SPO_P1 = plan('c7699d2e-19aa-44de-8edf-1736da088ca1', 'SHAREPOINTSTANDARD');
const SPO_P2 = plan('5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE');
const TEAMS = plan('57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1');
const APPS_ENT = plan('43de0ff5-c92c-492b-9116-175376d08c38', 'OFFICESUBSCRIPTION');
const BI_PRO = plan('70d33638-9c74-4d01-bfd3-562de28bd4ba', 'BI_AZURE_P2');
const CASB = plan('8c098270-9dd4-4350-9b30-ba4703f3b36b', 'ADALLOM_S_O365', 'Company');
const VISIO_PLAN = plan('663a804f-1c30-4ff0-9915-9db84f0d1cea', 'VISIO_CLIENT_SUBSCRIPTION');

const sku = (skuId: string, skuPartNumber: string, servicePlans: ServicePlan[]): SkuServicePlans => ({ skuId, skuPartNumber, servicePlans });
const E3 = sku('6fd2c87f-b296-42f0-b197-1e91e994b900', 'ENTERPRISEPACK', [EXO_P2, SPO_P2, TEAMS, APPS_ENT]);
const E5 = sku('c7df2760-2c81-4ef7-b578-5b5392b571df', 'ENTERPRISEPREMIUM', [EXO_P2, SPO_P2, TEAMS, APPS_ENT, BI_PRO, CASB]);
const E1 = sku('18181a46-0d4e-45cd-891e-60aabd171b4e', 'STANDARDPACK', [EXO_P1, SPO_P1, TEAMS]);
const EXO1 = sku('4b9405b0-7788-4568-add1-99614e613b69', 'EXCHANGESTANDARD', [EXO_P1]);
const PBI = sku('f8a1db68-be16-40ed-86d5-cb42ce701560', 'POWER_BI_PRO', [BI_PRO]);
const VISIO = sku('c5928f49-12ba-48f7-ada3-0d743a3601d5', 'VISIOCLIENT', [VISIO_PLAN]);
const TEAMS_ONLY = sku('710779e8-3d4a-4c88-adb9-386c958d1fdf', 'TEAMS_EXPLORATORY', [TEAMS]);
const TEAMS_TWIN = sku('aaaaaaaa-3d4a-4c88-adb9-386c958d1fdf', 'TEAMS_TWIN', [TEAMS]);
const COMPANY_ONLY = sku('bbbbbbbb-3d4a-4c88-adb9-386c958d1fdf', 'CASB_ONLY', [CASB]);
const catalog = indexServicePlans([E3, E5, E1, EXO1, PBI, VISIO, TEAMS_ONLY, TEAMS_TWIN, COMPANY_ONLY]);

const held = (...skus: Array<SkuServicePlans | HeldLicense>): HeldLicense[] => skus.map((s) => ('servicePlans' in s ? { skuId: s.skuId } : s));
const named = (id: string): string => [E3, E5, E1, EXO1, PBI, VISIO, TEAMS_ONLY, TEAMS_TWIN, COMPANY_ONLY].find((s) => s.skuId === id)?.skuPartNumber ?? id;

describe('findRedundantLicenses', () => {
  it.each<[string, HeldLicense[], Array<[string, string, string]>]>([
    ['Power BI Pro next to E5, which carries its one plan', held(PBI, E5), [['POWER_BI_PRO', 'ENTERPRISEPREMIUM', 'service-plans']]],
    ['Teams Exploratory next to E3', held(E3, TEAMS_ONLY), [['TEAMS_EXPLORATORY', 'ENTERPRISEPACK', 'service-plans']]],
    ['E3 next to E5: a known pair, and by plans here', held(E3, E5), [['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'service-plans']]],
    ['E1 next to E3: plan ids differ (Exchange/SharePoint Plan 1 vs 2), a known pair', held(E1, E3), [['STANDARDPACK', 'ENTERPRISEPACK', 'known-pair']]],
    ['Exchange Online (Plan 1) next to E3: a known pair', held(EXO1, E3), [['EXCHANGESTANDARD', 'ENTERPRISEPACK', 'known-pair']]],
    ['Exchange Online (Plan 1) next to E1, which carries its plan', held(E1, EXO1), [['EXCHANGESTANDARD', 'STANDARDPACK', 'service-plans']]],
    ['Visio next to E3: nothing in common', held(VISIO, E3), []],
    ['E3 and Power BI Pro: each adds something', held(E3, PBI), []],
    ['plans Graph marks "Company" do not count: a company-only SKU is not redundant', held(COMPANY_ONLY, E3), []],
    ['a license alone', held(E3), []],
    ['the same SKU listed twice (direct and group) is one license', held(E3, E3), []],
    ['a SKU missing from /subscribedSkus tells nothing', held({ skuId: 'dddddddd-0000-4000-8000-000000000000' }, E3), []],
  ])('%s', (_case, licenses, expected) => {
    expect(findRedundantLicenses(licenses, catalog).map((r) => [named(r.skuId), named(r.coveredBySkuId), r.source])).toEqual(expected);
  });

  it('names every redundant license next to one that is kept (E1 and Exchange Plan 1 both next to E5)', () => {
    const found = findRedundantLicenses(held(E1, EXO1, E3, E5), catalog);
    expect(found.map((r) => [named(r.skuId), named(r.coveredBySkuId)])).toEqual([
      ['STANDARDPACK', 'ENTERPRISEPREMIUM'],
      ['EXCHANGESTANDARD', 'ENTERPRISEPREMIUM'],
      ['ENTERPRISEPACK', 'ENTERPRISEPREMIUM'],
    ]);
  });

  it('of two licenses with the same plans, calls the dearer one redundant (never both)', () => {
    const cheapFirst = findRedundantLicenses(
      [
        { skuId: TEAMS_ONLY.skuId, monthlyPriceCents: 0 },
        { skuId: TEAMS_TWIN.skuId, monthlyPriceCents: 400 },
      ],
      catalog,
    );
    expect(cheapFirst.map((r) => [named(r.skuId), named(r.coveredBySkuId)])).toEqual([['TEAMS_TWIN', 'TEAMS_EXPLORATORY']]);
    const dearFirst = findRedundantLicenses(
      [
        { skuId: TEAMS_ONLY.skuId, monthlyPriceCents: 500 },
        { skuId: TEAMS_TWIN.skuId, monthlyPriceCents: 400 },
      ],
      catalog,
    );
    expect(dearFirst.map((r) => named(r.skuId))).toEqual(['TEAMS_EXPLORATORY']);
  });

  it('reads the plans each assignment disables: E5 without Power BI does not cover Power BI Pro', () => {
    expect(findRedundantLicenses([{ skuId: PBI.skuId }, { skuId: E5.skuId, disabledPlanIds: [BI_PRO.servicePlanId.toUpperCase()] }], catalog)).toEqual([]);
  });

  it('does not let a license whose assignment is in error cover another', () => {
    expect(findRedundantLicenses([{ skuId: PBI.skuId }, { skuId: E5.skuId, active: false }], catalog)).toEqual([]);
  });

  it('leaves alone the pairs an organisation holds on purpose, either way round, by part number or SKU id', () => {
    const { exceptions } = parseOverlapExceptions(`enterprisepack+STANDARDPACK, ${PBI.skuId.toUpperCase()}+ENTERPRISEPREMIUM`);
    expect(findRedundantLicenses(held(E1, E3), catalog, { exceptions })).toEqual([]);
    expect(findRedundantLicenses(held(PBI, E5), catalog, { exceptions })).toEqual([]);
    expect(findRedundantLicenses(held(EXO1, E3), catalog, { exceptions })).toHaveLength(1);
  });

  it('uses the known pairs it is given instead of the built-in table', () => {
    expect(findRedundantLicenses(held(E1, E3), catalog, { knownPairs: [] })).toEqual([]);
    expect(findRedundantLicenses(held(VISIO, E3), catalog, { knownPairs: [{ redundant: 'visioclient', coveredBy: 'enterprisepack', why: 'test' }] })).toEqual([
      { skuId: VISIO.skuId, coveredBySkuId: E3.skuId, source: 'known-pair' },
    ]);
  });
});

describe('parseOverlapExceptions (LICENSE_OVERLAP_EXCEPTIONS)', () => {
  it('reads pairs separated by commas, semicolons or lines; part numbers upper case, SKU ids lower case', () => {
    expect(parseOverlapExceptions(' standardpack + ENTERPRISEPACK ;\nVISIOCLIENT+6FD2C87F-B296-42F0-B197-1E91E994B900,, ')).toEqual({
      exceptions: [
        { a: 'STANDARDPACK', b: 'ENTERPRISEPACK' },
        { a: 'VISIOCLIENT', b: '6fd2c87f-b296-42f0-b197-1e91e994b900' },
      ],
      problems: [],
    });
  });

  it.each([undefined, '', '  '])('reads %j as no exception', (value) => {
    expect(parseOverlapExceptions(value)).toEqual({ exceptions: [], problems: [] });
  });

  it.each([
    ['STANDARDPACK', 'is not a pair'],
    ['A+B+C', 'is not a pair'],
    ['A+', 'is not a pair'],
    ['+B', 'is not a pair'],
    ['Office 365 E1+ENTERPRISEPACK', 'with a space'],
    ['e3+E3', 'with itself'],
  ])('refuses "%s", naming the setting and the entry', (value, problem) => {
    const { exceptions, problems } = parseOverlapExceptions(`VISIOCLIENT+SPE_E5,${value}`);
    expect(exceptions).toEqual([{ a: 'VISIOCLIENT', b: 'SPE_E5' }]);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^LICENSE_OVERLAP_EXCEPTIONS: "${value.replace(/[+]/g, '\\+')}" .*${problem}`))]);
  });

  it('names another setting when asked', () => {
    expect(parseOverlapExceptions('X', 'OTHER')).toMatchObject({ problems: [expect.stringMatching(/^OTHER: /)] });
  });

  it('matches a pair by id or part number, in either order', () => {
    const { exceptions } = parseOverlapExceptions('STANDARDPACK+6fd2c87f-b296-42f0-b197-1e91e994b900');
    expect(isOverlapException(exceptions, E3, E1)).toBe(true);
    expect(isOverlapException(exceptions, E1, E3)).toBe(true);
    expect(isOverlapException(exceptions, E1, E5)).toBe(false);
  });
});
