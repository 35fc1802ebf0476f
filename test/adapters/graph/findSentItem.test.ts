// A delivery key goes out on the message as a single-value extended property and is found again in
// the sender's Sent Items with Graph's documented $filter; without Mail.Read on that mailbox, a 403.
import { describe, expect, it } from 'vitest';
import { DELIVERY_KEY_PROPERTY_ID } from '../../../src/adapters/graph/deliveryKeyProperty.js';
import { createGraphMailer } from '../../../src/adapters/mail/createGraphMailer.js';
import { SentItemsForbiddenError } from '../../../src/errors.js';
import type { OutgoingMail } from '../../../src/ports.js';
import { fakeAppToken, sampleTenantData } from '../../fakeTenant/index.js';
import { createTokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { useFakeTenant } from '../http/useFakeTenant.js';
import { testGraph } from './testGraph.js';

const fake = useFakeTenant();

const mail = (deliveryKey: string): OutgoingMail => ({
  kind: 'site',
  siteCode: 'SIEGE',
  to: [{ name: 'IT', address: 'correspondant@horizon-asso.fr' }],
  subject: 'Rapport',
  html: '<p>Bonjour</p>',
  attachments: [],
  deliveryKey,
});

function graphMailer(graph = testGraph()) {
  return createGraphMailer({ sender: fake.tenant.data.mailSender, postSendMail: graph.postSendMail, findSentItem: graph.findSentItem });
}

describe('delivery keys in Sent Items', () => {
  it('puts the key on the message as our String property, saved to Sent Items', async () => {
    await graphMailer().send(mail('2025-01/SIEGE/a1'));
    expect(fake.tenant.sentMail[0]).toMatchObject({ saveToSentItems: true });
    expect(fake.tenant.sentMail[0]?.message['singleValueExtendedProperties']).toEqual([{ id: DELIVERY_KEY_PROPERTY_ID, value: '2025-01/SIEGE/a1' }]);
    expect(DELIVERY_KEY_PROPERTY_ID).toMatch(/^String \{[0-9a-f-]{36}\} Name m365LicenseReportDeliveryKey$/);
  });

  it('finds the message by its key with the documented $filter, and only that key', async () => {
    const mailer = graphMailer();
    await mailer.send(mail('2025-01/SIEGE/a1'));
    await mailer.send(mail("2025-01/L'ÉTANG/b2")); // a quote in a site code is doubled in the OData literal
    expect(await mailer.sentItems?.find(['2025-01/SIEGE/zz', '2025-01/SIEGE/a1'])).toEqual({ key: '2025-01/SIEGE/a1', sentAt: expect.stringMatching(/Z$/) });
    expect(await mailer.sentItems?.find(["2025-01/L'ÉTANG/b2"])).toMatchObject({ key: "2025-01/L'ÉTANG/b2" });
    expect(await mailer.sentItems?.find(['2025-01/SIEGE/a2'])).toBeUndefined();
    const lookup = fake.tenant.requests.find((r) => r.kind === 'mailMessages');
    const url = new URL(lookup?.url ?? '');
    expect(decodeURIComponent(url.pathname)).toBe(`/v1.0/users/${fake.tenant.data.mailSender}/mailFolders/sentitems/messages`);
    expect(url.searchParams.get('$filter')).toBe(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${DELIVERY_KEY_PROPERTY_ID}' and ep/value eq '2025-01/SIEGE/zz')`,
    );
    expect(url.searchParams.get('$select')).toBe('id,sentDateTime');
  });

  it('does not find a message before Sent Items shows it (lag)', async () => {
    let now = Date.parse('2025-01-31T06:00:00Z');
    fake.use(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') }), { sentItemsLagMs: 5_000, now: () => now });
    const mailer = graphMailer();
    await mailer.send(mail('2025-01/SIEGE/late'));
    expect(await mailer.sentItems?.find(['2025-01/SIEGE/late'])).toBeUndefined();
    now += 5_000;
    expect(await mailer.sentItems?.find(['2025-01/SIEGE/late'])).toMatchObject({ key: '2025-01/SIEGE/late' });
  });

  it.each([
    ['Exchange RBAC grants "Application Mail.Send" only', true, undefined],
    ['the token holds Mail.ReadBasic only (no extended properties)', false, ['Mail.Send', 'Mail.ReadBasic.All']],
  ])('throws SentItemsForbiddenError when %s', async (_case, sendOnly, roles) => {
    const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
    const tenant = fake.use(data, sendOnly ? { mailboxScope: { send: [data.mailSender], read: [] } } : {});
    const graph = roles ? testGraph({ tokens: createTokenProvider({ staticAccessToken: fakeAppToken({ roles }) }) }) : testGraph();
    const mailer = createGraphMailer({ sender: tenant.data.mailSender, postSendMail: graph.postSendMail, findSentItem: graph.findSentItem });
    await mailer.send(mail('2025-01/SIEGE/a1'));
    const error = await mailer.sentItems?.find(['2025-01/SIEGE/a1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SentItemsForbiddenError);
    expect((error as Error).message).toMatch(/answered 403: ErrorAccessDenied.*may not read/);
  });
});
