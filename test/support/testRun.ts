import type { RawRecord } from '../../src/ports.js';
import type { RunDeps } from '../../src/run/RunDeps.js';
import { createFakeClock, type FakeClock } from './fakeClock.js';
import { createFakeDirectory, type FakeDirectory } from './fakeDirectory.js';
import { createFakeLedger, type FakeLedger } from './fakeLedger.js';
import { createFakeLists, type FakeLists } from './fakeLists.js';
import { createFakeLogger, type FakeLogger } from './fakeLogger.js';
import { createFakeMailer, type FakeMailer } from './fakeMailer.js';
import { createFakeRenderer, type FakeRendererFactory } from './fakeRenderer.js';
import { guid } from './guid.js';
import { memoryStore, type MemoryStore } from './memoryStore.js';
import { productNamesCsv } from '../fakeTenant/index.js';
import { correspondentJson, SKU, siteRow, standardPriceRows, subscribedSkuJson, testConfig, userJson } from './testData.js';
import type { Env } from '../../src/config/parseConfig.js';

export interface TestRun {
  deps: RunDeps;
  lists: FakeLists;
  directory: FakeDirectory;
  mailer: FakeMailer;
  ledger: FakeLedger;
  renderer: FakeRendererFactory;
  clock: FakeClock;
  logger: FakeLogger;
  store: MemoryStore;
  /** URLs deps.fetchText was asked for; set `fetchFailure` to make it throw. */
  fetches: string[];
  fetchFailure?: Error;
  /** The run's own waits (Sent Items grace), in ms: each one moves the fake clock instead of waiting. */
  waits: number[];
  /** Adds an active site with `members` users (each with E3) and one correspondent. */
  addSite(id: number, code: string, members?: RawRecord[] | number): void;
}

/** In-memory ports wired into RunDeps: the run's tests build their scenario on top of this. */
export function createTestRun(env: Env = {}): TestRun {
  const lists = createFakeLists({ Sites: [], LicensePrices: standardPriceRows() });
  const directory = createFakeDirectory(
    {},
    Object.values(SKU).map((sku) => subscribedSkuJson(sku)),
  );
  const mailer = createFakeMailer();
  const ledger = createFakeLedger();
  const renderer = createFakeRenderer();
  const clock = createFakeClock();
  const logger = createFakeLogger();
  const store = memoryStore();
  const fetches: string[] = [];
  // Microsoft's product names CSV, for the test tenant's SKUs (VISIOCLIENT has no price row).
  const csv = productNamesCsv(
    Object.values(SKU).map((sku) => ({ ...sku, displayName: PRODUCT_NAMES[sku.skuPartNumber] ?? sku.skuPartNumber, prepaidUnits: 100 })),
  );
  let runs = 0;
  const waits: number[] = [];
  const deps: RunDeps = {
    config: testConfig(env),
    lists,
    directory,
    mailer,
    ledger,
    store,
    fetchText: async (url) => {
      fetches.push(url);
      if (run.fetchFailure) throw run.fetchFailure;
      return csv;
    },
    createRenderer: (ctx) => renderer.create(ctx),
    clock,
    logger,
    newRunId: () => `run-${++runs}`,
    sleep: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
  };
  const run: TestRun = {
    deps,
    lists,
    directory,
    mailer,
    ledger,
    renderer,
    clock,
    logger,
    store,
    fetches,
    waits,
    addSite(id, code, members = 3) {
      lists.lists.get('Sites')?.push(siteRow(id, code));
      const users = typeof members === 'number' ? Array.from({ length: members }, () => userJson({ skus: [SKU.E3] })) : members;
      directory.groups.set(guid(1000 + id), users);
      directory.groups.set(guid(2000 + id), [correspondentJson(id)]);
      // The tenant's users (GET /users) hold every site member once.
      const known = new Set(directory.users.map((user) => user['id']));
      directory.users.push(...users.filter((user) => !known.has(user['id'])));
    },
  };
  return run;
}

/** Microsoft's display names of the test SKUs. */
export const PRODUCT_NAMES: Record<string, string> = {
  ENTERPRISEPACK: 'Office 365 E3',
  POWER_BI_STANDARD: 'Microsoft Fabric (Free)',
  FLOW_FREE: 'Microsoft Power Automate Free',
  VISIOCLIENT: 'Visio Plan 2',
  PROJECTPROFESSIONAL: 'Planner and Project Plan 3',
};
