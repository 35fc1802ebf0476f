import { describe, expect, it } from 'vitest';
import { findAccountsToReview } from '../../src/insights/findAccountsToReview.js';
import type { SignInInfo } from '../../src/insights/types.js';
import { E1, E3, FLOW_FREE, PROJECT, row } from './fixtures.js';

const NOW = new Date('2026-02-01T06:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);
const signedIn = (days: number | null, createdDaysAgo: number | null = 1000): SignInInfo => ({
  basis: days === null ? 'never' : 'successful',
  lastSignInAt: days === null ? null : daysAgo(days),
  lastAttemptAt: days === null ? null : daysAgo(days),
  createdAt: createdDaysAgo === null ? null : daysAgo(createdDaysAgo),
});
/** Password spraying on an abandoned account: recent failed attempts, no success since 2023-12-01. */
const sprayed = (createdDaysAgo = 1000): SignInInfo => ({
  basis: 'failed-attempts-only',
  lastSignInAt: null,
  lastAttemptAt: daysAgo(2),
  createdAt: daysAgo(createdDaysAgo),
});

describe('findAccountsToReview', () => {
  const cases: Array<{ rule: string; account: ReturnType<typeof row>; signIn?: SignInInfo; expected: Array<[string, string]> }> = [
    {
      rule: 'a disabled account with E3 is listed with its paid license',
      account: row('u1', 'Ana', 'A', [E3, FLOW_FREE], { disabled: true }),
      expected: [['disabled-with-paid-license', 'Office 365 E3']],
    },
    { rule: 'a disabled account with only free licenses is not', account: row('u2', 'Ben', 'B', [E1, FLOW_FREE], { disabled: true }), expected: [] },
    { rule: 'a disabled account with an "N/A" (unpriced) license only is not', account: row('u3', 'Cléa', 'C', [PROJECT], { disabled: true }), expected: [] },
    {
      rule: 'a disabled account is not listed again as inactive',
      account: row('u4', 'Dia', 'D', [E3], { disabled: true }),
      signIn: signedIn(400),
      expected: [['disabled-with-paid-license', 'Office 365 E3']],
    },
    {
      rule: 'a guest with a paid license is listed',
      account: row('u5', 'Eve', 'E', [E3], { guest: true }),
      signIn: signedIn(5),
      expected: [['guest-with-paid-license', 'Office 365 E3']],
    },
    { rule: 'a guest with a free license is not', account: row('u6', 'Fay', 'F', [FLOW_FREE], { guest: true }), signIn: signedIn(5), expected: [] },
    {
      rule: 'no sign-in for more than 90 days is inactive, with the date',
      account: row('u7', 'Gil', 'G', [E3]),
      signIn: signedIn(120),
      expected: [['inactive', daysAgo(120).toISOString().slice(0, 10)]],
    },
    { rule: 'a sign-in 90 days ago exactly is not yet inactive', account: row('u8', 'Hal', 'H', [E3]), signIn: signedIn(90), expected: [] },
    { rule: 'a sign-in 10 days ago is active', account: row('u9', 'Ida', 'I', [E3]), signIn: signedIn(10), expected: [] },
    {
      rule: 'never signed in and created long ago is never used',
      account: row('u10', 'Jon', 'J', [E3]),
      signIn: signedIn(null, 200),
      expected: [['never-used', 'never signed in']],
    },
    {
      rule: 'never signed in and of unknown age (before 2018) is never used',
      account: row('u11', 'Kim', 'K', [E3]),
      signIn: signedIn(null, null),
      expected: [['never-used', 'never signed in']],
    },
    { rule: 'never signed in but created last week is not', account: row('u12', 'Léo', 'L', [E3]), signIn: signedIn(null, 7), expected: [] },
    { rule: 'an account missing from the sign-in data is not judged', account: row('u13', 'Mia', 'M', [E3]), expected: [] },
    {
      rule: 'recent failed attempts do not make an abandoned account active',
      account: row('u14', 'Ned', 'N', [E3]),
      signIn: sprayed(),
      expected: [['inactive', 'no successful sign-in since 2023-12-01']],
    },
    {
      rule: 'failed attempts only on an account created since 2023-12-01 is never used',
      account: row('u15', 'Ola', 'O', [E3]),
      signIn: sprayed(400),
      expected: [['never-used', 'never signed in']],
    },
    {
      rule: 'an inactive account with free licenses only is not listed (it costs nothing)',
      account: row('u16', 'Pia', 'P', [E1, FLOW_FREE]),
      signIn: signedIn(400),
      expected: [],
    },
    { rule: 'a never-used account with no license is not listed', account: row('u17', 'Quy', 'Q', []), signIn: signedIn(null, null), expected: [] },
    {
      rule: 'an inactive account with an unpriced (N/A) license only is not listed',
      account: row('u18', 'Rui', 'R', [PROJECT]),
      signIn: signedIn(400),
      expected: [],
    },
  ];

  it.each(cases)('$rule', ({ account, signIn, expected }) => {
    const signIns = new Map(signIn ? [[account.userId, signIn]] : []);
    const items = findAccountsToReview([account], signIns, 90, NOW);
    expect(items.map((item) => [item.reason, item.detail])).toEqual(expected);
  });

  it('when sign-ins are unavailable, still lists disabled accounts and guests but no inactive one', () => {
    const rows = [row('a', 'Old', 'Timer', [E3]), row('b', 'Off', 'Line', [E3], { disabled: true }), row('c', 'Gus', 'Guest', [E3], { guest: true })];
    expect(findAccountsToReview(rows, 'unavailable', 90, NOW).map((item) => [item.userId, item.reason])).toEqual([
      ['b', 'disabled-with-paid-license'],
      ['c', 'guest-with-paid-license'],
    ]);
  });

  it('groups the items by reason and gives what each account costs', () => {
    const rows = [row('z', 'Zoé', 'Z', [E3]), row('g', 'Guy', 'G', [E3], { guest: true }), row('d', 'Dom', 'D', [E3], { disabled: true })];
    const items = findAccountsToReview(rows, new Map([['z', signedIn(365)]]), 90, NOW);
    expect(items.map((item) => item.reason)).toEqual(['disabled-with-paid-license', 'guest-with-paid-license', 'inactive']);
    expect(items[2]).toMatchObject({
      name: 'Zoé Z',
      email: 'zoé.z@contoso.test',
      licenses: ['Office 365 E3'],
      monthlyCostCents: 630,
      lastSignInAt: daysAgo(365).toISOString(),
    });
  });

  it('says which date it used: the last successful sign-in, or the last (failed) attempt', () => {
    const rows = [row('s', 'Sam', 'S', [E3]), row('t', 'Tom', 'T', [E3]), row('a', 'Abe', 'A', [E3])];
    const attempt: SignInInfo = { basis: 'attempt', lastSignInAt: daysAgo(900), lastAttemptAt: daysAgo(900), createdAt: daysAgo(2000) };
    const items = findAccountsToReview(
      rows,
      new Map([
        ['s', signedIn(200)],
        ['t', sprayed()],
        ['a', attempt],
      ]),
      90,
      NOW,
    );
    expect(items.map((item) => [item.userId, item.signInBasis, item.lastSignInAt, item.lastAttemptAt])).toEqual([
      ['s', 'successful', daysAgo(200).toISOString(), undefined],
      ['t', 'failed-attempts-only', null, daysAgo(2).toISOString()],
      ['a', 'attempt', daysAgo(900).toISOString(), undefined],
    ]);
  });

  it('every account listed costs money', () => {
    const rows = [
      row('a', 'A', 'A', [E3]),
      row('b', 'B', 'B', [E1], { disabled: true }),
      row('c', 'C', 'C', [FLOW_FREE], { guest: true }),
      row('d', 'D', 'D', [E1]),
    ];
    const signIns = new Map(rows.map((r) => [r.userId, signedIn(null, null)]));
    const items = findAccountsToReview(rows, signIns, 90, NOW);
    expect(items.map((item) => item.userId)).toEqual(['a']);
    expect(items.every((item) => item.monthlyCostCents > 0)).toBe(true);
  });

  it('uses the configured number of days', () => {
    const account = row('x', 'Xan', 'X', [E3]);
    const signIns = new Map([['x', signedIn(45)]]);
    expect(findAccountsToReview([account], signIns, 30, NOW)).toHaveLength(1);
    expect(findAccountsToReview([account], signIns, 60, NOW)).toHaveLength(0);
  });
});
