#!/usr/bin/env node
// `npm run report -- [--dry-run] [--force] [--site CODE]... [--json]`
import { runCli } from './cli/runCli.js';

const code = await runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
