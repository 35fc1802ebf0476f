// azd postdeploy hook (azure.yaml): the doctor on the deployed app; see src/setup/runPostdeploy.ts.
import { runPostdeploy } from '../src/setup/runPostdeploy.js';

process.exitCode = await runPostdeploy({ env: process.env, print: (line) => process.stdout.write(`${line}\n`) });
