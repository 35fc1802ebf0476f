import { describe, expect, it } from 'vitest';
import { parseDirectoryUser } from '../../src/core/parseDirectoryUser.js';
import { parseSubscribedSkus } from '../../src/core/parseSubscribedSkus.js';
import { SKU, subscribedSkuJson } from '../support/testData.js';

describe('parseDirectoryUser', () => {
  it('reads a Graph user with its assigned SKU ids, each once', () => {
    const user = parseDirectoryUser({
      id: 'u1',
      displayName: 'Marie Curie',
      givenName: 'Marie',
      surname: 'Curie',
      mail: 'marie@contoso.test',
      userPrincipalName: 'mcurie@contoso.test',
      jobTitle: null,
      accountEnabled: false,
      userType: 'Guest',
      assignedLicenses: [{ skuId: SKU.E3.skuId, disabledPlans: [] }, { skuId: SKU.E3.skuId }],
    });
    expect(user).toEqual({
      id: 'u1',
      displayName: 'Marie Curie',
      givenName: 'Marie',
      surname: 'Curie',
      mail: 'marie@contoso.test',
      userPrincipalName: 'mcurie@contoso.test',
      jobTitle: null,
      accountEnabled: false,
      userType: 'Guest',
      assignedSkuIds: [SKU.E3.skuId],
    });
  });

  it('treats a user without assignedLicenses as holding no license', () => {
    expect(parseDirectoryUser({ id: 'u1', userPrincipalName: 'a@b.c' }).assignedSkuIds).toEqual([]);
  });

  it.each([
    ['no id', { displayName: 'Ghost' }, /without an id/],
    ['only an id (User.Read.All missing)', { id: 'u9' }, /u9.*User\.Read\.All/],
    ['assignedLicenses that is not a list', { id: 'u2', displayName: 'X', assignedLicenses: 'E3' }, /u2: assignedLicenses is not a list/],
    ['a license without skuId', { id: 'u3', displayName: 'X', assignedLicenses: [{ disabledPlans: [] }] }, /u3: assignedLicenses\[0\] has no skuId/],
  ])('throws a clear error for a user with %s', (_label, raw, message) => {
    expect(() => parseDirectoryUser(raw)).toThrow(message);
  });
});

describe('parseSubscribedSkus', () => {
  it('reads the SKU id, part number and units, and drops items without a SKU id', () => {
    expect(parseSubscribedSkus([subscribedSkuJson(SKU.E3, 40), { skuPartNumber: 'BROKEN' }])).toEqual([
      { skuId: SKU.E3.skuId, skuPartNumber: 'ENTERPRISEPACK', prepaidEnabled: 100, consumedUnits: 40, capabilityStatus: 'Enabled' },
    ]);
  });
});
