// Secrets (tokens, connection strings) never appear in logs, errors, the run result or the summary,
// even when the service refuses them and echoes what it got.
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../adapters/store/startAzurite.js';
import { htmlOf, sentSiteCodes, startE2e, summaryMails, type E2e } from './e2eHarness.js';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';
const ACCOUNT_KEY = 'c2VjcmV0LWFjY291bnQta2V5LXRoYXQtbXVzdC1uZXZlci1sZWFr';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

describe('secrets', () => {
  it('keeps the bearer token out of every output when Graph echoes it back in an error', async () => {
    e2e = await startE2e({ tenantOptions: { token: TOKEN } });
    const { tenant } = e2e;
    const staffGroup = tenant.data.sharePoint.lists[0]?.items.find((item) => item['SiteCode'] === 'APF')?.['MembersGroupId'] as string;
    tenant.addFault({
      match: { kind: 'groupMembers', pathIncludes: staffGroup },
      respond: { status: 400, body: { error: { code: 'BadRequest', message: `Invalid request with Authorization: Bearer ${TOKEN}` } } },
    });

    const run = await e2e.run();

    const apf = run.result?.sites.find((site) => site.code === 'APF');
    expect(apf?.status).toBe('failed');
    expect(apf?.error).toContain('Bearer [redacted]');
    const outputs = [run.out, run.err, ...summaryMails(tenant).map(htmlOf)];
    for (const output of outputs) expect(output).not.toContain(TOKEN);
  });

  it('never prints a storage connection string; with storage unreachable it sends nothing but tells IT why', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    // A loopback port nobody listens on (fetch refuses the "discard" port 9 outright).
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${await freePort()}/devstoreaccount1;`;

    const run = await e2e.run([], { AzureWebJobsStorage: connectionString, RUN_LEASE_SECONDS: '15' });

    expect(run.code).toBe(1);
    expect(run.result?.fatalError).toMatch(/^the run ledger could not be locked, so no report was sent: .*ECONNREFUSED/);
    expect(sentSiteCodes(tenant)).toEqual([]);
    const summaries = summaryMails(tenant);
    expect(summaries).toHaveLength(1);
    expect(htmlOf(summaries[0]!)).toContain('ECONNREFUSED');
    for (const output of [run.out, run.err, htmlOf(summaries[0]!)]) expect(output).not.toContain(ACCOUNT_KEY);
  });
});
