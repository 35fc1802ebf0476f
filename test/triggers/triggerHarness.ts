import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { createLocalTextStore } from '../../src/adapters/store/createLocalTextStore.js';
import { InvocationContext } from '../../src/functionsSdk.js';
import type { TriggerServices } from '../../src/triggers/services.js';
import {
  createFakeTenant,
  fakeTenantHandlers,
  sampleTenantData,
  FAKE_GRAPH_BASE_URL,
  FAKE_PRODUCT_NAMES_URL,
  FAKE_SHAREPOINT_SITE_URL,
} from '../fakeTenant/index.js';

/** The real triggers, real adapters and a local store, against the fake tenant through msw. */
export function createTriggerHarness() {
  const tenant = createFakeTenant(sampleTenantData({ now: new Date('2026-11-01T00:00:00Z') }));
  const server = setupServer(...fakeTenantHandlers(tenant));
  const dir = mkdtempSync(join(tmpdir(), 'triggers-'));
  let store = createLocalTextStore(join(dir, 'state'));
  const logs: string[] = [];
  const env = {
    SHAREPOINT_SITE_URL: FAKE_SHAREPOINT_SITE_URL,
    GRAPH_BASE_URL: FAKE_GRAPH_BASE_URL,
    PRODUCT_NAMES_URL: FAKE_PRODUCT_NAMES_URL,
    STATIC_ACCESS_TOKEN: 'fake-token',
    ORG_NAME: tenant.data.organisationName,
    MAIL_SENDER: tenant.data.mailSender,
    IT_SUMMARY_TO: tenant.data.itSummaryTo.join(','),
    OUTBOX_DIR: join(dir, 'outbox'),
    STATE_DIR: join(dir, 'state'),
  };
  const wiring = { store, clock: { now: () => new Date('2026-11-01T06:00:00Z') } };
  const services: TriggerServices = { env: () => env, wiring };
  const context = () => new InvocationContext({ functionName: 'test', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
  return {
    tenant,
    server,
    get store() {
      return store;
    },
    env,
    services,
    context,
    logs,
    dir,
    /** An empty ledger and state folder, as if the month had never been run: a test starts from nothing. */
    freshState() {
      const state = mkdtempSync(join(tmpdir(), 'triggers-state-'));
      env.STATE_DIR = state;
      store = wiring.store = createLocalTextStore(state);
    },
  };
}
