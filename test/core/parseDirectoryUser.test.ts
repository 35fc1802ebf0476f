import { describe, expect, it } from 'vitest';
import { parseDirectoryUser } from '../../src/core/parseDirectoryUser.js';
import { parseSubscribedSkus } from '../../src/core/parseSubscribedSkus.js';
import { SKU, subscribedSkuJson } from '../support/testData.js';

describe('parseDirectoryUser', () => {
  it('reads how each license is assigned, and keeps the account when a state cannot be read', () => {
    const group = 'a3c1e2f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const user = parseDirectoryUser({
      id: 'u1',
      displayName: 'Marie Curie',
      userPrincipalName: 'mcurie@contoso.test',
      assignedLicenses: [{ skuId: SKU.E3.skuId }],
      licenseAssignmentStates: [
        { skuId: SKU.E3.skuId, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: [], lastUpdatedDateTime: '2026-01-05T10:00:00Z' },
        { skuId: SKU.E3.skuId, assignedByGroup: group, state: 'ActiveWithError', error: 'CountViolation', disabledPlans: [] },
        { skuId: 'not-a-guid', state: 'Active' },
      ],
    });
    expect(user.licenseStates).toEqual([
      { skuId: SKU.E3.skuId, assignedByGroup: null, state: 'Active', error: null, lastUpdatedAt: '2026-01-05T10:00:00.000Z', disabledPlans: [] },
      { skuId: SKU.E3.skuId, assignedByGroup: group, state: 'ActiveWithError', error: 'CountViolation', lastUpdatedAt: null, disabledPlans: [] },
    ]);
    // Not selected, or not a list: nothing known, and the account still becomes a row.
    expect(parseDirectoryUser({ id: 'u2', displayName: 'Pierre', assignedLicenses: [] }).licenseStates).toBeUndefined();
    expect(parseDirectoryUser({ id: 'u3', displayName: 'Irène', assignedLicenses: [], licenseAssignmentStates: 'oops' }).licenseStates).toBeUndefined();
  });

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

  it.each([
    ['2024-05-02T08:00:00Z', '2024-05-02T08:00:00.000Z'],
    [null, undefined],
    ['', undefined],
    ['0001-01-01T00:00:00Z', undefined],
  ])('reads createdDateTime %j as the creation date %j (Graph writes "unknown" three ways)', (createdDateTime, createdAt) => {
    expect(parseDirectoryUser({ id: 'u1', userPrincipalName: 'a@b.c', createdDateTime }).createdAt).toBe(createdAt);
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
      {
        skuId: SKU.E3.skuId,
        skuPartNumber: 'ENTERPRISEPACK',
        prepaidEnabled: 100,
        prepaidWarning: 0,
        prepaidSuspended: 0,
        prepaidLockedOut: 0,
        consumedUnits: 40,
        capabilityStatus: 'Enabled',
      },
    ]);
  });

  it('reads the seats in warning, suspended and locked-out state (Graph docs example of a suspended SKU)', () => {
    // microsoft-graph-docs-contrib api-reference/v1.0/api/subscribedsku-list.md, second item.
    const suspended = {
      capabilityStatus: 'Suspended',
      consumedUnits: 14,
      prepaidUnits: { enabled: 0, lockedOut: 0, suspended: 25, warning: 0 },
      skuId: 'd17b27af-3f49-4822-99f9-56a661538792',
      skuPartNumber: 'CRMSTANDARD',
    };
    const grace = { ...suspended, skuPartNumber: 'GRACE', capabilityStatus: 'Warning', prepaidUnits: { enabled: 5, warning: 10, suspended: 0, lockedOut: 2 } };
    expect(parseSubscribedSkus([suspended, grace])).toEqual([
      {
        skuId: suspended.skuId,
        skuPartNumber: 'CRMSTANDARD',
        prepaidEnabled: 0,
        prepaidWarning: 0,
        prepaidSuspended: 25,
        prepaidLockedOut: 0,
        consumedUnits: 14,
        capabilityStatus: 'Suspended',
      },
      {
        skuId: suspended.skuId,
        skuPartNumber: 'GRACE',
        prepaidEnabled: 5,
        prepaidWarning: 10,
        prepaidSuspended: 0,
        prepaidLockedOut: 2,
        consumedUnits: 14,
        capabilityStatus: 'Warning',
      },
    ]);
  });
});
