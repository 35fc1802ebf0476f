import type { Config } from '../config/Config.js';
import { parseConfig, type Env } from '../config/parseConfig.js';
import { createTokenProvider, type TokenProvider } from '../adapters/auth/createTokenProvider.js';
import { createGraphClient, type GraphClient } from '../adapters/graph/graphClient.js';
import { createHttpStep, type HttpStepOptions } from '../adapters/http/createHttpStep.js';
import { decoratedUserAgent } from '../adapters/http/userAgent.js';
import { createListReader } from '../adapters/sharepoint/createListReader.js';
import { createSiteSchemaReader, type SiteSchemaReader } from '../adapters/sharepoint/readSiteSchema.js';
import { createStoreFor, runDeadline } from '../deps.js';
import { ConfigError } from '../errors.js';
import type { Clock, ListReader, RawRecord, TextStore } from '../ports.js';
import { parsePrices } from '../core/parsePrices.js';
import { parseSites } from '../core/parseSites.js';
import { parseSubscribedSkus } from '../core/parseSubscribedSkus.js';
import type { SubscribedSku } from '../core/types.js';

/** What the checks read through: the run's own adapters, built from the run's own settings. */
export interface DoctorContext {
  env: Env;
  config: Config;
  clock: Clock;
  tokens: TokenProvider;
  graph: GraphClient;
  site: SiteSchemaReader;
  lists: ListReader;
  /** Built on first use: a bad storage setting is the storage check's finding, not a crash. */
  store(): TextStore;
  /** A read several checks need (the sites list, the SKUs, a token), done once per doctor run. */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** The settings could not be read: only the settings check runs. */
export interface InvalidSettings {
  env: Env;
  problems: string[];
}

export interface DoctorWiring {
  clock?: Clock;
  tokens?: TokenProvider;
  store?: TextStore;
  /** Test seams of the send step (fetch, a fake clock's sleep and now). */
  http?: Pick<HttpStepOptions, 'fetch' | 'sleep' | 'now' | 'backoff'>;
}

// A throttled read waits at most this long: the HTTP trigger must answer within 230 s.
const DOCTOR_DEADLINE_MINUTES = 2;

/** The run's validation (parseConfig, every problem at once), then the run's adapters. */
export function createDoctorContext(env: Env, wiring: DoctorWiring = {}): DoctorContext | InvalidSettings {
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { env, problems: error.problems };
    throw error;
  }
  const tokens = wiring.tokens ?? createTokenProvider(config);
  const http = createHttpStep({
    requestTimeoutMs: config.requestTimeoutMs,
    deadline: runDeadline(Math.min(DOCTOR_DEADLINE_MINUTES, config.runDeadlineMinutes), (wiring.http?.now ?? Date.now)()),
    userAgent: decoratedUserAgent(config.orgName),
    ...wiring.http,
  });
  const reads = new Map<string, Promise<unknown>>();
  let store = wiring.store;
  return {
    env,
    config,
    clock: wiring.clock ?? { now: () => new Date() },
    tokens,
    graph: createGraphClient(config, tokens, http),
    site: createSiteSchemaReader(config, tokens, http),
    lists: createListReader(config, tokens, http),
    store: () => (store ??= createStoreFor(config, tokens)),
    once<T>(key: string, read: () => Promise<T>): Promise<T> {
      let pending = reads.get(key) as Promise<T> | undefined;
      if (!pending) {
        pending = read();
        pending.catch(() => undefined); // read by whoever asks; never an unhandled rejection
        reads.set(key, pending);
      }
      return pending;
    },
  };
}

const withRowNames = (columns: object): string[] => [...new Set(['Id', 'Title', ...(Object.values(columns) as string[])])];

/** The sites list, read and parsed as a run does (once per doctor run). */
export function readSites(ctx: DoctorContext): Promise<ReturnType<typeof parseSites>> {
  const { sitesListTitle, siteColumns } = ctx.config;
  return ctx.once('sites', async () => parseSites(await ctx.lists.readItems(sitesListTitle, withRowNames(siteColumns)), siteColumns));
}

/** The price list, read and parsed as a run does. */
export function readPrices(ctx: DoctorContext): Promise<ReturnType<typeof parsePrices>> {
  const { pricesListTitle, priceColumns } = ctx.config;
  return ctx.once('prices', async () => parsePrices(await ctx.lists.readItems(pricesListTitle, withRowNames(priceColumns)), priceColumns));
}

/** GET /subscribedSkus (one page: Graph does not page it), parsed as a run does. */
export function readSkus(ctx: DoctorContext): Promise<SubscribedSku[]> {
  return ctx.once('skus', async () => {
    const value = (await ctx.graph.get('/subscribedSkus'))['value'];
    return parseSubscribedSkus(Array.isArray(value) ? (value as RawRecord[]) : []);
  });
}
