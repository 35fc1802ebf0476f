// azd postprovision hook (azure.yaml): see src/setup/runPostprovision.ts.
import { runPostprovision } from '../src/setup/runPostprovision.js';

process.exitCode = await runPostprovision({ env: process.env, print: (line) => process.stdout.write(`${line}\n`) });
