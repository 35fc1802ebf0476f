// A real process of this machine that takes a lease in a local state folder and holds it (renewing)
// until it is killed, so a test can SIGKILL it mid-lease as the host or a user would.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildChildCli } from '../../e2e/childCli.js';

const HOLD = `
const { createLocalTextStore } = await import(process.argv[1]);
const lease = await createLocalTextStore(process.argv[2]).tryAcquireLease(process.argv[3], Number(process.argv[4]));
process.stdout.write(lease ? 'held\\n' : 'refused\\n');
if (lease) setInterval(() => void lease.renew(), 1_000);
`;

export interface LeaseHolderProcess {
  pid: number;
  /** Resolves with 'held' or 'refused' once the child has tried. */
  outcome: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

let buildDir: string | undefined;

/** Removes the transpiled copy of src/ (call once the holders are gone). */
export function removeChildBuild(): void {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  buildDir = undefined;
}

/** Transpiles src/ once per test file (~1 s), then each call starts a holder in its own process. */
export function holdLeaseInChild(stateDir: string, key: string, seconds: number): LeaseHolderProcess {
  buildDir ??= dirname(buildChildCli());
  const storeModule = pathToFileURL(join(buildDir, 'src', 'adapters', 'store', 'createLocalTextStore.js')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOLD, storeModule, stateDir, key, String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const outcome = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    void exited.then(() => reject(new Error(`the lease holder exited before trying (${out})`)));
  });
  return {
    pid: child.pid ?? -1,
    outcome,
    async kill(signal) {
      child.kill(signal);
      await exited;
    },
  };
}
