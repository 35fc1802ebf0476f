// One behaviour table for every TextStore: what the ledger, snapshots and run statuses rely on.
import { describe, expect, it } from 'vitest';
import type { TextStore } from '../../../src/ports.js';

export function describeTextStoreBehaviour(name: string, makeStore: () => Promise<TextStore> | TextStore, leaseSeconds = 30): void {
  describe(`${name}: behaves as a TextStore`, () => {
    it('answers undefined for a key never written', async () => {
      const store = await makeStore();
      expect(await store.get('ledger/2026-11/NOPE.json')).toBeUndefined();
    });

    it('gives back exactly the text it was given, accents and line breaks included', async () => {
      const store = await makeStore();
      const text = '{"site":"Siège 😀"}\r\nligne 2\n';
      await store.put('ledger/2026-11/SIEGE.json', text);
      expect(await store.get('ledger/2026-11/SIEGE.json')).toBe(text);
    });

    it('replaces the text on a second put', async () => {
      const store = await makeStore();
      await store.put('snapshots/a.json', 'first');
      await store.put('snapshots/a.json', 'second');
      expect(await store.get('snapshots/a.json')).toBe('second');
    });

    it('lists the keys under a prefix, sorted, and nothing else', async () => {
      const store = await makeStore();
      for (const key of ['ledger/2026-11/SIEGE.json', 'ledger/2026-11/FLP.json', 'ledger/2026-12/SIEGE.json', 'runs/r1.json']) {
        await store.put(key, key);
      }
      expect(await store.list('ledger/2026-11/')).toEqual(['ledger/2026-11/FLP.json', 'ledger/2026-11/SIEGE.json']);
      expect(await store.list('ledger/')).toHaveLength(3);
      expect(await store.list('nothing/here/')).toEqual([]);
    });

    it.each(['../outside.json', 'ledger/../../x', 'a//b', '/abs', 'a\\b', '', '.hidden', 'locks/.2026-11.takeover'])('refuses the key %j', async (key) => {
      const store = await makeStore();
      await expect(store.put(key, 'x')).rejects.toThrow(/Invalid store key/);
      await expect(store.get(key)).rejects.toThrow(/Invalid store key/);
    });

    it('gives a lease to one holder at a time', async () => {
      const store = await makeStore();
      const first = await store.tryAcquireLease('locks/2026-11', leaseSeconds);
      expect(first).toBeDefined();
      expect(await store.tryAcquireLease('locks/2026-11', leaseSeconds)).toBeUndefined();
      await first?.renew();
      expect(await store.tryAcquireLease('locks/2026-11', leaseSeconds)).toBeUndefined();
      expect(await store.tryAcquireLease('locks/2026-12', leaseSeconds)).toBeDefined();
    });

    it('gives the lease to exactly one of many simultaneous callers', async () => {
      const store = await makeStore();
      const leases = await Promise.all(Array.from({ length: 8 }, () => store.tryAcquireLease('locks/race', leaseSeconds)));
      expect(leases.filter(Boolean)).toHaveLength(1);
    });

    it('lets a new holder in after release, and a stale release does not free it', async () => {
      const store = await makeStore();
      const first = await store.tryAcquireLease('locks/2026-11', leaseSeconds);
      await first?.release();
      const second = await store.tryAcquireLease('locks/2026-11', leaseSeconds);
      expect(second).toBeDefined();
      await first?.release();
      expect(await store.tryAcquireLease('locks/2026-11', leaseSeconds)).toBeUndefined();
      await second?.release();
      expect(await store.tryAcquireLease('locks/2026-11', leaseSeconds)).toBeDefined();
    });

    it('refuses to renew a released lease', async () => {
      const store = await makeStore();
      const lease = await store.tryAcquireLease('locks/2026-11', leaseSeconds);
      await lease?.release();
      await expect(lease?.renew()).rejects.toThrow(/released/);
    });
  });
}
