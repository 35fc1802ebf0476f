// POST /users/{id}/sendMail and POST /$batch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { throttle } from './faults.js';
import { auth, GRAPH, mswTenant } from './testkit.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => tenant.reset());
afterAll(() => server.close());

const sender = tenant.data.mailSender;
function mail(extra: Record<string, unknown> = {}) {
  return {
    message: {
      subject: 'Export des utilisateurs',
      body: { contentType: 'HTML', content: '<p>Bonjour</p>' },
      toRecipients: [{ emailAddress: { address: 'dsi@horizon-asso.fr' } }],
      ...extra,
    },
    saveToSentItems: false,
  };
}
function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${GRAPH}${path}`, {
    method: 'POST',
    headers: auth({ 'Content-Type': 'application/json' }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('sendMail', () => {
  it('accepts with 202 and an empty body, and records the message as sent', async () => {
    const attachment = {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'rapport.csv',
      contentType: 'text/csv',
      contentBytes: Buffer.from('a;b').toString('base64'),
    };
    const response = await post(`/users/${sender}/sendMail`, mail({ attachments: [attachment] }));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    expect(tenant.sentMail).toHaveLength(1);
    expect(tenant.sentMail[0]).toMatchObject({
      from: sender,
      saveToSentItems: false,
      message: { subject: 'Export des utilisateurs', attachments: [attachment] },
    });
    expect(tenant.sentMail[0]?.sizeBytes).toBeGreaterThan(100);
  });

  it('413 when the whole request exceeds 4 MB', async () => {
    const content = 'x'.repeat(4 * 1024 * 1024);
    const response = await post(`/users/${sender}/sendMail`, mail({ body: { contentType: 'HTML', content } }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RequestBodyTooLarge');
    expect(tenant.sentMail).toHaveLength(0);
  });

  it('400 on a malformed body, 404 ErrorInvalidUser on an unknown mailbox', async () => {
    expect((await post(`/users/${sender}/sendMail`, '{not json')).status).toBe(400);
    expect((await post(`/users/${sender}/sendMail`, { subject: 'no message' })).status).toBe(400);
    expect((await post(`/users/${sender}/sendMail`, mail({ toRecipients: [] }))).status).toBe(400);
    const unknown = await post('/users/nobody@horizon-asso.fr/sendMail', mail());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('ErrorInvalidUser');
    expect(tenant.sentMail).toHaveLength(0);
  });
});

describe('$batch', () => {
  const step = (id: string) => ({ id, method: 'GET', url: '/subscribedSkus' });

  it('runs each step through routing and faults: an inner 429 with Retry-After inside a 200', async () => {
    tenant.addFault(throttle({ kind: 'subscribedSkus', times: 1, retryAfterSeconds: 1.5 }));
    const response = await post('/$batch', { requests: [step('1'), step('2'), { id: '3', method: 'GET', url: '/groups/bad/members' }] });
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as {
      responses: Array<{ id: string; status: number; headers: Record<string, string>; body: { value?: unknown[] } }>;
    };
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 429],
      ['2', 200],
      ['3', 400],
    ]);
    expect(responses[0]?.headers['Retry-After']).toBe('1.5');
    expect(responses[1]?.body.value?.length).toBeGreaterThan(5);
    expect(tenant.countsByKind()).toMatchObject({ batch: 1, subscribedSkus: 2, groupMembers: 1 });
  });

  it('sends mail from a batch step (body + Content-Type)', async () => {
    const response = await post('/$batch', {
      requests: [{ id: 'm', method: 'POST', url: `/users/${sender}/sendMail`, headers: { 'Content-Type': 'application/json' }, body: mail() }],
    });
    const { responses } = (await response.json()) as { responses: Array<{ status: number }> };
    expect(responses[0]?.status).toBe(202);
    expect(tenant.sentMail).toHaveLength(1);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => step(String(i)));
    expect((await post('/$batch', { requests })).status).toBe(400);
    expect(tenant.countsByKind().subscribedSkus).toBeUndefined();
  });
});
