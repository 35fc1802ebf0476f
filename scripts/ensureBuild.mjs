// Build once (docs/decisions/build-once.md): `npm ci` builds through `prepare`, and every npm script
// that runs the app (report, demo, bench...) goes through scripts/run.mjs, which rebuilds only when a
// source is newer than the last build. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Written after every successful build; its time is the build's start. */
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
/** What the build reads: a change to any of these makes the build stale. */
const INPUTS = ['src', 'functions', 'scripts', 'test/fakeTenant', 'templates', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** True when some input was modified after `since` (ms). Stops at the first one found. */
function changedSince(entry, since) {
  let stats;
  try {
    stats = statSync(entry);
  } catch {
    return false; // an input that does not exist (yet) changes nothing
  }
  if (stats.mtimeMs > since) return true;
  if (!stats.isDirectory()) return false;
  return readdirSync(entry).some((name) => changedSince(path.join(entry, name), since));
}

/** Why the build must run, or undefined when dist/ is up to date. */
export function staleBecause() {
  if (!existsSync(STAMP)) return 'no build yet';
  const builtAt = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((input) => changedSince(path.join(ROOT, input), builtAt));
  return changed ? `${changed} changed since the last build` : undefined;
}

/**
 * Runs `npm run build` (the one place the build is defined) when dist/ is stale. Its output goes to
 * stderr, so that `npm run -s report -- --json` prints the JSON document alone on stdout.
 */
export function ensureBuild({ quiet = false } = {}) {
  const reason = staleBecause();
  if (reason === undefined) return;
  if (!quiet) process.stderr.write(`Building (${reason})...\n`);
  const startedAt = new Date();
  // Under npm, npm_execpath is npm's own CLI: no shell, no PATH lookup, the same npm version.
  const npm = process.env['npm_execpath'];
  const [command, args] = npm && npm.endsWith('.js') ? [process.execPath, [npm, 'run', '-s', 'build']] : ['npm', ['run', '-s', 'build']];
  const built = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' && command === 'npm' });
  if (built.status !== 0) {
    process.stderr.write(`The build failed (npm run build${built.error ? `: ${built.error.message}` : ''}).\n`);
    process.exit(built.status ?? 1);
  }
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `built from sources as of ${startedAt.toISOString()}\n`);
  // A file saved while the build ran is newer than this and triggers the next build.
  utimesSync(STAMP, startedAt, startedAt);
}

// `prepare` (npm ci / npm install): build unless this is a production install without TypeScript
// (`npm ci --omit=dev` of an already built folder), where there is nothing to build with.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (existsSync(path.join(ROOT, 'node_modules', 'typescript'))) ensureBuild();
}
