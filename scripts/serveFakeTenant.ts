// `npm run fake-tenant`: serves the sample fake tenant over HTTPS on loopback until Ctrl+C and prints
// the settings that point the real CLI at it, so anyone can try `npm run report` without a tenant.
import path from 'node:path';
import { createFakeTenant, sampleTenantData, startFakeTenantServer } from '../test/fakeTenant/index.js';
import { jobEnv } from './jobEnv.js';

const tenant = createFakeTenant(sampleTenantData({ now: new Date() }));
const server = await startFakeTenantServer(tenant);
const env = jobEnv(
  {},
  {
    server,
    data: tenant.data,
    outboxDir: path.join(process.cwd(), 'outbox', 'fake-tenant'),
    stateDir: path.join(process.cwd(), '.data', 'fake-tenant'),
  },
);
const exports = Object.entries(env).map(([name, value]) => `export ${name}='${String(value).replace(/'/g, `'\\''`)}'`);

process.stdout.write(
  [
    `Fake tenant "${tenant.data.organisationName}" served at ${server.origin} until Ctrl+C.`,
    'In another terminal, paste these settings, then run `npm run report -- --json` (add --dry-run, --site CODE):',
    '',
    ...exports,
    '',
    'MAIL_TRANSPORT=outbox: nothing leaves the machine, the messages are written to OUTBOX_DIR.',
    '',
  ].join('\n'),
);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
