// The .eml as another, independent MIME reader sees it: Python's standard `email` package, the one
// many mail tools and scripts are built on. Without python3 on the machine the test says so and skips.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../../src/adapters/mail/createOutboxMailer.js';

const hasPython = spawnSync('python3', ['-c', 'import email.policy'], { stdio: 'ignore' }).status === 0;
const READ_EML = `
import email, email.policy, json, sys
message = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
attachments = [
    {'filename': part.get_filename(), 'type': part.get_content_type(), 'charset': part.get_content_charset(), 'bytes': len(part.get_payload(decode=True))}
    for part in message.iter_attachments()
]
print(json.dumps({'subject': str(message['subject']), 'to': [a.addr_spec for a in message['to'].addresses], 'attachments': attachments}))
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eml-python-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasPython)("the outbox .eml read by Python's email package (skipped: no python3 on this machine)", () => {
  it('gives the decoded subject and the non-ASCII attachment name back as written', async () => {
    const mailer = createOutboxMailer({ dir, clock: { now: () => new Date('2026-11-02T06:00:00Z') }, period: '2026-11' });
    const csv = new TextEncoder().encode('\uFEFFNom;Prénom\r\nMüller;Zoé\r\n');
    await mailer.send({
      kind: 'site',
      siteCode: 'SIEGE',
      to: [{ name: 'Zoé Müller', address: 'zoe@contoso.test' }],
      subject: 'Licences Microsoft 365 — Siège social — novembre 2026',
      html: '<p>Siège</p>',
      attachments: [{ name: 'Siège social.csv', contentType: 'text/csv', content: csv }],
    });
    const { stdout } = await promisify(execFile)('python3', ['-c', READ_EML, path.join(dir, '2026-11-SIEGE.eml')]);
    expect(JSON.parse(stdout)).toEqual({
      subject: 'Licences Microsoft 365 — Siège social — novembre 2026',
      to: ['zoe@contoso.test'],
      attachments: [{ filename: 'Siège social.csv', type: 'text/csv', charset: 'utf-8', bytes: csv.byteLength }],
    });
  });
});
