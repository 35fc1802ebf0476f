import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { judgeSignIn, type SignInVerdict } from '../../src/insights/judgeSignIn.js';
import { parseSignInActivity } from '../../src/insights/parseSignInActivity.js';
import type { SignInInfo } from '../../src/insights/types.js';
import { readSignInActivity } from '../../src/insights/readSignInActivity.js';
import { directoryOf } from './fixtures.js';

describe('parseSignInActivity', () => {
  const parse = (signInActivity: unknown, createdDateTime: unknown = '2020-03-01T00:00:00Z') =>
    parseSignInActivity([{ id: 'u1', createdDateTime, signInActivity }]).get('u1');

  it('uses the last successful sign-in, not the later attempts (failed attempts move the other two dates)', () => {
    const info = parse({
      lastSignInDateTime: '2025-06-01T10:00:00Z',
      lastNonInteractiveSignInDateTime: '2026-01-20T08:00:00Z',
      lastSuccessfulSignInDateTime: '2025-12-24T09:00:00Z',
    });
    expect(info).toEqual({
      basis: 'successful',
      lastSignInAt: new Date('2025-12-24T09:00:00Z'),
      lastAttemptAt: new Date('2026-01-20T08:00:00Z'),
      createdAt: new Date('2020-03-01T00:00:00Z'),
    });
  });

  // Successful sign-ins are recorded since 2023-12-01 and not backfilled (signinactivity.md).
  it.each([
    [
      'attempts since 2023-12-01 but no success recorded: failed attempts only',
      { lastSignInDateTime: '2026-01-05T03:00:00Z', lastNonInteractiveSignInDateTime: null, lastSuccessfulSignInDateTime: null },
      'failed-attempts-only',
      null,
      '2026-01-05T03:00:00Z',
    ],
    [
      'an empty success written as ""',
      { lastSignInDateTime: '', lastNonInteractiveSignInDateTime: '2025-11-30T00:00:00Z', lastSuccessfulSignInDateTime: '' },
      'failed-attempts-only',
      null,
      '2025-11-30T00:00:00Z',
    ],
    [
      'no success and only attempts before 2023-12-01: the attempt is the best date known',
      {
        lastSignInDateTime: '2023-06-01T10:00:00Z',
        lastNonInteractiveSignInDateTime: '0001-01-01T00:00:00Z',
        lastSuccessfulSignInDateTime: '0001-01-01T00:00:00Z',
      },
      'attempt',
      '2023-06-01T10:00:00Z',
      '2023-06-01T10:00:00Z',
    ],
    [
      'a tenant that does not return lastSuccessfulSignInDateTime at all',
      { lastSignInDateTime: '2026-01-05T03:00:00Z', lastNonInteractiveSignInDateTime: '2026-01-06T03:00:00Z' },
      'attempt',
      '2026-01-06T03:00:00Z',
      '2026-01-06T03:00:00Z',
    ],
    [
      'no date at all (null, "" and 0001-01-01)',
      { lastSignInDateTime: null, lastNonInteractiveSignInDateTime: '', lastSuccessfulSignInDateTime: '0001-01-01T00:00:00Z' },
      'never',
      null,
      null,
    ],
    ['signInActivity null (never signed in)', null, 'never', null, null],
    ['a date that is not one', { lastSignInDateTime: 'garbage', lastSuccessfulSignInDateTime: 'garbage' }, 'never', null, null],
  ])('reads %s', (_case, activity, basis, lastSignInAt, lastAttemptAt) => {
    expect(parse(activity)).toMatchObject({
      basis,
      lastSignInAt: lastSignInAt === null ? null : new Date(lastSignInAt),
      lastAttemptAt: lastAttemptAt === null ? null : new Date(lastAttemptAt),
    });
  });

  it('reads a missing or empty creation date as unknown, and skips a record without an id', () => {
    const map = parseSignInActivity([
      { id: 'u2', signInActivity: null },
      { id: 'u3', createdDateTime: '0001-01-01T00:00:00Z', signInActivity: null },
      { signInActivity: null },
    ]);
    expect([...map]).toEqual([
      ['u2', { basis: 'never', lastSignInAt: null, lastAttemptAt: null, createdAt: null }],
      ['u3', { basis: 'never', lastSignInAt: null, lastAttemptAt: null, createdAt: null }],
    ]);
  });
});

describe('judgeSignIn', () => {
  const NOW = new Date('2026-02-01T06:00:00Z');
  const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);
  const info = (basis: SignInInfo['basis'], dates: { last?: Date; attempt?: Date; created?: Date | null }): SignInInfo => ({
    basis,
    lastSignInAt: dates.last ?? null,
    lastAttemptAt: dates.attempt ?? dates.last ?? null,
    createdAt: dates.created === undefined ? daysAgo(1000) : dates.created,
  });
  const SINCE = new Date('2023-12-01T00:00:00Z');

  it.each<[string, SignInInfo | undefined, number, SignInVerdict['status'], Record<string, unknown>?]>([
    ['no data for the account', undefined, 90, 'unknown'],
    [
      'last success 120 days ago',
      info('successful', { last: daysAgo(120), attempt: daysAgo(2) }),
      90,
      'inactive',
      { basis: 'successful', lastSignInAt: daysAgo(120) },
    ],
    ['last success exactly 90 days ago', info('successful', { last: daysAgo(90) }), 90, 'active'],
    ['last success 10 days ago', info('successful', { last: daysAgo(10) }), 90, 'active'],
    [
      'an attempt of unknown outcome 1000 days ago',
      info('attempt', { last: daysAgo(1000), created: daysAgo(2000) }),
      90,
      'inactive',
      { basis: 'attempt', lastSignInAt: daysAgo(1000) },
    ],
    [
      'failed attempts only, created long ago',
      info('failed-attempts-only', { attempt: daysAgo(3) }),
      90,
      'inactive',
      { basis: 'failed-attempts-only', lastSignInAt: null, lastAttemptAt: daysAgo(3), noSuccessSince: SINCE },
    ],
    [
      'failed attempts only, created after 2023-12-01: never signed in',
      info('failed-attempts-only', { attempt: daysAgo(3), created: new Date('2024-03-01T00:00:00Z') }),
      90,
      'never-signed-in',
    ],
    [
      'failed attempts only, INACTIVE_DAYS reaching before 2023-12-01',
      info('failed-attempts-only', { attempt: daysAgo(3), created: daysAgo(3000) }),
      1000,
      'active',
    ],
    ['never signed in, created 200 days ago', info('never', { created: daysAgo(200) }), 90, 'never-signed-in'],
    ['never signed in, of unknown age (before 2018)', info('never', { created: null }), 90, 'never-signed-in'],
    ['never signed in, created last week', info('never', { created: daysAgo(7) }), 90, 'recent-account'],
    ['created exactly 90 days ago', info('never', { created: daysAgo(90) }), 90, 'recent-account'],
    ['failed attempts on an account created 30 days ago', info('failed-attempts-only', { attempt: daysAgo(1), created: daysAgo(30) }), 90, 'recent-account'],
  ])('%s', (_case, signIn, days, status, fields) => {
    expect(judgeSignIn(signIn, days, NOW)).toEqual({ status, ...fields });
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
