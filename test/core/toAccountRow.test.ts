import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from '../../src/core/buildPriceIndex.js';
import { toAccountRow } from '../../src/core/toAccountRow.js';
import type { DirectoryUser, Site } from '../../src/types.js';
import { SKU } from '../support/testData.js';

const site: Site = { code: 'APF', name: 'APF', membersGroupId: 'g1', correspondentsGroupId: 'g2', rowId: 1 };
const index = buildPriceIndex(
  [
    { rowId: 1, commercialName: 'Office 365 E3', skuPartNumber: 'ENTERPRISEPACK', monthlyPriceCents: 630 },
    { rowId: 2, commercialName: 'Power BI (free)', skuPartNumber: 'POWER_BI_STANDARD', monthlyPriceCents: 0 },
  ],
  [SKU.E3, SKU.PBI, SKU.VISIO].map((sku) => ({ ...sku, prepaidEnabled: 1, consumedUnits: 1, capabilityStatus: 'Enabled' })),
);
const collator = new Intl.Collator('fr-FR');
const user = (fields: Partial<DirectoryUser>): DirectoryUser => ({
  id: 'u1',
  displayName: 'Jean Dupont',
  givenName: 'Jean',
  surname: 'Dupont',
  mail: 'jean.dupont@contoso.test',
  userPrincipalName: 'jdupont@contoso.test',
  jobTitle: 'Éducateur',
  accountEnabled: true,
  userType: 'Member',
  assignedSkuIds: [],
  ...fields,
});

describe('toAccountRow', () => {
  it.each([
    ['the surname as last name', {}, { lastName: 'Dupont', firstName: 'Jean' }],
    [
      'the display name as last name when there is no surname',
      { surname: null, givenName: null, displayName: 'Accueil APF' },
      { lastName: 'Accueil APF', firstName: '' },
    ],
    ['the mail address as email', {}, { email: 'jean.dupont@contoso.test' }],
    ['the UPN as email when there is no mail', { mail: null }, { email: 'jdupont@contoso.test' }],
    ['an empty job title when there is none', { jobTitle: null }, { jobTitle: '' }],
    ['the site name on every row', {}, { siteName: 'APF' }],
    ['a disabled account marked', { accountEnabled: false }, { disabled: true, guest: false }],
    ['a guest marked', { userType: 'Guest' as const }, { disabled: false, guest: true }],
  ])('uses %s', (_label, fields, expected) => {
    expect(toAccountRow(user(fields), site, index, collator)).toMatchObject(expected);
  });

  it('shows no license line and costs 0 for an account without license', () => {
    const row = toAccountRow(user({ assignedSkuIds: [] }), site, index, collator);
    expect(row.licenses).toEqual([]);
    expect(row.monthlyCostCents).toBe(0);
  });

  it('sums only the priced licenses: N/A is not counted', () => {
    const row = toAccountRow(user({ assignedSkuIds: [SKU.E3.skuId, SKU.PBI.skuId, SKU.VISIO.skuId] }), site, index, collator);
    expect(row.licenses.map((l) => [l.label, l.monthlyPriceCents])).toEqual([
      ['Office 365 E3', 630],
      ['Power BI (free)', 0],
      ['VISIOCLIENT', null],
    ]);
    expect(row.monthlyCostCents).toBe(630);
  });
});
