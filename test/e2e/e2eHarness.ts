// End-to-end harness: the real CLI job (runCli, real adapters, local ledger) against the fake tenant
// served over HTTPS loopback, so sockets, TLS, timeouts and retries behave as in production.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { runCli } from '../../src/cli/runCli.js';
import type { WiringOptions } from '../../src/deps.js';
import type { RunResult } from '../../src/types.js';
import {
  createFakeTenant,
  sampleTenantData,
  startFakeTenantServer,
  type FakeMessage,
  type FakeTenant,
  type FakeTenantOptions,
  type FakeTenantServer,
  type TenantData,
} from '../fakeTenant/index.js';

/** REQUEST_TIMEOUT_MS for a test whose request hangs on purpose: the time it waits for it. */
export const HANG_TIMEOUT = { REQUEST_TIMEOUT_MS: '500' } as const;

/** The monthly timer's instant: the report is for November 2026 (Europe/Paris). */
export const RUN_AT = new Date('2026-11-01T06:00:00Z');
export const PERIOD = '2026-11';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** The --json run result, when the command printed one. */
  result?: RunResult;
}

export interface E2eOptions {
  /** Changes to the sample tenant before the server starts (hostile values, broken rows). */
  mutate?: (data: TenantData) => void;
  tenantOptions?: FakeTenantOptions;
}

export interface E2e {
  tenant: FakeTenant;
  server: FakeTenantServer;
  /** Temp folder of this test: STATE_DIR (ledger, lease) and OUTBOX_DIR live here. */
  dir: string;
  env(overrides?: Record<string, string>): Record<string, string>;
  /** Runs `npm run report -- --json ...argv` in-process with the fixed clock. */
  run(argv?: string[], envOverrides?: Record<string, string>, wiring?: WiringOptions): Promise<CliRun>;
  /**
   * Called before the tenant sees each request (the tenant does not record it until this resolves):
   * lets a test hold a request at a known point without the tenant's faults.
   */
  intercept?: (request: Request) => Promise<void> | void;
  /**
   * The runs' own waits (the grace before a Sent Items lookup), in ms. None really waits: each
   * moves the fake tenant's clock instead, so a Sent Items lag passes as it would.
   */
  waits: number[];
  close(): Promise<void>;
}

let caTrusted = false;
function trustTestCa(caCertPath: string): void {
  if (caTrusted) return;
  // This worker only: what NODE_EXTRA_CA_CERTS does for a child process.
  setDefaultCACertificates([...getCACertificates('default'), readFileSync(caCertPath, 'utf8')]);
  caTrusted = true;
}

export async function startE2e(options: E2eOptions = {}): Promise<E2e> {
  const data = sampleTenantData({ now: RUN_AT });
  options.mutate?.(data);
  const tenant = createFakeTenant(data, options.tenantOptions);
  const harness = {} as Pick<E2e, 'intercept'>;
  const served: FakeTenant = {
    ...tenant,
    handle: async (request) => {
      const tagged = await tagSiteOfSendMail(request);
      await harness.intercept?.(tagged);
      return tenant.handle(tagged);
    },
  };
  const server = await startFakeTenantServer(served);
  const waits: number[] = [];
  let waitedMs = 0;
  tenant.options.now ??= () => Date.now() + waitedMs;
  trustTestCa(server.caCertPath);
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'));

  const env = (overrides: Record<string, string> = {}): Record<string, string> => ({
    SHAREPOINT_SITE_URL: server.sharePointSiteUrl,
    GRAPH_BASE_URL: server.graphBaseUrl,
    PRODUCT_NAMES_URL: server.productNamesUrl,
    STATIC_ACCESS_TOKEN: options.tenantOptions?.token ?? 'fake-token',
    ORG_NAME: tenant.data.organisationName,
    MAIL_TRANSPORT: 'graph',
    MAIL_SENDER: tenant.data.mailSender,
    IT_SUMMARY_TO: tenant.data.itSummaryTo.join(','),
    OUTBOX_DIR: join(dir, 'outbox'),
    STATE_DIR: join(dir, 'state'),
    // Generous, so that a loaded machine never times out a request that is merely slow; a test of a
    // hung request sets HANG_TIMEOUT (its wait is that long). Throttling waits until the run deadline
    // (default 25 min): a test that throttles without end uses a fake clock (wiring.http).
    REQUEST_TIMEOUT_MS: '10000',
    ...overrides,
  });

  return Object.assign(harness, {
    tenant,
    server,
    dir,
    env,
    waits,
    async run(argv: string[] = [], envOverrides: Record<string, string> = {}, wiring: WiringOptions = {}): Promise<CliRun> {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(
        ['--json', ...argv],
        env(envOverrides),
        { out: (t) => out.push(t), err: (t) => err.push(t) },
        {
          clock: { now: () => RUN_AT },
          sleep: async (ms: number) => {
            waits.push(ms);
            waitedMs += ms;
          },
          ...wiring,
        },
      );
      return { code, out: out.join('\n'), err: err.join('\n'), ...parseResult(out.join('\n')) };
    },
    close: () => server.close(),
  });
}

/** Header naming the site whose report a sendMail carries, so fault rules can target one site. */
export const SITE_HEADER = 'x-e2e-site';

async function tagSiteOfSendMail(request: Request): Promise<Request> {
  if (request.method !== 'POST' || !/\/sendMail\/?$/i.test(new URL(request.url).pathname)) return request;
  const body = await request.text();
  const code = /"name":"(?:comptes|accounts)-([^"]+)-\d{4}-\d{2}\.csv"/.exec(body)?.[1];
  const headers = new Headers(request.headers);
  if (code) headers.set(SITE_HEADER, code);
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}

/** A fault rule's `match` for the sendMail of one site's report. */
export const sendMailOf = (siteCode: string) => ({ kind: 'sendMail', predicate: (request: Request) => request.headers.get(SITE_HEADER) === siteCode });

export function parseResult(out: string): { result?: RunResult } {
  try {
    return { result: JSON.parse(out) as RunResult };
  } catch {
    return {};
  }
}

/** Site code of a site report mail, from its CSV attachment name (comptes-SIEGE-2026-11.csv). */
export function siteCodeOf(mail: FakeMessage): string | undefined {
  const attachments = (mail.message['attachments'] ?? []) as Array<{ name?: string }>;
  for (const { name } of attachments) {
    const match = /^(?:comptes|accounts)-(.+)-\d{4}-\d{2}\.csv$/.exec(name ?? '');
    if (match) return match[1];
  }
  return undefined;
}

export function recipientsOf(mail: FakeMessage): string[] {
  return ((mail.message['toRecipients'] ?? []) as Array<{ emailAddress: { address: string } }>).map((r) => r.emailAddress.address);
}

export function siteMails(tenant: FakeTenant): FakeMessage[] {
  return tenant.sentMail.filter((mail) => siteCodeOf(mail) !== undefined);
}

export function summaryMails(tenant: FakeTenant): FakeMessage[] {
  return tenant.sentMail.filter((mail) => siteCodeOf(mail) === undefined && recipientsOf(mail).some((a) => tenant.data.itSummaryTo.includes(a)));
}

/** Site codes of the site reports sent, sorted, one entry per message (duplicates show). */
export function sentSiteCodes(tenant: FakeTenant): string[] {
  return siteMails(tenant)
    .map((mail) => siteCodeOf(mail) as string)
    .sort();
}

export function htmlOf(mail: FakeMessage): string {
  return String((mail.message['body'] as { content?: unknown } | undefined)?.content ?? '');
}

export function csvOf(mail: FakeMessage): string {
  const attachments = (mail.message['attachments'] ?? []) as Array<{ name: string; contentBytes: string }>;
  const csv = attachments.find((a) => a.name.endsWith('.csv'));
  return csv ? Buffer.from(csv.contentBytes, 'base64').toString('utf8') : '';
}

/** The 11 sites of the sample tenant that can be delivered (FLP's staff group is deleted, SSG has no group id). */
export const DELIVERABLE = ['AT65', 'APF', 'CEFCS', 'CEFLP', 'CEPGA', 'CEPSJ', 'DDA31', 'DDA32', 'HUMA', 'PDM', 'SIEGE'].sort();

/** Polls until `condition` holds (a point in another run's progress), or fails after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
