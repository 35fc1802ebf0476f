import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { parseSignInActivity } from '../../src/insights/parseSignInActivity.js';
import { readSignInActivity } from '../../src/insights/readSignInActivity.js';
import { directoryOf } from './fixtures.js';

describe('parseSignInActivity', () => {
  it('takes the most recent of the interactive, non-interactive and successful sign-ins', () => {
    const map = parseSignInActivity([
      {
        id: 'u1',
        createdDateTime: '2020-03-01T00:00:00Z',
        signInActivity: {
          lastSignInDateTime: '2025-06-01T10:00:00Z',
          lastNonInteractiveSignInDateTime: '2026-01-20T08:00:00Z',
          lastSuccessfulSignInDateTime: '2025-12-24T09:00:00Z',
        },
      },
    ]);
    expect(map.get('u1')).toEqual({ lastSignInAt: new Date('2026-01-20T08:00:00Z'), createdAt: new Date('2020-03-01T00:00:00Z') });
  });

  it('reads a null signInActivity (never signed in) and missing creation date as null', () => {
    const map = parseSignInActivity([
      { id: 'u2', signInActivity: null },
      { id: 'u3', signInActivity: { lastSignInDateTime: null, lastNonInteractiveSignInDateTime: '0001-01-01T00:00:00Z', lastSuccessfulSignInDateTime: 'garbage' } },
      { signInActivity: null },
    ]);
    expect([...map]).toEqual([
      ['u2', { lastSignInAt: null, createdAt: null }],
      ['u3', { lastSignInAt: null, createdAt: null }],
    ]);
  });
});

describe('readSignInActivity', () => {
  it('asks Graph for id, creation date and sign-in activity only', async () => {
    const directory = directoryOf(() => [{ id: 'u1', signInActivity: null }]);
    const read = await readSignInActivity(directory);
    expect(directory.calls).toEqual([['id', 'createdDateTime', 'signInActivity']]);
    expect(read.signIns).toBeInstanceOf(Map);
  });

  it('turns a 403 (no Entra ID P1 or no AuditLog.Read.All) into "unavailable" without failing or warning', async () => {
    const forbidden = new HttpError('GET', '/users', 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    const read = await readSignInActivity(directoryOf(() => forbidden));
    expect(read).toMatchObject({ signIns: 'unavailable', reason: 'forbidden' });
    expect(read.signIns === 'unavailable' && read.warning).toBeFalsy();
    expect(read.signIns === 'unavailable' && read.message).toContain('AuditLog.Read.All');
  });

  it('turns any other error into "unavailable" with a warning for the run summary, without the token', async () => {
    const read = await readSignInActivity(directoryOf(() => new Error('socket hang up, Authorization: Bearer eyJabc.def.ghi')));
    expect(read).toMatchObject({ signIns: 'unavailable', reason: 'error', warning: { code: 'insights-unavailable' } });
    const message = read.signIns === 'unavailable' ? (read.warning?.message ?? '') : '';
    expect(message).toContain('socket hang up');
    expect(message).not.toContain('eyJabc');
  });
});
