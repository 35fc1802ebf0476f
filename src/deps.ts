import { randomUUID } from 'node:crypto';
import type { Config } from './config/Config.js';
import { createTokenProvider, type TokenProvider } from './adapters/auth/createTokenProvider.js';
import { createGraphAdapters } from './adapters/graph/index.js';
import { createHttpStep, fetchWithTimeout, type HttpStepOptions } from './adapters/http/createHttpStep.js';
import { decoratedUserAgent } from './adapters/http/userAgent.js';
import { isNetworkFailure, toNetworkError } from './adapters/http/networkFailure.js';
import { createListReader } from './adapters/sharepoint/createListReader.js';
import { createGraphMailer, type GraphMailerOptions } from './adapters/mail/createGraphMailer.js';
import { createOutboxMailer } from './adapters/mail/createOutboxMailer.js';
import { createRateLimitedMailer } from './adapters/mail/createRateLimitedMailer.js';
import { createStoreFor } from './adapters/store/createStoreFor.js';
import { createRunLedger } from './ledger/createRunLedger.js';
import { HttpError } from './errors.js';
import type { Clock, FetchText, Logger, Mailer, TextStore } from './ports.js';
import type { RunDeps } from './run/RunDeps.js';

export { createStoreFor } from './adapters/store/createStoreFor.js';

export interface WiringOptions {
  /** Send nothing: mails go to OUTBOX_DIR whatever MAIL_TRANSPORT says. */
  dryRun?: boolean;
  clock?: Clock;
  /** A run id chosen by the caller (the HTTP trigger hands it to the queued run). */
  runId?: string;
  tokens?: TokenProvider;
  store?: TextStore;
  /** Downloads Microsoft's product names CSV; global fetch by default. */
  fetchText?: FetchText;
  /** Test seams of the Graph/SharePoint send step: fetch, a fake clock's sleep and now, backoff. */
  http?: Pick<HttpStepOptions, 'fetch' | 'sleep' | 'now' | 'backoff'>;
  /** The run's own waits (the grace before a Sent Items lookup); tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

/** Wires the real adapters for one run: Graph, SharePoint, mail (or outbox), store and ledger. */
export function createRunDeps(config: Config, logger: Logger, options: WiringOptions = {}): RunDeps & { store: TextStore } {
  const clock = options.clock ?? systemClock;
  const tokens = options.tokens ?? createTokenProvider(config);
  const http = createHttpStep({
    requestTimeoutMs: config.requestTimeoutMs,
    // Real time, not the run's clock (which may report on another month): the limit is the host's.
    deadline: runDeadline(config.runDeadlineMinutes, (options.http?.now ?? Date.now)()),
    userAgent: decoratedUserAgent(config.orgName),
    ...options.http,
  });
  const graph = createGraphAdapters(config, tokens, http);
  const store = options.store ?? createStoreFor(config, tokens);
  return {
    config,
    lists: createListReader(config, tokens, http),
    directory: graph.directory,
    mailer: createMailer(config, clock, graph, options.dryRun ?? false),
    ledger: createRunLedger(store, { leaseSeconds: config.runLeaseSeconds, logger }),
    store,
    fetchText: options.fetchText ?? createFetchText(config.requestTimeoutMs),
    // Loaded when a run first renders: the HTTP status and run-request paths never do.
    createRenderer: async (ctx) => (await import('./render/createRenderer.js')).createRenderer(ctx),
    clock,
    logger,
    newRunId: () => options.runId ?? randomUUID(),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
}

function createMailer(config: Config, clock: Clock, graph: Pick<GraphMailerOptions, 'postSendMail' | 'findSentItem'>, dryRun: boolean): Mailer {
  if (dryRun || config.mailTransport === 'outbox') {
    return createOutboxMailer({ dir: config.outboxDir, clock, timeZone: config.timeZone, from: config.mailSender });
  }
  const sender = config.mailSender;
  if (!sender) throw new Error('MAIL_SENDER is required with MAIL_TRANSPORT=graph');
  // One limiter per mailbox: site reports and the summary share Outlook's and Exchange's limits.
  const { postSendMail, findSentItem } = graph;
  return createRateLimitedMailer(createGraphMailer({ sender, postSendMail, ...(findSentItem ? { findSentItem } : {}) }), {
    concurrency: config.mailConcurrency,
    // Real time, not the run's clock: the limit is Exchange's, whatever date the run reports on.
    perMinute: config.mailsPerMinute,
  });
}

/** The run stops waiting on throttled requests RUN_DEADLINE_MINUTES after it was wired (docs/decisions/run-deadline.md). */
export function runDeadline(minutes: number, startedAt: number): { at: number; setting: string } {
  return { at: startedAt + Math.round(minutes * 60_000), setting: `RUN_DEADLINE_MINUTES=${minutes}` };
}

/**
 * GET of a public file (no token) under REQUEST_TIMEOUT_MS, as bytes: the caller knows its encoding
 * (response.text() would force UTF-8). A non-2xx answer throws HttpError.
 */
export function createFetchText(timeoutMs: number): FetchText {
  return async (url) => {
    const response = await fetchWithTimeout((signal) => fetch(url, { signal }), { method: 'GET', url, timeoutMs }).catch((error: unknown) => {
      throw isNetworkFailure(error) ? toNetworkError(error, 'GET', url) : error;
    });
    if (!response.ok) {
      const { host, pathname } = new URL(url);
      throw new HttpError('GET', `${host}${pathname}`, response.status, response.statusText);
    }
    return new Uint8Array(await response.arrayBuffer());
  };
}
