import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { createSignInReader, SIGN_IN_REQUESTS_IN_FLIGHT } from '../../src/insights/createSignInReader.js';
import { USERS_BY_ID_PER_REQUEST, type RawRecord } from '../../src/ports.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const user = (n: number): RawRecord => ({
  id: `u${n}`,
  createdDateTime: '2020-01-01T00:00:00Z',
  signInActivity: { lastSuccessfulSignInDateTime: '2025-01-10T00:00:00Z' },
});

/** A directory of `count` users, paged by `pageSize` like Graph with signInActivity; records what is asked. */
function directoryOf(count: number, pageSize = 120) {
  const users = Array.from({ length: count }, (_, i) => user(i));
  const fake = {
    pagesRead: 0,
    byId: [] as string[][],
    inFlight: 0,
    maxInFlight: 0,
    failById: undefined as Error | undefined,
    async *pageUsers() {
      for (let start = 0; start < users.length; start += pageSize) {
        await tick();
        fake.pagesRead += 1;
        yield users.slice(start, start + pageSize);
      }
    },
    async listUsersByIds(ids: readonly string[]) {
      fake.byId.push([...ids]);
      fake.inFlight += 1;
      fake.maxInFlight = Math.max(fake.maxInFlight, fake.inFlight);
      try {
        await tick();
        if (fake.failById) throw fake.failById;
        return users.filter((u) => ids.includes(String(u['id'])));
      } finally {
        fake.inFlight -= 1;
      }
    },
  };
  return fake;
}
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `u${from + i}`);

describe('createSignInReader', () => {
  it('reads a directory of one licensed page whole, in its pages, and nothing by id', async () => {
    const directory = directoryOf(592);
    const reader = createSignInReader(directory, { mode: 'tenant', usersOnFirstPage: Promise.resolve(592) });
    const read = await reader.forUsers(['u3', 'u591']);
    expect(directory.pagesRead).toBe(5);
    expect(directory.byId).toEqual([]);
    expect(read.signIns !== 'unavailable' && read.signIns.size).toBe(592);
  });

  it('stops paging a larger directory and reads the accounts asked for by id, each once, 40 a request', async () => {
    const directory = directoryOf(5_000);
    const reader = createSignInReader(directory, { mode: 'tenant', usersOnFirstPage: Promise.resolve(999) });
    const [a, b] = await Promise.all([reader.forUsers(ids(0, 300)), reader.forUsers(ids(200, 1_000))]);
    expect(directory.pagesRead).toBeLessThanOrEqual(2);
    const asked = directory.byId.flat();
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.every((id) => Number(id.slice(1)) >= 120)).toBe(true); // the first page already told those
    expect(directory.byId.every((batch) => batch.length <= USERS_BY_ID_PER_REQUEST)).toBe(true);
    expect(directory.byId.length).toBe(Math.ceil(asked.length / USERS_BY_ID_PER_REQUEST));
    expect(directory.maxInFlight).toBe(SIGN_IN_REQUESTS_IN_FLIGHT);
    for (const read of [a, b]) expect(read.signIns !== 'unavailable' && read.signIns.get('u999')?.basis).toBe('successful');
  });

  it('reads by id alone for some sites, never the whole tenant', async () => {
    const directory = directoryOf(5_000);
    const reader = createSignInReader(directory, { mode: 'by-id' });
    await reader.forUsers(ids(10, 20));
    expect(directory.pagesRead).toBe(0);
    expect(directory.byId).toEqual([ids(10, 20)]);
    expect(reader.current().signIns).toBeInstanceOf(Map);
  });

  it('turns the check off for the rest of the run at the first refusal, without a warning for a 403', async () => {
    const directory = directoryOf(5_000);
    directory.failById = new HttpError('GET', '/users', 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    const reader = createSignInReader(directory, { mode: 'by-id' });
    expect(await reader.forUsers(ids(0, 10))).toMatchObject({ signIns: 'unavailable', reason: 'forbidden' });
    const requests = directory.byId.length;
    expect(await reader.forUsers(ids(10, 20))).toMatchObject({ signIns: 'unavailable', reason: 'forbidden' });
    expect(directory.byId.length).toBe(requests);
    const now = reader.current();
    expect(now.signIns === 'unavailable' && now.warning).toBeUndefined();
  });

  it('warns when a read by id fails otherwise', async () => {
    const directory = directoryOf(100);
    directory.failById = new HttpError('GET', '/users', 503, 'Service Unavailable');
    const reader = createSignInReader(directory, { mode: 'by-id' });
    await reader.forUsers(['u1']);
    expect(reader.current()).toMatchObject({ signIns: 'unavailable', reason: 'error', warning: { code: 'insights-unavailable' } });
  });
});
