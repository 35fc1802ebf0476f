// `npm run screenshots`: runs the demo, then photographs what it wrote in headless Chromium for the
// README (docs/*.png): a site report as a mail pane (600 px) and a phone (375 px) show it, and the run
// summary. The top of each mail: what a reader sees first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMailBrowser } from './mailBrowser.js';

const compiledRoot = fileURLToPath(new URL('../../', import.meta.url)); // dist/scripts/ -> the project
const root = existsSync(path.join(compiledRoot, 'package.json')) ? compiledRoot : process.cwd();
/** The demo's second month: the site mails then show changes since the first. */
const MONTH = '2026-11';
const outbox = path.join(root, 'outbox', 'demo', MONTH);

const SHOTS = [
  { mail: `${MONTH}-SIEGE.html`, width: 600, height: 1500, file: 'site-report-600.png' },
  { mail: `${MONTH}-SIEGE.html`, width: 375, height: 1334, file: 'site-report-375.png' },
  { mail: `${MONTH}-summary.html`, width: 600, height: 1700, file: 'summary-600.png' },
  { mail: `${MONTH}-summary.html`, width: 375, height: 1334, file: 'summary-375.png' },
] as const;

async function main(): Promise<number> {
  const demo = spawnSync(process.execPath, [path.join(root, 'dist', 'scripts', 'demo.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (demo.status !== 0) {
    process.stderr.write(`the demo failed (exit ${demo.status ?? demo.signal}): run \`npm run demo\` to see why\n`);
    return 1;
  }
  const browser = await openMailBrowser();
  try {
    for (const shot of SHOTS) {
      const html = await readFile(path.join(outbox, shot.mail), 'utf8');
      const page = await browser.open(html, shot.width, shot.height);
      const height = Math.min(shot.height, await page.evaluate(() => document.documentElement.scrollHeight));
      const target = path.join(root, 'docs', shot.file);
      await page.screenshot({ path: target, clip: { x: 0, y: 0, width: shot.width, height } });
      await page.close();
      process.stdout.write(`${path.relative(process.cwd(), target)}: ${shot.mail} at ${shot.width} px\n`);
    }
  } finally {
    await browser.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
