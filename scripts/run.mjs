// `node scripts/run.mjs src/cli.js [args...]`: runs dist/src/cli.js with [args...], in this very process,
// after rebuilding dist/ only if a source changed since the last build (ensureBuild.mjs). What the
// npm scripts report, demo, fake-tenant, bench, setup and postprovision run.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild } from './ensureBuild.mjs';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node scripts/run.mjs <file under dist/, e.g. src/cli.js> [arguments...]\n');
  process.exit(2);
}
ensureBuild();
// The target sees the process.argv it would have if started directly: [node, itself, ...arguments].
const file = path.join(import.meta.dirname, '..', 'dist', target);
process.argv.splice(1, 2, file);
await import(pathToFileURL(file).href);
