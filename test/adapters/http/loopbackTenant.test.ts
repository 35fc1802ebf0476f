// The Graph and SharePoint adapters over real sockets and TLS (the fake tenant's HTTPS loopback
// server): dropped connections look different there than under msw.
import { readFileSync } from 'node:fs';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { createGraphAdapters } from '../../../src/adapters/graph/index.js';
import { createListReader } from '../../../src/adapters/sharepoint/createListReader.js';
import { DeliveryUnknownError, TimeoutError } from '../../../src/errors.js';
import {
  createFakeTenant,
  DEFAULT_FAKE_TOKEN,
  sampleTenantData,
  SITES_LIST_TITLE,
  startFakeTenantServer,
  throttle,
  type FakeTenantServer,
} from '../../fakeTenant/index.js';
import { testHttp } from './testHttp.js';

const tenant = createFakeTenant(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') }));
let server: FakeTenantServer;

beforeAll(async () => {
  server = await startFakeTenantServer(tenant);
  // Trust the test CA in this worker only (what NODE_EXTRA_CA_CERTS does for the demo).
  setDefaultCACertificates([...getCACertificates('default'), readFileSync(server.caCertPath, 'utf8')]);
});
afterAll(() => server.close());
beforeEach(() => tenant.reset());

function adapters() {
  const config = { graphBaseUrl: server.graphBaseUrl, sharePointSiteUrl: server.sharePointSiteUrl };
  const tokens = createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN });
  // Real waits and sockets here: the one place the step sleeps for real.
  const { http } = testHttp({ requestTimeoutMs: 1_000, deadlineInMs: 5_000, realTime: true });
  return { graph: createGraphAdapters(config, tokens, http), lists: createListReader(config, tokens, http) };
}

const payload = {
  message: { subject: 'Test', body: { contentType: 'Text', content: 'x' }, toRecipients: [{ emailAddress: { address: 'dsi@horizon-asso.fr' } }] },
  saveToSentItems: false,
};

describe('adapters over the HTTPS loopback tenant', () => {
  it('reads members, SKUs and a list with the token attached on localhost', async () => {
    const { graph, lists } = adapters();
    const sites = await lists.readItems(SITES_LIST_TITLE, ['Title', 'SiteCode', 'MembersGroupId']);
    const apf = sites.find((s) => s['SiteCode'] === 'APF');
    await expect(graph.directory.listGroupUsers(String(apf?.['MembersGroupId']), ['id', 'assignedLicenses'])).resolves.toHaveLength(112);
    await expect(graph.directory.listSubscribedSkus()).resolves.not.toHaveLength(0);
  });

  it('retries a throttled read after really waiting its Retry-After, and a read whose socket was destroyed', async () => {
    tenant.addFault(throttle({ kind: 'subscribedSkus', times: 1, retryAfterSeconds: 0.05 }));
    tenant.addFault({ match: { kind: 'subscribedSkus' }, times: 1, respond: 'reset' });
    await expect(adapters().graph.directory.listSubscribedSkus()).resolves.not.toHaveLength(0);
    const attempts = tenant.requests.filter((r) => r.kind === 'subscribedSkus');
    expect(attempts).toHaveLength(3);
    // 50 ms is a floor, never a speed target.
    expect((attempts[1]?.startedAt ?? 0) - (attempts[0]?.endedAt ?? 0)).toBeGreaterThanOrEqual(45);
  });

  it('reports a sendMail whose socket was destroyed as "delivery unknown", sent at most once', async () => {
    tenant.addFault({ match: { kind: 'sendMail' }, times: 1, respond: 'reset' });
    const error = await adapters()
      .graph.postSendMail(tenant.data.mailSender, payload)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect(tenant.countsByKind()['sendMail']).toBe(1);
  });

  it('times out a hung list read', async () => {
    tenant.addFault({ match: { kind: 'listItems' }, times: 1, respond: 'hang' });
    await expect(adapters().lists.readItems(SITES_LIST_TITLE, ['Title'])).rejects.toBeInstanceOf(TimeoutError);
  });
});
