import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalTextStore } from '../../../src/adapters/store/createLocalTextStore.js';
import { describeTextStoreBehaviour } from './textStoreBehaviour.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'store-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function manualClock(start = Date.parse('2026-12-01T06:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

describeTextStoreBehaviour('local folder store', async () => createLocalTextStore(await freshDir()));

describe('createLocalTextStore', () => {
  it('keeps keys as files under its folder', async () => {
    const dir = await freshDir();
    await createLocalTextStore(dir).put('ledger/2026-11/SIEGE.json', '{}');
    expect(await readFile(path.join(dir, 'ledger', '2026-11', 'SIEGE.json'), 'utf8')).toBe('{}');
  });

  it('leaves no temporary file behind after writes', async () => {
    const dir = await freshDir();
    const store = createLocalTextStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('runs/r.json', `v${i}`)));
    expect(await readdir(path.join(dir, 'runs'))).toEqual(['r.json']);
    expect(await store.get('runs/r.json')).toMatch(/^v\d+$/);
  });

  it('lets another run take over a lease whose holder stopped renewing (a crash)', async () => {
    const clock = manualClock();
    const store = createLocalTextStore(await freshDir(), { clock });
    const crashed = await store.tryAcquireLease('locks/2026-11', 60);
    clock.advance(59_000);
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined();
    clock.advance(1_000);
    const next = await store.tryAcquireLease('locks/2026-11', 60);
    expect(next).toBeDefined();
    // The old holder learns it lost the lease, and its release leaves the new one in place.
    await expect(crashed?.renew()).rejects.toThrow(/was lost/);
    await crashed?.release();
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined();
  });

  it('keeps a renewed lease past its first expiry', async () => {
    const clock = manualClock();
    const store = createLocalTextStore(await freshDir(), { clock });
    const lease = await store.tryAcquireLease('locks/2026-11', 60);
    clock.advance(50_000);
    await lease?.renew();
    clock.advance(50_000);
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined();
  });

  it('gives an expired lease to exactly one of many runs taking it over at once', async () => {
    const clock = manualClock();
    const dir = await freshDir();
    // Repeated: a lost race shows up only in some interleavings.
    for (let round = 0; round < 20; round++) {
      await createLocalTextStore(dir, { clock }).tryAcquireLease('locks/2026-11', 60);
      clock.advance(61_000);
      // Separate store objects, as separate processes would have.
      const leases = await Promise.all(Array.from({ length: 10 }, () => createLocalTextStore(dir, { clock }).tryAcquireLease('locks/2026-11', 60)));
      expect(leases.filter(Boolean)).toHaveLength(1);
      expect(await readdir(path.join(dir, 'locks'))).toEqual(['2026-11']);
      clock.advance(61_000);
    }
  });

  it('takes over an expired lease even when a crashed taker left its takeover mutex behind', async () => {
    const clock = manualClock();
    const dir = await freshDir();
    await createLocalTextStore(dir, { clock }).tryAcquireLease('locks/2026-11', 60);
    clock.advance(61_000);
    const mutex = path.join(dir, 'locks', '.2026-11.takeover');
    await writeFile(mutex, '123');
    expect(await createLocalTextStore(dir, { clock }).tryAcquireLease('locks/2026-11', 60)).toBeUndefined(); // someone is taking over
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(mutex, longAgo, longAgo);
    expect(await createLocalTextStore(dir, { clock }).tryAcquireLease('locks/2026-11', 60)).toBeDefined();
  });

  it('judges an empty lock file (a crash before writing it) by its age', async () => {
    const dir = await freshDir();
    await mkdir(path.join(dir, 'locks'), { recursive: true });
    const lockFile = path.join(dir, 'locks', '2026-11');
    await writeFile(lockFile, '');
    const store = createLocalTextStore(dir);
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined();
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(lockFile, twoMinutesAgo, twoMinutesAgo);
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeDefined();
  });

  it('never lets a key reach outside its folder', async () => {
    const dir = await freshDir();
    const store = createLocalTextStore(path.join(dir, 'state'));
    await expect(store.put('../escaped.json', 'x')).rejects.toThrow(/Invalid store key "..\/escaped.json"/);
    await expect(store.list('../')).rejects.toThrow(/Invalid store key/);
    expect(await readdir(dir)).toEqual([]);
  });
});
