// The waste parsers over Graph's documented bodies (microsoft-graph-docs-contrib, v1.0): they read
// every well-formed item and skip a malformed one with the reason, never throwing.
import { describe, expect, it } from 'vitest';
import { parseCompanySubscriptions } from '../../../src/insights/waste/parseCompanySubscriptions.js';
import { parseLicenseAssignmentStates } from '../../../src/insights/waste/parseLicenseAssignmentStates.js';
import { parseSkuServicePlans } from '../../../src/insights/waste/parseSkuServicePlans.js';

// api-reference/v1.0/api/subscribedsku-list.md, response example (first item, abridged as there).
const ENTERPRISEPREMIUM = {
  accountName: 'Sample account One',
  appliesTo: 'User',
  capabilityStatus: 'Enabled',
  consumedUnits: 14,
  prepaidUnits: { enabled: 25, lockedOut: 0, suspended: 0, warning: 0 },
  servicePlans: [
    { servicePlanId: '8c098270-9dd4-4350-9b30-ba4703f3b36b', servicePlanName: 'ADALLOM_S_O365', provisioningStatus: 'Success', appliesTo: 'Company' },
  ],
  skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
  skuPartNumber: 'ENTERPRISEPREMIUM',
};

describe('parseSkuServicePlans', () => {
  it('reads each SKU’s service plans with appliesTo and provisioning status (Graph docs example)', () => {
    expect(parseSkuServicePlans([ENTERPRISEPREMIUM])).toEqual({
      items: [
        {
          skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
          skuPartNumber: 'ENTERPRISEPREMIUM',
          servicePlans: [
            { servicePlanId: '8c098270-9dd4-4350-9b30-ba4703f3b36b', servicePlanName: 'ADALLOM_S_O365', appliesTo: 'Company', provisioningStatus: 'Success' },
          ],
        },
      ],
      skipped: [],
    });
  });

  it('compares ids in lower case and reads a SKU without servicePlans as having none', () => {
    const { items } = parseSkuServicePlans([{ skuId: 'C7DF2760-2C81-4EF7-B578-5B5392B571DF', skuPartNumber: 'X', servicePlans: null }]);
    expect(items).toEqual([{ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', skuPartNumber: 'X', servicePlans: [] }]);
  });

  it.each([
    ['a string', 'ENTERPRISEPACK', 'value[0]', 'not an object'],
    ['no skuId', { skuPartNumber: 'BROKEN' }, 'value[0]', 'no skuId'],
    ['a skuId that is no GUID', { skuId: 'E3' }, 'value[0]', 'no skuId'],
    ['servicePlans that is no list', { ...ENTERPRISEPREMIUM, servicePlans: 'ADALLOM_S_O365' }, 'value[0]', 'servicePlans is not a list'],
  ])('skips an item that is %s, with the reason', (_case, item, at, reason) => {
    const parsed = parseSkuServicePlans([item, ENTERPRISEPREMIUM]);
    expect(parsed.items.map((sku) => sku.skuPartNumber)).toEqual(['ENTERPRISEPREMIUM']);
    expect(parsed.skipped).toEqual([{ at, reason: expect.stringContaining(reason) }]);
  });

  it('skips a plan without servicePlanId but keeps its SKU', () => {
    const parsed = parseSkuServicePlans([{ ...ENTERPRISEPREMIUM, servicePlans: [...ENTERPRISEPREMIUM.servicePlans, { servicePlanName: 'NO_ID' }, 7] }]);
    expect(parsed.items[0]?.servicePlans.map((plan) => plan.servicePlanName)).toEqual(['ADALLOM_S_O365']);
    expect(parsed.skipped.map((s) => s.at)).toEqual(['value[0].servicePlans[1]', 'value[0].servicePlans[2]']);
  });
});

const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const GROUP = '1ad75eeb-7e5a-4367-a493-9214d90d54d0';

describe('parseLicenseAssignmentStates', () => {
  // Shape: resources/licenseassignmentstate.md (assignedByGroup null = direct; error null on success).
  const user = {
    id: 'u1',
    licenseAssignmentStates: [
      { assignedByGroup: null, disabledPlans: [], error: null, lastUpdatedDateTime: '2025-11-03T09:12:00Z', skuId: E3, state: 'Active' },
      {
        assignedByGroup: GROUP,
        disabledPlans: ['57FF2DA0-773E-42DF-B2AF-FFB7A2317929'],
        error: 'CountViolation',
        lastUpdatedDateTime: '2025-12-01T00:00:00Z',
        skuId: E3,
        state: 'Error',
      },
    ],
  };

  it('reads each state: the group (null = direct), state, error, date and disabled plans', () => {
    expect(parseLicenseAssignmentStates([user])).toEqual({
      items: [
        {
          userId: 'u1',
          states: [
            { skuId: E3, assignedByGroup: null, state: 'Active', error: null, lastUpdatedAt: '2025-11-03T09:12:00.000Z', disabledPlans: [] },
            {
              skuId: E3,
              assignedByGroup: GROUP,
              state: 'Error',
              error: 'CountViolation',
              lastUpdatedAt: '2025-12-01T00:00:00.000Z',
              disabledPlans: ['57ff2da0-773e-42df-b2af-ffb7a2317929'],
            },
          ],
        },
      ],
      skipped: [],
    });
  });

  it.each([
    ['"None" as error', { error: 'None' }, { error: null }],
    ['an empty date', { lastUpdatedDateTime: '0001-01-01T00:00:00Z' }, { lastUpdatedAt: null }],
    ['no disabledPlans', { disabledPlans: undefined }, { disabledPlans: [] }],
    ['an empty assignedByGroup', { assignedByGroup: '' }, { assignedByGroup: null }],
  ])('reads %s as none', (_case, change, expected) => {
    const state = { ...user.licenseAssignmentStates[1], ...change };
    expect(parseLicenseAssignmentStates([{ id: 'u1', licenseAssignmentStates: [state] }]).items[0]?.states[0]).toMatchObject(expected);
  });

  it('reads a user without licenseAssignmentStates as holding none', () => {
    expect(parseLicenseAssignmentStates([{ id: 'u2' }]).items).toEqual([{ userId: 'u2', states: [] }]);
  });

  it.each([
    ['a user without an id', { licenseAssignmentStates: [] }, 'value[0]', 'without an id'],
    ['states that are no list', { id: 'u3', licenseAssignmentStates: {} }, 'value[0]', 'not a list'],
    ['a state without skuId', { id: 'u4', licenseAssignmentStates: [{ state: 'Active' }] }, 'value[0].licenseAssignmentStates[0]', 'without skuId'],
    ['a state without state', { id: 'u5', licenseAssignmentStates: [{ skuId: E3 }] }, 'value[0].licenseAssignmentStates[0]', 'without state'],
    [
      'a group that is no id',
      { id: 'u6', licenseAssignmentStates: [{ skuId: E3, state: 'Active', assignedByGroup: 42 }] },
      'value[0].licenseAssignmentStates[0]',
      'not a group id',
    ],
  ])('skips %s with the reason, and reads the others', (_case, raw, at, reason) => {
    const parsed = parseLicenseAssignmentStates([raw, user]);
    expect(parsed.items.at(-1)?.userId).toBe('u1');
    expect(parsed.skipped).toEqual([{ at, reason: expect.stringContaining(reason) }]);
  });
});

describe('parseCompanySubscriptions', () => {
  // api-reference/v1.0/api/directory-list-subscriptions.md, response example.
  const documented = {
    createdDateTime: '2023-01-01T00:00:00Z',
    commerceSubscriptionId: 'f9c1ea2d-2c6e-4717-8c3b-7130812d70ba',
    id: '860697e3-b0aa-4196-a6c6-7ec361ed58f7',
    isTrial: false,
    nextLifecycleDateTime: '2023-02-01T00:00:00Z',
    serviceStatus: [{ appliesTo: 'User', provisioningStatus: 'Success', servicePlanId: '8b8269e5-f841-416c-ab3a-f5dfb9737986', servicePlanName: 'MyPlanName' }],
    skuId: '0816ccb9-3785-4d19-bf78-6c53e2106509',
    skuPartNumber: 'MyPartNumber',
    status: 'Enabled',
    totalLicenses: 25,
    ownerId: 'fe04f19f-d924-42b7-9dee-edf4e3fab7f6',
    ownerTenantId: '331af819-4e0b-49f7-a6bf-14e1165ad3a0',
    ownerType: 'User',
  };

  it('reads status, trial, seats and the next lifecycle date (Graph docs example)', () => {
    expect(parseCompanySubscriptions([documented])).toEqual({
      items: [
        {
          id: documented.id,
          skuId: documented.skuId,
          skuPartNumber: 'MyPartNumber',
          status: 'Enabled',
          isTrial: false,
          totalLicenses: 25,
          nextLifecycleAt: '2023-02-01T00:00:00.000Z',
        },
      ],
      skipped: [],
    });
  });

  it.each([
    ['no id', { id: undefined }, 'without an id'],
    ['no skuId', { skuId: null }, 'no skuId'],
    ['no status', { status: '' }, 'no status'],
    ['isTrial that is text', { isTrial: 'yes' }, 'isTrial'],
    ['totalLicenses that is text', { totalLicenses: '25' }, 'totalLicenses'],
    ['negative totalLicenses', { totalLicenses: -1 }, 'totalLicenses'],
  ])('skips a subscription with %s, with the reason', (_case, change, reason) => {
    const parsed = parseCompanySubscriptions([{ ...documented, ...change }, documented, null]);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.skipped).toEqual([
      { at: 'value[0]', reason: expect.stringContaining(reason) },
      { at: 'value[2]', reason: 'not an object' },
    ]);
  });

  it('reads a subscription without a next lifecycle date or trial flag as none', () => {
    const { items } = parseCompanySubscriptions([{ ...documented, nextLifecycleDateTime: null, isTrial: undefined }]);
    expect(items[0]).toMatchObject({ isTrial: false, nextLifecycleAt: null });
  });
});
