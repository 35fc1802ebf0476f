import type { Lease, TextStore } from '../../src/ports.js';

export interface MemoryStore extends TextStore {
  files: Map<string, string>;
  /** When set, get (resp. put, list) throws: storage unreachable. */
  failGet?: boolean;
  failPut?: boolean;
  failList?: boolean;
}

/** A TextStore in memory, as the Blob and folder stores behave: list returns full keys, sorted. */
export function memoryStore(initial: Record<string, string> = {}): MemoryStore {
  const files = new Map(Object.entries(initial));
  const store: MemoryStore = {
    files,
    failGet: false,
    failPut: false,
    failList: false,
    async get(key) {
      if (store.failGet) throw new Error('storage unreachable');
      return files.get(key);
    },
    async put(key, text) {
      if (store.failPut) throw new Error('storage unreachable');
      files.set(key, text);
    },
    async list(prefix) {
      if (store.failList) throw new Error('storage unreachable');
      return [...files.keys()].filter((key) => key.startsWith(prefix)).sort();
    },
    async tryAcquireLease(): Promise<Lease | undefined> {
      return { renew: async () => {}, release: async () => {} };
    },
  };
  return store;
}
