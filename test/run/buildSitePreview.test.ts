import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { buildSitePreview } from '../../src/run/buildSitePreview.js';
import { guid } from '../support/guid.js';
import { SKU, userJson } from '../support/testData.js';
import { createTestRun } from '../support/testRun.js';

describe('buildSitePreview', () => {
  it('renders one site’s report without sending, locking or recording anything', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.addSite(2, 'B', [userJson({ skus: [SKU.VISIO] }), userJson()]);
    t.ledger.held.set('2026-02', 'monthly-run');
    const preview = await buildSitePreview(t.deps, 'b');
    expect(preview.html).toBe('<p>B: 2/2</p>');
    expect(preview.subject).toBe('Report B 2026-02');
    expect(preview.report.site.code).toBe('B');
    expect(preview.warnings).toEqual([expect.objectContaining({ code: 'unpriced-sku', details: expect.objectContaining({ accounts: 1 }) })]);
    expect(t.mailer.attempts).toEqual([]);
    expect(t.ledger.store.size).toBe(0);
    expect(t.directory.calls.map((c) => c.groupId).sort()).toEqual([guid(1002), guid(2002)]);
  });

  it('reads only what a site’s mail shows: sign-ins, not the whole tenant’s licensed accounts', async () => {
    const t = createTestRun();
    const paid = userJson({ skus: [SKU.E3] });
    t.addSite(1, 'A', [paid, userJson()]);
    await buildSitePreview(t.deps, 'A');
    // The sign-ins of the site's accounts that hold a paid license, by id: never the whole tenant.
    expect(t.directory.userReads).toEqual([]);
    expect(t.directory.userByIdReads).toEqual([[paid['id']]]);
  });

  it('rejects an unknown site code with a UsageError naming it', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    await expect(buildSitePreview(t.deps, 'NOPE')).rejects.toThrow(UsageError);
    await expect(buildSitePreview(t.deps, 'NOPE')).rejects.toThrow('"NOPE"');
  });

  it('names the step when the site’s group cannot be read', async () => {
    const t = createTestRun();
    t.addSite(1, 'A');
    t.directory.groups.delete(guid(1001));
    await expect(buildSitePreview(t.deps, 'A')).rejects.toThrow(`members: group ${guid(1001)} not found (deleted?)`);
  });
});
