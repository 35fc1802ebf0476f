import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listOutboxFiles } from '../../scripts/listOutboxFiles.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('listOutboxFiles', () => {
  it('counts the files by extension and lists the highlighted ones first, relative to a folder', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
    for (const name of ['2026-10-APF.csv', '2026-10-APF.eml', '2026-10-summary.eml', '2026-10-SIEGE.html', '2026-10-SIEGE.eml'])
      await writeFile(path.join(dir, name), '');

    const listing = await listOutboxFiles(dir, path.dirname(dir), ['-summary.eml', '-SIEGE.eml']);

    expect(listing.counts).toEqual({ csv: 1, eml: 3, html: 1 });
    const base = path.basename(dir);
    expect(listing.files).toEqual(
      ['2026-10-summary.eml', '2026-10-SIEGE.eml', '2026-10-APF.csv', '2026-10-APF.eml', '2026-10-SIEGE.html'].map((name) => path.join(base, name)),
    );
  });
});
