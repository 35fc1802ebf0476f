// Every test file's temporary folders live under one folder of its own, removed when the file is
// done: `os.tmpdir()` reads TMPDIR (TEMP/TMP on Windows) on each call, so every mkdtemp(tmpdir())
// of the tests, and of the child processes they start, lands there without each test cleaning up.
// Loaded for every test file by vitest.config.ts (setupFiles).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const systemTmp = tmpdir();
const root = mkdtempSync(path.join(systemTmp, 'm365-test-'));
for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = root;

afterAll(() => {
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = systemTmp;
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
