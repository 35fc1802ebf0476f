// The Graph mailer's requests against the fake tenant's sendMail, which checks what Exchange
// checks (recipients, attachment shape, the 4 MB request limit).
import { describe, expect, it } from 'vitest';
import { createGraphMailer, MAX_REQUEST_BYTES, type GraphSendMailPayload } from '../../../src/adapters/mail/createGraphMailer.js';
import type { OutgoingMail } from '../../../src/ports.js';
import { createFakeTenant, DEFAULT_FAKE_TOKEN, FAKE_GRAPH_BASE_URL, sampleTenantData } from '../../fakeTenant/index.js';

function mailerFor(tenant: ReturnType<typeof createFakeTenant>) {
  let requests = 0;
  const postSendMail = async (sender: string, payload: GraphSendMailPayload) => {
    requests++;
    const response = await tenant.handle(
      new Request(`${FAKE_GRAPH_BASE_URL}/users/${encodeURIComponent(sender)}/sendMail`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${DEFAULT_FAKE_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      }),
    );
    if (response.status !== 202) throw new Error(`sendMail answered ${response.status}: ${await response.text()}`);
  };
  return { mailer: createGraphMailer({ sender: tenant.data.mailSender, postSendMail }), requests: () => requests };
}

const mail: OutgoingMail = {
  kind: 'site',
  siteCode: 'SIEGE',
  to: [
    { name: 'Zoé Müller', address: 'zoe@contoso.test' },
    { name: 'Zoé', address: 'ZOE@contoso.test' },
  ],
  subject: 'Licences — Siège',
  html: '<p>Coût : 12,50 €</p>',
  attachments: [{ name: 'licences-SIEGE.csv', contentType: 'text/csv', content: new TextEncoder().encode('a;b\r\n') }],
};

describe('createGraphMailer against the fake tenant', () => {
  it('is accepted (202) and delivered once per recipient address', async () => {
    const tenant = createFakeTenant(sampleTenantData());
    const { mailer } = mailerFor(tenant);
    expect(await mailer.send(mail)).toEqual({ status: 'sent' });
    expect(tenant.sentMail).toHaveLength(1);
    expect(tenant.sentMail[0]).toMatchObject({ from: tenant.data.mailSender, saveToSentItems: true, message: { subject: 'Licences — Siège' } });
    expect(tenant.sentMail[0]?.message.toRecipients).toEqual([{ emailAddress: { address: 'zoe@contoso.test', name: 'Zoé Müller' } }]);
  });

  it('sends the largest mail under 4 MB, and refuses a slightly larger one before Graph would', async () => {
    const tenant = createFakeTenant(sampleTenantData());
    const { mailer, requests } = mailerFor(tenant);
    const sized = (bytes: number): OutgoingMail => ({ ...mail, attachments: [{ name: 'big.csv', contentType: 'text/csv', content: new Uint8Array(bytes) }] });
    const fits = Math.floor(((MAX_REQUEST_BYTES - 1_000) / 4) * 3);
    await mailer.send(sized(fits));
    expect(tenant.sentMail[0]?.sizeBytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    await expect(mailer.send(sized(fits + 3_000))).rejects.toThrow(/Graph accepts at most 4 MB/);
    expect(requests()).toBe(1);
  });
});
