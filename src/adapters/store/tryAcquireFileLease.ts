import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Clock, Lease, LeaseHolder } from '../../ports.js';
import { replaceFile } from './replaceFile.js';

// A lease on <dir>/<name> is a chain of generation files <dir>/.<name>.lease.<n>; the highest n says
// who holds it: {holder, pid, host, expiresAt, released?}. Taking the lease is creating generation
// n+1 with link(2), which fails on an existing name and never shows half a file: of several takers
// exactly one wins, and nobody ever deletes a file another holder may be relying on (the old ones are
// removed by the winner, below its own). Generation n is free once released, expired, or held by a
// process of this machine that is gone (a crash or SIGKILL frees the lease at once).
// Why not proper-lockfile or a takeover mutex: docs/decisions/local-lock-protocol.md.

interface LockState {
  holder: string;
  pid: number;
  host: string;
  expiresAt: string;
  released?: boolean;
}
interface Generation {
  n: number;
  file: string;
  /** undefined: unreadable (written by hand, or damaged): judged by its age. */
  state: LockState | undefined;
  mtimeMs: number;
}

const INFINITE = '9999-12-31T23:59:59.999Z';

const isCode = (error: unknown, code: string) => (error as NodeJS.ErrnoException | null)?.code === code;
const generationFile = (file: string, n: number) => path.join(path.dirname(file), `.${path.basename(file)}.lease.${n}`);

function processIsGone(state: LockState): boolean {
  // Another machine's process, or this very process (another store or thread): only expiry tells.
  if (state.host !== hostname() || state.pid === process.pid) return false;
  try {
    process.kill(state.pid, 0); // signal 0: only asks whether the process exists
    return false;
  } catch (error) {
    return !isCode(error, 'EPERM'); // EPERM: it exists, under another user
  }
}

function parseState(text: string): LockState | undefined {
  try {
    const state = JSON.parse(text) as Partial<LockState>;
    const valid =
      typeof state.holder === 'string' && Number.isInteger(state.pid) && typeof state.host === 'string' && !Number.isNaN(Date.parse(String(state.expiresAt)));
    return valid ? (state as LockState) : undefined;
  } catch {
    return undefined;
  }
}

/** Generation numbers present, highest first. */
async function generations(file: string): Promise<number[]> {
  const prefix = `.${path.basename(file)}.lease.`;
  const names = await readdir(path.dirname(file)).catch((error: unknown) => {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  });
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => b - a);
}

async function currentGeneration(file: string): Promise<Generation | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [n] = await generations(file);
    if (n === undefined) return undefined;
    const at = generationFile(file, n);
    try {
      const [text, info] = await Promise.all([readFile(at, 'utf8'), stat(at)]);
      return { n, file: at, state: parseState(text), mtimeMs: info.mtimeMs };
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error; // removed meanwhile by a newer holder: look again
    }
  }
  throw new Error(`The lease ${path.basename(file)} changes too fast to be read`);
}

function isFree(generation: Generation, durationMs: number, now: number): boolean {
  const { state } = generation;
  if (!state) return generation.mtimeMs + durationMs <= now;
  return state.released === true || Date.parse(state.expiresAt) <= now || processIsGone(state);
}

/** Creates `file` holding `text` unless it exists (link is atomic and exclusive). */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, text, 'utf8');
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

export async function tryAcquireFileLease(file: string, durationSeconds: number, clock: Clock): Promise<Lease | undefined> {
  if (durationSeconds !== -1 && !(durationSeconds > 0 && Number.isFinite(durationSeconds))) {
    throw new Error(`Lease duration must be a positive number of seconds, or -1 for infinite (got ${durationSeconds})`);
  }
  const durationMs = durationSeconds === -1 ? Infinity : durationSeconds * 1000; // -1: only release() frees it
  const holder = randomUUID();
  const stateText = (released = false) => {
    const expiresAt = durationMs === Infinity ? INFINITE : new Date(clock.now().getTime() + durationMs).toISOString();
    return JSON.stringify({ holder, pid: process.pid, host: hostname(), expiresAt, ...(released ? { released } : {}) } satisfies LockState);
  };

  await mkdir(path.dirname(file), { recursive: true });
  const current = await currentGeneration(file);
  if (current && !isFree(current, durationMs, clock.now().getTime())) return undefined;
  const n = (current?.n ?? 0) + 1;
  const mine = generationFile(file, n);
  if (!(await createExclusive(mine, stateText()))) return undefined;
  // A taker that read an older generation may have created n after a newer one appeared: it lost.
  const [highest = n, ...older] = await generations(file);
  if (highest > n) {
    await unlink(mine).catch(() => undefined);
    return undefined;
  }
  await Promise.all(older.map((k) => unlink(generationFile(file, k)).catch(() => undefined)));

  let released = false;
  const isMine = async () => (await currentGeneration(file))?.state?.holder === holder;
  return {
    async renew() {
      if (released) throw new Error('The lease was already released');
      if (!(await isMine())) throw new Error(`The lease ${path.basename(file)} was lost: it expired and another run took it over`);
      await replaceFile(mine, stateText());
    },
    async release() {
      if (released) return;
      released = true;
      if (await isMine()) await replaceFile(mine, stateText(true));
    },
  };
}

/** Who holds the lease on `file`, for a refused run's message; undefined when it is free. */
export async function readFileLeaseHolder(file: string, durationSeconds: number, clock: Clock): Promise<LeaseHolder | undefined> {
  const current = await currentGeneration(file);
  const durationMs = durationSeconds === -1 ? Infinity : durationSeconds * 1000;
  if (!current || isFree(current, durationMs, clock.now().getTime())) return undefined;
  const { state } = current;
  if (state && state.host === hostname()) return { endsWith: 'process', pid: state.pid };
  const expiresAt = state ? state.expiresAt : new Date(current.mtimeMs + durationMs).toISOString();
  return { endsWith: 'expiry', ...(expiresAt === INFINITE ? {} : { expiresAt }), ...(state ? { host: state.host } : {}) };
}
