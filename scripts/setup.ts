// `npm run setup -- lists [--prefill-prices]`: see src/setup/runSetup.ts.
import { runSetup } from '../src/setup/runSetup.js';

process.exitCode = await runSetup(process.argv.slice(2), { env: process.env, print: (line) => process.stdout.write(`${line}\n`) });
