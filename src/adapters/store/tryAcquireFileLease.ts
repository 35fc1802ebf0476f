import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Clock, Lease } from '../../ports.js';
import { createFileExclusive } from './createFileExclusive.js';
import { replaceFile } from './replaceFile.js';
import { withFileMutex } from './withFileMutex.js';

// A lease is a lock file created with open(..., 'wx') (atomic: one creator wins) holding
// {"holder": <uuid>, "expiresAt": <ISO date>}. A crashed run leaves an expired file behind.
//
// The race handled when taking one over: two runs both judge the file expired; one deletes it
// and creates its own lock; the other, acting on its stale judgement, would then delete that
// fresh lock and create a second one. So the expired file is deleted only under a takeover
// mutex (".<name>.takeover", also created with 'wx'), and only after judging it again there.
// Plain creators never delete, so under the mutex the file changes only if its late holder
// renews at the moment it expires: a lease left to expire may be lost (as with blob leases);
// the holder learns it at its next renew(). release() takes the same mutex.

interface LockFile {
  text: string;
  mtimeMs: number;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
const hidden = (file: string, suffix: string) => path.join(path.dirname(file), `.${path.basename(file)}.${suffix}`);

async function readLockFile(file: string): Promise<LockFile | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { text, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function holderOf(lock: LockFile | undefined): string | undefined {
  try {
    const holder = (JSON.parse(lock?.text ?? '') as { holder?: unknown }).holder;
    return typeof holder === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

function expiresAt(lock: LockFile, durationMs: number): number {
  try {
    const at = Date.parse(String((JSON.parse(lock.text) as { expiresAt?: unknown }).expiresAt));
    if (!Number.isNaN(at)) return at;
  } catch {
    // Unreadable: a creator that has not written yet, or crashed before writing: judge by age.
  }
  return lock.mtimeMs + durationMs;
}

export async function tryAcquireFileLease(file: string, durationSeconds: number, clock: Clock): Promise<Lease | undefined> {
  if (durationSeconds !== -1 && !(durationSeconds > 0 && Number.isFinite(durationSeconds))) {
    throw new Error(`Lease duration must be a positive number of seconds, or -1 for infinite (got ${durationSeconds})`);
  }
  // -1 = infinite, as with blob leases: only release() frees it.
  const durationMs = durationSeconds === -1 ? Infinity : durationSeconds * 1000;
  const holder = randomUUID();
  const lockText = () =>
    JSON.stringify({ holder, expiresAt: durationMs === Infinity ? '9999-12-31T23:59:59.999Z' : new Date(clock.now().getTime() + durationMs).toISOString() });
  const isLive = (lock: LockFile) => expiresAt(lock, durationMs) > clock.now().getTime();
  const mutex = hidden(file, 'takeover');

  await mkdir(path.dirname(file), { recursive: true });
  if (!(await createFileExclusive(file, lockText()))) {
    const seen = await readLockFile(file);
    if (seen && isLive(seen)) return undefined;
    const won = await withFileMutex(mutex, async () => {
      const current = await readLockFile(file); // judged again: another taker may have been first
      if (current && isLive(current)) return false;
      if (current) await unlink(file).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
      return createFileExclusive(file, lockText());
    });
    if (!won) return undefined;
  }

  let released = false;
  const lost = () => new Error(`The lease ${path.basename(file)} was lost: it expired and another run took it over`);
  return {
    async renew() {
      if (released) throw new Error('The lease was already released');
      if (holderOf(await readLockFile(file)) !== holder) throw lost();
      await replaceFile(file, lockText());
    },
    async release() {
      if (released) return;
      released = true;
      // Busy mutex = a taker is replacing our expired lock: nothing left to release.
      await withFileMutex(mutex, async () => {
        if (holderOf(await readLockFile(file)) === holder) await unlink(file).catch(() => undefined);
      });
    },
  };
}
