import { randomUUID } from 'node:crypto';
import type { Config } from './config/Config.js';
import { createTokenProvider, type TokenProvider } from './adapters/auth/index.js';
import { createGraphAdapters } from './adapters/graph/index.js';
import { createListReader } from './adapters/sharepoint/index.js';
import { createGraphMailer, type GraphMailerOptions } from './adapters/mail/createGraphMailer.js';
import { createOutboxMailer } from './adapters/mail/createOutboxMailer.js';
import { createRateLimitedMailer } from './adapters/mail/createRateLimitedMailer.js';
import { createTextStore } from './adapters/store/createTextStore.js';
import { createRunLedger } from './ledger/createRunLedger.js';
import { createRenderer } from './render/createRenderer.js';
import { HttpError } from './errors.js';
import { fetchWithTimeout } from './adapters/http/fetchWithTimeout.js';
import type { Clock, FetchText, Logger, Mailer, TextStore } from './ports.js';
import type { RunDeps } from './run/RunDeps.js';

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
}

const systemClock: Clock = { now: () => new Date() };

/** Wires the real adapters for one run: Graph, SharePoint, mail (or outbox), store and ledger. */
export function createRunDeps(config: Config, logger: Logger, options: WiringOptions = {}): RunDeps & { store: TextStore } {
  const clock = options.clock ?? systemClock;
  const tokens = options.tokens ?? createTokenProvider(config);
  const graph = createGraphAdapters(config, tokens);
  const store = options.store ?? createTextStore(config);
  return {
    config,
    lists: createListReader(config, tokens),
    directory: graph.directory,
    mailer: createMailer(config, clock, graph.postSendMail, options.dryRun ?? false),
    ledger: createRunLedger(store, { leaseSeconds: config.runLeaseSeconds, logger }),
    store,
    fetchText: options.fetchText ?? createFetchText(config.requestTimeoutMs),
    createRenderer,
    clock,
    logger,
    newRunId: () => options.runId ?? randomUUID(),
  };
}

function createMailer(
  config: Config,
  clock: Clock,
  postSendMail: GraphMailerOptions['postSendMail'],
  dryRun: boolean,
): Mailer {
  if (dryRun || config.mailTransport === 'outbox') {
    return createOutboxMailer({ dir: config.outboxDir, clock, timeZone: config.timeZone, from: config.mailSender });
  }
  const sender = config.mailSender;
  if (!sender) throw new Error('MAIL_SENDER is required with MAIL_TRANSPORT=graph');
  // One limiter per mailbox: site reports and the summary share Outlook's and Exchange's limits.
  return createRateLimitedMailer(createGraphMailer({ sender, postSendMail }), {
    concurrency: config.mailConcurrency,
    // Real time, not the run's clock: the limit is Exchange's, whatever date the run reports on.
    perMinute: config.mailsPerMinute,
  });
}

/** GET of a public text file (no token) under REQUEST_TIMEOUT_MS; a non-2xx answer throws HttpError. */
function createFetchText(timeoutMs: number): FetchText {
  return async (url) => {
    const response = await fetchWithTimeout((signal) => fetch(url, { signal }), { method: 'GET', url, timeoutMs });
    if (!response.ok) {
      const { host, pathname } = new URL(url);
      throw new HttpError('GET', `${host}${pathname}`, response.status, response.statusText);
    }
    return response.text();
  };
}
