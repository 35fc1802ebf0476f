#!/usr/bin/env node
// `npm run doctor -- [--json]`
import { runDoctorCli } from './cli/runDoctorCli.js';

process.exitCode = await runDoctorCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
