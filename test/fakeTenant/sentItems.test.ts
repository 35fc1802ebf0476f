// Sent Items: what sendMail saves, found again by its single-value extended property as Graph
// documents it; mailbox permissions and scoping; answers lost after delivery.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lostAnswer } from './faults.js';
import { fakeAppToken } from './permissions.js';
import { auth, getJson, GRAPH, mswTenant } from './testkit.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tenant.reset();
  tenant.options = {};
});
afterAll(() => server.close());

const sender = tenant.data.mailSender;
const PROP = 'String {1c8f2a4e-0b6d-4f39-9a57-2e6c3d8b1f70} Name ReportDeliveryKey';
function mail(key: string, extra: Record<string, unknown> = {}) {
  return {
    message: {
      subject: `Rapport ${key}`,
      body: { contentType: 'HTML', content: '<p>Bonjour</p>' },
      toRecipients: [{ emailAddress: { address: 'dsi@horizon-asso.fr' } }],
      singleValueExtendedProperties: [{ id: PROP, value: key }],
      ...extra,
    },
  };
}
function send(body: unknown, headers = auth(), mailbox = sender): Promise<Response> {
  return fetch(`${GRAPH}/users/${mailbox}/sendMail`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}
/** The documented request, URL-encoded as the doc asks (singlevaluelegacyextendedproperty-get, request 2). */
function lookup(key: string, extra = '', mailbox = sender) {
  const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq '${key}')`);
  return `${GRAPH}/users/${mailbox}/mailFolders/sentitems/messages?$filter=${filter}${extra}`;
}

describe('Sent Items', () => {
  it('saves each accepted message with its extended property; $filter finds it without returning the property', async () => {
    expect((await send(mail('2026-11/SIEGE/a1'))).status).toBe(202);
    expect((await send(mail('2026-11/APF/b2'))).status).toBe(202);
    const found = await getJson(lookup('2026-11/siege/A1')); // values compare case-insensitively
    expect(found.status).toBe(200);
    expect(found.body.value).toHaveLength(1);
    const message = found.body.value?.[0] ?? {};
    expect(message).toMatchObject({ subject: 'Rapport 2026-11/SIEGE/a1', from: { emailAddress: { address: sender } }, isDraft: false });
    expect(message).not.toHaveProperty('singleValueExtendedProperties');
    expect(String(message['id'])).toMatch(/^AAMkAG/);
    expect((await getJson(lookup('2026-11/SIEGE/zz'))).body.value).toEqual([]);
  });

  it('$expand returns the matching property; $select trims the message; the Name in the id is case-sensitive', async () => {
    await send(mail('k1'));
    const expand = `&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PROP}')`)}&$select=subject,sentDateTime`;
    const reply = await getJson(lookup('k1', expand));
    expect(reply.body.value?.[0]).toEqual({
      '@odata.etag': expect.any(String),
      id: expect.any(String),
      subject: 'Rapport k1',
      sentDateTime: expect.stringMatching(/Z$/),
      singleValueExtendedProperties: [{ id: PROP, value: 'k1' }],
    });
    expect(reply.body['@odata.context']).toMatch(/messages\(subject,sentDateTime\)$/);
    const otherCase = encodeURIComponent(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${PROP.replace('ReportDeliveryKey', 'reportdeliverykey')}' and ep/value eq 'k1')`,
    );
    expect((await getJson(`${GRAPH}/users/${sender}/mailFolders/SentItems/messages?$filter=${otherCase}`)).body.value).toEqual([]);
  });

  it('pages by 10 by default with $skip in nextLink, newest first; saveToSentItems false saves nothing', async () => {
    for (let i = 0; i < 12; i++) await send(mail(`p${i}`));
    await send({ ...mail('unsaved'), saveToSentItems: false });
    const first = await getJson(`${GRAPH}/users/${sender}/mailFolders/sentitems/messages?$select=subject`);
    expect(first.body.value?.map((m) => m['subject'])).toEqual(Array.from({ length: 10 }, (_, i) => `Rapport p${11 - i}`));
    const next = String(first.body['@odata.nextLink']);
    expect(new URL(next).searchParams.get('$skip')).toBe('10');
    expect((await getJson(next)).body.value).toHaveLength(2);
    expect(tenant.sentMail).toHaveLength(13);
    expect(tenant.sentItems).toHaveLength(12);
  });

  it('Sent Items can lag: a message appears sentItemsLagMs after the 202', async () => {
    let now = Date.parse('2026-11-01T06:00:00Z');
    tenant.options = { sentItemsLagMs: 5000, now: () => now };
    await send(mail('late'));
    expect((await getJson(lookup('late'))).body.value).toEqual([]);
    now += 5000;
    expect((await getJson(lookup('late'))).body.value).toHaveLength(1);
  });

  it('refuses what Graph refuses: other filters, $orderby, a folder it does not know', async () => {
    expect((await getJson(`${GRAPH}/users/${sender}/mailFolders/sentitems/messages?$filter=${encodeURIComponent("subject eq 'x'")}`)).status).toBe(400);
    expect((await getJson(`${GRAPH}/users/${sender}/mailFolders/sentitems/messages?$orderby=sentDateTime`)).status).toBe(400);
    const folder = await getJson(`${GRAPH}/users/${sender}/mailFolders/notafolder/messages`);
    expect(folder.status).toBe(400);
    expect(folder.body.error).toMatchObject({ code: 'ErrorInvalidIdMalformed' });
    const sent = await getJson(`${GRAPH}/users/${sender}/mailFolders/sentitems`);
    expect(sent.body).toMatchObject({ displayName: 'Sent Items', totalItemCount: 0 });
  });
});

describe('mailbox permissions', () => {
  const asApp = (roles: string[]) => ({ Authorization: `Bearer ${fakeAppToken({ roles })}` });
  const denied = { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' };

  it('403 ErrorAccessDenied without Mail.Send / Mail.Read; Mail.ReadBasic may list but not filter on extended properties', async () => {
    const noMail = await send(mail('x'), asApp(['User.Read.All']));
    expect(noMail.status).toBe(403);
    expect(((await noMail.json()) as { error: unknown }).error).toMatchObject(denied);
    expect((await send(mail('x'), asApp(['Mail.Send']))).status).toBe(202);
    expect((await getJson(lookup('x'), asApp(['Mail.Send']))).body.error).toMatchObject(denied);
    expect((await getJson(lookup('x'), asApp(['Mail.ReadBasic.All']))).status).toBe(403);
    const basic = await getJson(`${GRAPH}/users/${sender}/mailFolders/sentitems/messages`, asApp(['Mail.ReadBasic.All']));
    expect(basic.status).toBe(200);
    expect(basic.body.value?.[0]).not.toHaveProperty('body');
    expect((await getJson(lookup('x'), asApp(['Mail.Read']))).body.value).toHaveLength(1);
  });

  it('Exchange RBAC for Applications: only the scoped mailboxes; a Mail.Send role in the token is tenant-wide', async () => {
    const other = tenant.data.itSummaryTo[0] ?? '';
    tenant.options = { mailboxScope: { send: [sender], read: [sender] } };
    expect((await send(mail('s1'))).status).toBe(202);
    expect((await send(mail('s2'), auth(), other)).status).toBe(403);
    expect((await getJson(lookup('s1'))).body.value).toHaveLength(1);
    expect((await getJson(lookup('s1', '', other))).status).toBe(403);
    // A role token without Mail.* relies on the scope alone; with Mail.Read it reads any mailbox.
    expect((await getJson(lookup('s1', '', other), asApp([]))).status).toBe(403);
    expect((await getJson(lookup('s1', '', other), asApp(['Mail.Read']))).status).toBe(200);
    expect((await send(mail('s3'), asApp(['Mail.Send']), other)).status).toBe(202);
  });

  it('a sender without a mailbox: 404 MailboxNotEnabledForRESTAPI; an unknown one: 404 ErrorInvalidUser', async () => {
    const user = tenant.data.users.find((u) => u.mail === sender);
    if (!user) throw new Error('no sender');
    user.hasMailbox = false;
    try {
      const reply = await send(mail('n'));
      expect(reply.status).toBe(404);
      expect(((await reply.json()) as { error: unknown }).error).toMatchObject({
        code: 'MailboxNotEnabledForRESTAPI',
        message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      });
      expect((await getJson(`${GRAPH}/users/${sender}/mailFolders/sentitems`)).body.error).toMatchObject({ code: 'MailboxNotEnabledForRESTAPI' });
    } finally {
      delete user.hasMailbox;
    }
    expect((await getJson(`${GRAPH}/users/nobody@horizon-asso.fr/mailFolders/sentitems/messages`)).body.error).toMatchObject({ code: 'ErrorInvalidUser' });
  });
});

describe('answers lost after delivery', () => {
  it('500 after delivery: the message is in Sent Items although the client got ErrorInternalServerError', async () => {
    tenant.addFault(lostAnswer({ then: 500 }));
    const reply = await send(mail('lost-500'));
    expect(reply.status).toBe(500);
    expect(((await reply.json()) as { error: unknown }).error).toMatchObject({
      code: 'ErrorInternalServerError',
      message: 'An internal server error occurred. The operation failed.',
    });
    expect(tenant.sentMail).toHaveLength(1);
    expect((await getJson(lookup('lost-500'))).body.value).toHaveLength(1);
  });

  it('a hang or a reset after delivery: the client never learns, the mail went out', async () => {
    tenant.addFault(lostAnswer({ then: 'hang' }));
    await expect(
      fetch(`${GRAPH}/users/${sender}/sendMail`, {
        method: 'POST',
        headers: auth({ 'Content-Type': 'application/json' }),
        body: JSON.stringify(mail('hung')),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    tenant.addFault(lostAnswer({ then: 'reset' }));
    await expect(send(mail('reset'))).rejects.toThrow(TypeError);
    expect(tenant.sentMail.map((m) => m.message['subject'])).toEqual(['Rapport hung', 'Rapport reset']);
  });

  it('a 202 may carry Content-Type: application/json and an empty body (msgraph-sdk-javascript#156)', async () => {
    tenant.options = { sendMailJsonContentType: true };
    const reply = await send(mail('json'));
    expect(reply.status).toBe(202);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(await reply.text()).toBe('');
  });
});
