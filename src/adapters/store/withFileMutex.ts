import { stat, unlink } from 'node:fs/promises';
import { createFileExclusive } from './createFileExclusive.js';

/** The work under a mutex lasts milliseconds: a mutex file this old was left by a crash. */
const ABANDONED_AFTER_MS = 30_000;

/**
 * Runs `work` while holding the mutex file `mutex` (created exclusively, deleted after);
 * resolves undefined without running it when another caller holds the mutex.
 */
export async function withFileMutex<T>(mutex: string, work: () => Promise<T>): Promise<T | undefined> {
  if (!(await createFileExclusive(mutex, String(process.pid)))) {
    const info = await stat(mutex).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs < ABANDONED_AFTER_MS) return undefined;
    await unlink(mutex).catch(() => undefined);
    if (!(await createFileExclusive(mutex, String(process.pid)))) return undefined;
  }
  try {
    return await work();
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}
