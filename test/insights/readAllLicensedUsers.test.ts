import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { readAllLicensedUsers } from '../../src/insights/readAllLicensedUsers.js';
import { directoryOf, E3 } from './fixtures.js';

describe('readAllLicensedUsers', () => {
  it('keeps only the users holding a license, and counts records it cannot read', async () => {
    const directory = directoryOf(() => [
      { id: 'u1', displayName: 'Ana', userPrincipalName: 'ana@contoso.test', accountEnabled: false, userType: 'Guest', assignedLicenses: [{ skuId: E3, disabledPlans: [] }] },
      { id: 'u2', displayName: 'Ben', userPrincipalName: 'ben@contoso.test', assignedLicenses: [] },
      { id: 'u3' },
    ]);
    const read = await readAllLicensedUsers(directory);
    expect(directory.calls).toEqual([['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'accountEnabled', 'userType', 'assignedLicenses']]);
    expect(read).toMatchObject({ unreadable: 1, users: [{ id: 'u1', accountEnabled: false, userType: 'Guest', assignedSkuIds: [E3] }] });
  });

  it('gives "unavailable" with a warning instead of failing the run', async () => {
    const read = await readAllLicensedUsers(directoryOf(() => new HttpError('GET', '/users', 403, 'Insufficient privileges')));
    expect(read.users).toBe('unavailable');
    expect(read.users === 'unavailable' && read.warning.message).toContain('403');
  });
});
