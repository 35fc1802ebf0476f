import { describe, expect, it } from 'vitest';
import { createGraphMailer, MAX_REQUEST_BYTES, type GraphSendMailPayload } from '../../../src/adapters/mail/createGraphMailer.js';
import { DeliveryUnknownError } from '../../../src/errors.js';
import type { OutgoingMail } from '../../../src/ports.js';

function recorder(fail?: Error) {
  const calls: Array<{ sender: string; payload: GraphSendMailPayload }> = [];
  return {
    calls,
    postSendMail: async (sender: string, payload: GraphSendMailPayload) => {
      calls.push({ sender, payload });
      if (fail) throw fail;
    },
  };
}

const csv = new TextEncoder().encode('Nom;Prénom\r\nMüller;Zoé\r\n');
const mail: OutgoingMail = {
  kind: 'site',
  siteCode: 'SIEGE',
  to: [
    { name: 'Zoé Müller', address: 'zoe@contoso.test' },
    { name: 'Bob', address: ' bob@contoso.test ' },
    { name: 'Zoé again', address: 'ZOE@Contoso.TEST' },
    { name: '', address: 'it@contoso.test' },
  ],
  subject: 'Licences — Siège',
  html: '<p>Total : 12,50 €</p>',
  attachments: [{ name: 'licences.csv', contentType: 'text/csv', content: csv }],
};

const recipients = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `User ${i}`, address: `user${i}@contoso.test` }));

describe('createGraphMailer', () => {
  it('sends one sendMail request from the sender, saved to Sent Items, and reports it sent', async () => {
    const graph = recorder();
    const result = await createGraphMailer({ sender: 'reports@contoso.test', postSendMail: graph.postSendMail }).send(mail);
    expect(result).toEqual({ status: 'sent' });
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]?.sender).toBe('reports@contoso.test');
    expect(graph.calls[0]?.payload.saveToSentItems).toBe(true);
  });

  it('builds the Graph message: subject, HTML body, every recipient once in To, base64 attachments', async () => {
    const graph = recorder();
    await createGraphMailer({ sender: 'reports@contoso.test', postSendMail: graph.postSendMail }).send(mail);
    const message = graph.calls[0]?.payload.message;
    expect(message).toEqual({
      subject: 'Licences — Siège',
      body: { contentType: 'HTML', content: '<p>Total : 12,50 €</p>' },
      toRecipients: [
        { emailAddress: { address: 'zoe@contoso.test', name: 'Zoé Müller' } },
        { emailAddress: { address: 'bob@contoso.test', name: 'Bob' } },
        { emailAddress: { address: 'it@contoso.test' } },
      ],
      attachments: [
        { '@odata.type': '#microsoft.graph.fileAttachment', name: 'licences.csv', contentType: 'text/csv; charset=utf-8', contentBytes: expect.any(String) },
      ],
    });
    expect(new Uint8Array(Buffer.from(message?.attachments[0]?.contentBytes ?? '', 'base64'))).toEqual(csv);
  });

  it('accepts exactly 500 recipients', async () => {
    const graph = recorder();
    await createGraphMailer({ sender: 's@contoso.test', postSendMail: graph.postSendMail }).send({ ...mail, to: recipients(500) });
    expect(graph.calls[0]?.payload.message.toRecipients).toHaveLength(500);
  });

  it.each([
    ['no recipient', { to: [] }, /the report for site SIEGE has no recipient; nothing was sent/],
    ['501 recipients', { to: recipients(501) }, /has 501 recipients; Exchange Online accepts at most 500/],
    ['an address without @', { to: [{ name: 'X', address: 'not-an-address' }] }, /recipient "X" has an invalid address "not-an-address"/],
    [
      'a request over 4 MB',
      { attachments: [{ name: 'big.csv', contentType: 'text/csv', content: new Uint8Array(3 * 1024 * 1024) }] },
      /would be a 4\.00 MB sendMail request \(\d+ bytes\); Graph accepts at most 4 MB/,
    ],
  ])('refuses %s without calling Graph', async (_, change, message) => {
    const graph = recorder();
    const send = createGraphMailer({ sender: 's@contoso.test', postSendMail: graph.postSendMail }).send({ ...mail, ...change });
    await expect(send).rejects.toThrow(message);
    expect(graph.calls).toHaveLength(0);
  });

  it('sends a mail just under the 4 MB request limit', async () => {
    const graph = recorder();
    const mailer = createGraphMailer({ sender: 's@contoso.test', postSendMail: graph.postSendMail });
    const overhead = Buffer.byteLength(JSON.stringify({ message: { ...mail, attachments: [] }, saveToSentItems: true })) + 400;
    // base64 turns 3 bytes into 4: the largest attachment that still fits.
    const size = Math.floor(((MAX_REQUEST_BYTES - overhead) / 4) * 3);
    await mailer.send({ ...mail, attachments: [{ name: 'big.csv', contentType: 'text/csv', content: new Uint8Array(size) }] });
    expect(graph.calls).toHaveLength(1);
    expect(Buffer.byteLength(JSON.stringify(graph.calls[0]?.payload))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('names the run summary in its errors', async () => {
    const send = createGraphMailer({ sender: 's@contoso.test', postSendMail: recorder().postSendMail }).send({
      kind: 'summary',
      to: [],
      subject: 's',
      html: '',
      attachments: [],
    });
    await expect(send).rejects.toThrow(/^the run summary has no recipient/);
  });

  it('passes a "may have been sent" failure through unchanged, so the caller never resends', async () => {
    const unknown = new DeliveryUnknownError('POST /users/s/sendMail answered 504; the message may or may not have been sent');
    const send = createGraphMailer({ sender: 's@contoso.test', postSendMail: recorder(unknown).postSendMail }).send(mail);
    await expect(send).rejects.toBe(unknown);
  });
});
