import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DeliveryUnknownError, HttpError } from '../../../src/errors.js';
import { throttle } from '../../fakeTenant/index.js';
import { useFakeTenant } from '../http/useFakeTenant.js';
import { testGraph } from './testGraph.js';

const fake = useFakeTenant();

function payload(subject = 'Rapport licences 2025-01') {
  return {
    message: {
      subject,
      body: { contentType: 'HTML', content: '<p>Bonjour</p>' },
      toRecipients: [{ emailAddress: { address: 'correspondant@horizon-asso.fr' } }],
    },
    saveToSentItems: false,
  };
}

const sendMailRequests = (): number => fake.tenant.countsByKind()['sendMail'] ?? 0;

/** A loopback port nobody listens on: connecting to it is refused before anything is sent. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('postSendMail', () => {
  it('resolves when Graph accepts the message (202), sent once as given', async () => {
    const { postSendMail } = testGraph();
    await postSendMail(fake.tenant.data.mailSender, payload());
    expect(fake.tenant.sentMail).toHaveLength(1);
    expect(fake.tenant.sentMail[0]?.from).toBe(fake.tenant.data.mailSender);
    expect(fake.tenant.sentMail[0]?.message['subject']).toBe('Rapport licences 2025-01');
    expect(fake.tenant.sentMail[0]?.saveToSentItems).toBe(false);
  });

  it('takes a 202 with Content-Type: application/json and an empty body as sent (msgraph-sdk-javascript#156)', async () => {
    // What Graph answered in that issue: 202 Accepted, a JSON content type, Content-Length 0.
    fake.tenant.addFault({ match: { kind: 'sendMail' }, times: 1, respond: { status: 202, headers: { 'Content-Type': 'application/json; charset=utf-8' } } });
    await expect(testGraph().postSendMail(fake.tenant.data.mailSender, payload())).resolves.toBeUndefined();
    expect(sendMailRequests()).toBe(1);
  });

  it('retries a 429 (Graph refused it before acting) and the message goes out once', async () => {
    fake.tenant.addFault(throttle({ kind: 'sendMail', times: 1, retryAfterSeconds: 0.01 }));
    await testGraph().postSendMail(fake.tenant.data.mailSender, payload());
    expect(sendMailRequests()).toBe(2);
    expect(fake.tenant.sentMail).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])('reports a %i as "delivery unknown" and never retries it', async (status) => {
    fake.tenant.addFault({ match: { kind: 'sendMail' }, times: 1, respond: { status, headers: { 'Retry-After': '0.01' } } });
    const error = await testGraph()
      .postSendMail(fake.tenant.data.mailSender, payload())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect((error as Error).message).toContain(`POST /v1.0/users/${encodeURIComponent(fake.tenant.data.mailSender)}/sendMail answered ${status}`);
    expect((error as Error).message).toContain('may or may not have been sent');
    expect(sendMailRequests()).toBe(1);
  });

  it('reports a timeout as "delivery unknown" and never retries it', async () => {
    fake.tenant.addFault({ match: { kind: 'sendMail' }, times: 1, respond: 'hang' });
    const error = await testGraph({ requestTimeoutMs: 100 })
      .postSendMail(fake.tenant.data.mailSender, payload())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect((error as Error).message).toContain('did not answer within 100 ms');
    expect(sendMailRequests()).toBe(1);
  });

  it('reports a dropped connection as "delivery unknown" and never retries it', async () => {
    fake.tenant.addFault({ match: { kind: 'sendMail' }, times: 1, respond: 'reset' });
    const error = await testGraph()
      .postSendMail(fake.tenant.data.mailSender, payload())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect((error as Error).message).toMatch(/^POST graph\.fake\.test\/v1\.0\/users\/.+\/sendMail lost its connection: /);
    expect(sendMailRequests()).toBe(1);
  });

  it('reports a rejected message (4xx) as certainly not sent', async () => {
    const bad = payload();
    bad.message.toRecipients = [];
    const error = await testGraph()
      .postSendMail(fake.tenant.data.mailSender, bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(DeliveryUnknownError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).message).toContain('ErrorInvalidRecipients');
  });

  it('reports "still throttled at the run deadline" as certainly not sent', async () => {
    fake.tenant.addFault(throttle({ kind: 'sendMail', times: Infinity, retryAfterSeconds: 30 }));
    const graph = testGraph({ deadlineInMs: 100_000 });
    const error = await graph.postSendMail(fake.tenant.data.mailSender, payload()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(DeliveryUnknownError);
    expect((error as HttpError).status).toBe(429);
    expect((error as HttpError).message).toContain('would pass the run deadline');
    expect(graph.waits).toEqual([30_000, 30_000, 30_000]);
    expect(fake.tenant.sentMail).toHaveLength(0);
  });

  it('reports a refused connection as certainly not sent, naming host and cause, after retrying it until the deadline', async () => {
    const port = await closedPort();
    let attempts = 0;
    const countingFetch: typeof fetch = (input, init) => ((attempts += 1), fetch(input, init));
    const graph = testGraph({ graphBaseUrl: `https://127.0.0.1:${port}/v1.0`, deadlineInMs: 100, fetch: countingFetch });
    const error = await graph.postSendMail('rapports@horizon-asso.fr', payload()).catch((e: unknown) => e);
    expect(attempts).toBeGreaterThan(1);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DeliveryUnknownError);
    expect((error as Error).message).toBe(
      `POST 127.0.0.1:${port}/v1.0/users/rapports%40horizon-asso.fr/sendMail could not connect: connection refused (ECONNREFUSED); the message was not sent`,
    );
  });
});
