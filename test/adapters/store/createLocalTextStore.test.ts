import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalTextStore } from '../../../src/adapters/store/createLocalTextStore.js';
import { holdLeaseInChild, removeChildBuild } from './childLeaseHolder.js';
import { describeTextStoreBehaviour } from './textStoreBehaviour.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'store-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  removeChildBuild();
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
      expect(await readdir(path.join(dir, 'locks'))).toHaveLength(1); // the lease's one file: nothing left behind
      clock.advance(61_000);
    }
  });

  it('takes over at once a lease whose holder process on this machine was killed (SIGKILL), long before it expires', { timeout: 30_000 }, async () => {
    const dir = await freshDir();
    const holder = holdLeaseInChild(dir, 'locks/2026-11', 60);
    try {
      expect(await holder.outcome).toBe('held');
      const store = createLocalTextStore(dir);
      expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined(); // alive: it keeps the month
      expect(await store.leaseHolder('locks/2026-11', 60)).toEqual({ endsWith: 'process', pid: holder.pid });
    } finally {
      await holder.kill('SIGKILL');
    }
    const store = createLocalTextStore(dir);
    expect(await store.leaseHolder('locks/2026-11', 60)).toBeUndefined();
    const next = await store.tryAcquireLease('locks/2026-11', 60);
    expect(next).toBeDefined();
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined();
    await next?.release();
  });

  it('judges a lease held from another machine (a shared folder) by its expiry alone', async () => {
    const clock = manualClock();
    const dir = await freshDir();
    await mkdir(path.join(dir, 'locks'), { recursive: true });
    // As another host's run writes it; its pid means nothing here.
    const expiresAt = new Date(clock.now().getTime() + 30_000).toISOString();
    await writeFile(path.join(dir, 'locks', '.2026-11.lease.4'), JSON.stringify({ holder: 'h', pid: 999_999_999, host: 'other-host', expiresAt }));
    const store = createLocalTextStore(dir, { clock });
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeUndefined();
    expect(await store.leaseHolder('locks/2026-11', 60)).toEqual({ endsWith: 'expiry', expiresAt, host: 'other-host' });
    clock.advance(30_000);
    expect(await store.tryAcquireLease('locks/2026-11', 60)).toBeDefined();
  });

  it('judges an unreadable lock file by its age', async () => {
    const dir = await freshDir();
    await mkdir(path.join(dir, 'locks'), { recursive: true });
    const lockFile = path.join(dir, 'locks', '.2026-11.lease.1');
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
