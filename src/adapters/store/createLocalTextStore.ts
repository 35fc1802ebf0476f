import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock, TextStore } from '../../ports.js';
import { checkStoreKey } from './checkStoreKey.js';
import { replaceFile } from './replaceFile.js';
import { readFileLeaseHolder, tryAcquireFileLease } from './tryAcquireFileLease.js';

export interface LocalTextStoreOptions {
  /** Lease expiry times; default the system clock. */
  clock?: Clock;
}

const isCode = (error: unknown, ...codes: string[]) => codes.includes((error as NodeJS.ErrnoException | null)?.code ?? '');
/** Temp files and lease generations are hidden files; keys never start with "." (checkStoreKey). */
const isHidden = (name: string) => name.startsWith('.');

/** A TextStore in a local folder: key "ledger/2026-11/SIEGE.json" is the file <dir>/ledger/2026-11/SIEGE.json. */
export function createLocalTextStore(dir: string, options: LocalTextStoreOptions = {}): TextStore & Required<Pick<TextStore, 'leaseHolder'>> {
  const root = path.resolve(dir);
  const clock = options.clock ?? { now: () => new Date() };
  const fileOf = (key: string) => path.join(root, ...checkStoreKey(key));

  return {
    async get(key) {
      try {
        return await readFile(fileOf(key), 'utf8');
      } catch (error) {
        if (isCode(error, 'ENOENT', 'EISDIR', 'ENOTDIR')) return undefined;
        throw error;
      }
    },

    async put(key, text) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await replaceFile(file, text);
    },

    async list(prefix) {
      // Walk only the folder the prefix names ("ledger/2026-11/" -> <dir>/ledger/2026-11).
      const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      const start = folder ? path.join(root, ...checkStoreKey(folder)) : root;
      let entries;
      try {
        entries = await readdir(start, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isCode(error, 'ENOENT', 'ENOTDIR')) return [];
        throw error;
      }
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep))
        .filter((segments) => !segments.some(isHidden))
        .map((segments) => segments.join('/'))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },

    tryAcquireLease(key, durationSeconds) {
      return tryAcquireFileLease(fileOf(key), durationSeconds, clock);
    },

    leaseHolder(key, durationSeconds) {
      return readFileLeaseHolder(fileOf(key), durationSeconds, clock);
    },
  };
}
