import { defineConfig } from 'vitest/config';

// `npm test` (`vitest run`) runs every project; one alone: `npx vitest run --project unit`.
// - unit: in-process tests (msw, fakes, Azurite), in worker threads that keep modules loaded from one
//   file to the next (isolate: false): importing the app once per worker, not once per file, is
//   most of the suite's time. Files must not depend on each other's state: `--sequence.shuffle`.
// - unit-own-process: the unit files that need modules of their own: msal-node picks its managed
//   identity source once per process, from the environment of the first request.
// - e2e: the real job against the fake tenant over HTTPS loopback, child processes killed mid-run.
// Two workers: the machine this is measured on has 2 cores, and most files wait on sockets.
const OWN_PROCESS = ['test/adapters/auth/createTokenProvider.test.ts', 'test/adapters/auth/managedIdentity.test.ts'];
/** .ci/run asks for a JSON report through the environment: it runs `npm run check`, which runs `npm test`. */
const jsonReport = process.env['TEST_JSON_REPORT'];

export default defineConfig({
  test: {
    maxWorkers: 2,
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
    testTimeout: 20_000,
    hookTimeout: 30_000,
    setupFiles: ['test/support/tempDirs.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', ...OWN_PROCESS], pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'unit-own-process', include: OWN_PROCESS, pool: 'forks' } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], pool: 'forks' } },
    ],
  },
});
