// The HTTPS loopback server: certificate trust via NODE_EXTRA_CA_CERTS in a child
// process, many concurrent keep-alive requests, hang/reset faults, fast close().
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTenantData } from './data/sample.js';
import { lostAnswer } from './faults.js';
import { startFakeTenantServer, type FakeTenantServer } from './server.js';
import { createFakeTenant } from './tenant.js';

const tenant = createFakeTenant(sampleTenantData(), { latencyMs: 5 });
let server: FakeTenantServer;
let agent: Agent;
beforeAll(async () => {
  server = await startFakeTenantServer(tenant);
  agent = new Agent({ keepAlive: true, maxSockets: 64, ca: readFileSync(server.caCertPath) });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
});

function get(url: string, headers: Record<string, string> = { Authorization: 'Bearer fake-token' }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startFakeTenantServer', () => {
  it('exposes localhost URLs and a trusted CA for a child node process (NODE_EXTRA_CA_CERTS)', async () => {
    expect(server.origin).toMatch(/^https:\/\/localhost:\d+$/);
    expect(server.graphBaseUrl).toBe(`${server.origin}/v1.0`);
    expect(server.sharePointSiteUrl).toBe(`${server.origin}/sites/it`);
    const script = `fetch(process.argv[1], { headers: { Authorization: 'Bearer fake-token' } }).then(async (r) => console.log(r.status, (await r.json()).value.length))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, `${server.graphBaseUrl}/subscribedSkus`], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: server.caCertPath },
      timeout: 10_000,
    });
    expect(stdout.trim()).toBe(`200 ${tenant.data.skus.length}`);
  });

  it('serves the product-names CSV without a token, with a UTF-8 BOM', async () => {
    const reply = await get(server.productNamesUrl, {});
    expect(reply.status).toBe(200);
    expect(reply.body.startsWith('\uFEFFProduct_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\r\n')).toBe(
      true,
    );
    expect(reply.body).toContain('Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,EXCHANGE_S_ENTERPRISE');
  });

  it('answers hundreds of concurrent keep-alive requests while one request hangs', async () => {
    tenant.reset();
    tenant.addFault({ match: { kind: 'users' }, times: 1, respond: 'hang' });
    const hung = get(`${server.graphBaseUrl}/users`).catch((e: Error) => e);
    const site = tenant.data.sharePoint.lists[0]?.items[2]?.MembersGroupId as string;
    const urls = Array.from({ length: 300 }, (_, i) =>
      i % 2
        ? `${server.graphBaseUrl}/groups/${site}/transitiveMembers/microsoft.graph.user?$top=999`
        : `${server.sharePointSiteUrl}/_api/web/lists/getByTitle('Sites')/items`,
    );
    const replies = await Promise.all(urls.map((u) => get(u)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    // Served side by side, not one at a time (how many overlap depends on the machine's load).
    expect(tenant.maxInFlight('groupMembers')).toBeGreaterThan(1);
    expect(tenant.requests.find((r) => r.kind === 'users')?.status).toBe(0);
    void hung;
  });

  it("a 'reset' fault destroys the connection", async () => {
    tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 1, respond: 'reset' });
    await expect(get(`${server.graphBaseUrl}/subscribedSkus`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await get(`${server.graphBaseUrl}/subscribedSkus`)).status).toBe(200);
  });

  it('a reset after delivery: the socket dies, yet the message is sent and in Sent Items', async () => {
    tenant.reset();
    tenant.addFault(lostAnswer({ then: 'reset' }));
    const body = JSON.stringify({ message: { subject: 'Perdu', toRecipients: [{ emailAddress: { address: 'dsi@horizon-asso.fr' } }] } });
    const failure = await new Promise<string>((resolve) => {
      const req = request(`${server.graphBaseUrl}/users/${tenant.data.mailSender}/sendMail`, {
        method: 'POST',
        agent,
        headers: { Authorization: 'Bearer fake-token', 'Content-Type': 'application/json' },
      });
      req.on('response', () => resolve('answered'));
      req.on('error', (e) => resolve(e.message));
      req.end(body);
    });
    expect(failure).toMatch(/socket hang up|ECONNRESET/);
    expect(tenant.sentMail.map((m) => m.message['subject'])).toEqual(['Perdu']);
    expect(tenant.sentItems).toHaveLength(1);
  });

  it('close() returns promptly even with a hung request open', async () => {
    const other = await startFakeTenantServer(tenant);
    tenant.addFault({ match: { kind: 'sendMail' }, respond: 'hang' });
    const hung = new Promise<string>((resolve) => {
      const req = request(`${other.graphBaseUrl}/users/${tenant.data.mailSender}/sendMail`, {
        method: 'POST',
        ca: readFileSync(other.caCertPath),
        headers: { Authorization: 'Bearer fake-token' },
      });
      req.on('error', (e) => resolve(e.message));
      req.end('{}');
    });
    await new Promise((r) => setTimeout(r, 50));
    await other.close(); // would wait for the hung request forever (the test's timeout) without closing its socket
    expect(await hung).toMatch(/socket hang up|ECONNRESET/);
    tenant.clearFaults();
  });
});
