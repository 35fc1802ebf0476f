// `--site` as IT types it: a code no active site has is refused before the month is locked, a group
// is read or a mail is sent, naming the code and the codes that exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sentSiteCodes, startE2e, type E2e } from './e2eHarness.js';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

describe('--site', () => {
  it('refuses an unknown site code with exit 2, naming it and the known codes, having locked, read and sent nothing', async () => {
    e2e = await startE2e();
    const run = await e2e.run(['--site', 'SIEGE,NOPE']);

    expect(run.code).toBe(2);
    expect(run.err).toContain('--site: site code "NOPE" is not an active, valid row of the sites list; known codes: ');
    expect(run.err).toMatch(/known codes: .*\bSIEGE\b.*\bAPF\b|known codes: .*\bAPF\b.*\bSIEGE\b/);
    expect(run.result).toBeUndefined();
    expect(e2e.tenant.requests.map((request) => request.kind)).toEqual(['listItems']);
    expect(sentSiteCodes(e2e.tenant)).toEqual([]);
    expect(e2e.tenant.sentMail).toEqual([]);
    expect(existsSync(join(e2e.dir, 'state', 'locks'))).toBe(false);
  });

  it('runs the sites asked for when every code is known', async () => {
    e2e = await startE2e();
    const run = await e2e.run(['--site', 'siege', '--site', 'APF']);

    expect(run.code).toBe(0);
    expect(sentSiteCodes(e2e.tenant)).toEqual(['APF', 'SIEGE']);
  });
});
