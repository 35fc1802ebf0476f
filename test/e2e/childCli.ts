// The CLI as a separate process, so a test can kill it with SIGKILL halfway through a run.
// src/ is transpiled (TypeScript's transpileModule: no type check, ~1 s) into a temp folder that
// links node_modules and templates/, instead of a full `tsc` build (slower, and it would need every
// file of the project, work in progress included, to compile). The entry point is src/cli.ts's
// job with the test's fixed clock, so the child reports on the same month as the in-process rerun.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

const CHILD_ENTRY = `// Like src/cli.ts, with the clock the parent test fixed (E2E_NOW).
import { runCli } from './src/cli/runCli.js';
const now = new Date(process.env.E2E_NOW);
const code = await runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text + '\\n'),
  err: (text) => process.stderr.write(text + '\\n'),
}, { clock: { now: () => now } });
process.exitCode = code;
`;

/** Transpiles src/ once into a temp folder; returns the path of the child's entry script. */
export function buildChildCli(): string {
  const out = mkdtempSync(join(tmpdir(), 'e2e-cli-'));
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  for (const file of files) {
    const source = readFileSync(join(root, 'src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2023, esModuleInterop: true },
    });
    const target = join(out, 'src', file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  // Bare imports resolve through node_modules; createRenderer looks for the compiled templates
  // (dist/templates, written by `npm run build:templates`) and their sources above itself.
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  symlinkSync(join(root, 'templates'), join(out, 'templates'), 'dir');
  mkdirSync(join(out, 'dist'));
  symlinkSync(join(root, 'dist', 'templates'), join(out, 'dist', 'templates'), 'dir');
  writeFileSync(join(out, 'child.js'), CHILD_ENTRY);
  return join(out, 'child.js');
}

export interface ChildRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals>;
}

export function spawnChildCli(entry: string, argv: string[], env: Record<string, string>): ChildRun {
  const child = spawn(process.execPath, [entry, ...argv], {
    cwd: dirname(entry),
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}
