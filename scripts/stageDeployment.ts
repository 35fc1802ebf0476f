// `npm run package` (azd runs it before zipping, azure.yaml `dist: .deploy`): the function app as it is
// deployed, in .deploy/ (or the folder given): host.json, package.json and its lock, the compiled app
// (dist/src, dist/functions, no test, no tool, no source map), the compiled mail templates (dist/templates), and only the runtime
// dependencies, installed by `npm ci --omit=dev`. The benchmark measures its node_modules.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the Functions host and the app read at run time, relative to the project root. */
export const DEPLOYED = ['host.json', 'package.json', 'package-lock.json', 'dist/src', 'dist/functions', 'dist/templates'] as const;

/** Bytes and files under `dir`, as on disk (apparent sizes). */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** Stages the deployment in `target` (emptied first) and installs its runtime dependencies. */
export async function stageDeployment(target: string, root = ROOT): Promise<{ target: string; nodeModules: { bytes: number; files: number } }> {
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const entry of DEPLOYED) {
    await cp(path.join(root, entry), path.join(target, entry), { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  // --ignore-scripts: the package is already built (no `prepare`), and no dependency needs a script.
  const npm = process.env['npm_execpath'];
  const [command, args] = npm?.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  await promisify(execFile)(command, [...args, 'ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: target,
    shell: process.platform === 'win32' && command === 'npm',
    maxBuffer: 16 * 1024 * 1024,
  });
  return { target, nodeModules: await folderSize(path.join(target, 'node_modules')) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const target = path.resolve(process.argv[2] ?? path.join(ROOT, '.deploy'));
  const staged = await stageDeployment(target);
  const mb = (staged.nodeModules.bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(`Staged the function app in ${staged.target} (runtime node_modules: ${mb} MB, ${staged.nodeModules.files} files)\n`);
}
