// azd postprovision hook (azure.yaml): see src/setup/runPostprovision.ts. Runs `npm run doctor`
// when package.json has one (it arrives with the doctor).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runPostprovision } from '../src/setup/runPostprovision.js';

const hasDoctor = (): boolean => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  return typeof scripts['doctor'] === 'string';
};

const doctor = (): Promise<number | undefined> =>
  hasDoctor()
    ? new Promise((resolve) => {
        const child = spawn('npm', ['run', 'doctor'], { stdio: 'inherit', shell: process.platform === 'win32' });
        child.on('error', () => resolve(1));
        child.on('exit', (code) => resolve(code ?? 1));
      })
    : Promise.resolve(undefined);

process.exitCode = await runPostprovision({ env: process.env, print: (line) => process.stdout.write(`${line}\n`), doctor });
