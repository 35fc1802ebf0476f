import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { readAllLicensedUsers } from '../../src/insights/readAllLicensedUsers.js';
import { directoryOf, E3 } from './fixtures.js';

describe('readAllLicensedUsers', () => {
  it('keeps only the users holding a license, and counts records it cannot read', async () => {
    const directory = directoryOf(() => [
      {
        id: 'u1',
        displayName: 'Ana',
        userPrincipalName: 'ana@contoso.test',
        accountEnabled: false,
        userType: 'Guest',
        assignedLicenses: [{ skuId: E3, disabledPlans: [] }],
      },
      { id: 'u2', displayName: 'Ben', userPrincipalName: 'ben@contoso.test', assignedLicenses: [] },
      { id: 'u3' },
    ]);
    const read = await readAllLicensedUsers(directory);
    expect(directory.calls).toEqual([
      ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'accountEnabled', 'userType', 'assignedLicenses', 'licenseAssignmentStates'],
    ]);
    expect(read).toMatchObject({ unreadable: 1, users: [{ id: 'u1', accountEnabled: false, userType: 'Guest', assignedSkuIds: [E3] }] });
  });

  it('keeps a user whose only license is in error (it holds none), with its assignment states', async () => {
    const inError = {
      skuId: E3,
      assignedByGroup: 'd1b4cf3e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
      state: 'Error',
      error: 'CountViolation',
      disabledPlans: [],
      lastUpdatedDateTime: '2026-10-31T06:00:00Z',
    };
    const read = await readAllLicensedUsers(
      directoryOf(() => [
        { id: 'u4', displayName: 'Chloé', userPrincipalName: 'chloe@contoso.test', assignedLicenses: [], licenseAssignmentStates: [inError] },
      ]),
    );
    expect(read).toMatchObject({
      users: [
        { id: 'u4', assignedSkuIds: [], licenseStates: [{ skuId: E3, state: 'Error', error: 'CountViolation', assignedByGroup: inError.assignedByGroup }] },
      ],
    });
  });

  it('gives "unavailable" with a warning instead of failing the run', async () => {
    const read = await readAllLicensedUsers(directoryOf(() => new HttpError('GET', '/users', 403, 'Insufficient privileges')));
    expect(read.users).toBe('unavailable');
    expect(read.users === 'unavailable' && read.warning.message).toContain('403');
  });
});
