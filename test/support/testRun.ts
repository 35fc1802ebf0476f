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
  /** Adds an active site with `members` users (each with E3) and one correspondent. */
  addSite(id: number, code: string, members?: RawRecord[] | number): void;
}

/** In-memory ports wired into RunDeps: the run's tests build their scenario on top of this. */
export function createTestRun(env: Env = {}): TestRun {
  const lists = createFakeLists({ Sites: [], LicensePrices: standardPriceRows() });
  const directory = createFakeDirectory({}, Object.values(SKU).map((sku) => subscribedSkuJson(sku)));
  const mailer = createFakeMailer();
  const ledger = createFakeLedger();
  const renderer = createFakeRenderer();
  const clock = createFakeClock();
  const logger = createFakeLogger();
  let runs = 0;
  const deps: RunDeps = {
    config: testConfig(env),
    lists,
    directory,
    mailer,
    ledger,
    createRenderer: (ctx) => renderer.create(ctx),
    clock,
    logger,
    newRunId: () => `run-${++runs}`,
  };
  return {
    deps,
    lists,
    directory,
    mailer,
    ledger,
    renderer,
    clock,
    logger,
    addSite(id, code, members = 3) {
      lists.lists.get('Sites')?.push(siteRow(id, code));
      const users = typeof members === 'number' ? Array.from({ length: members }, () => userJson({ skus: [SKU.E3] })) : members;
      directory.groups.set(guid(1000 + id), users);
      directory.groups.set(guid(2000 + id), [correspondentJson(id)]);
    },
  };
}
