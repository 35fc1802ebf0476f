// The real CLI job (runCli: real Graph, SharePoint and mail adapters, local ledger) against the fake
// tenant through msw, so request counts are those production would send.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SetupServer } from 'msw/node';
import { runCli } from '../../src/cli/runCli.js';
import type { RunResult } from '../../src/types.js';
import {
  createFakeTenant,
  fakeTenantHandlers,
  FAKE_GRAPH_BASE_URL,
  FAKE_PRODUCT_NAMES_URL,
  FAKE_SHAREPOINT_SITE_URL,
  KNOWN_SKUS,
  type FakeMessage,
  type FakeTenant,
  type TenantData,
} from '../fakeTenant/index.js';

/** The monthly timer's instant: the report is for November 2026 (Europe/Paris). */
export const RUN_AT = new Date('2026-11-01T06:00:00Z');

export function jobEnv(data: TenantData, overrides: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'scale-'));
  return {
    SHAREPOINT_SITE_URL: FAKE_SHAREPOINT_SITE_URL,
    GRAPH_BASE_URL: FAKE_GRAPH_BASE_URL,
    PRODUCT_NAMES_URL: FAKE_PRODUCT_NAMES_URL,
    STATIC_ACCESS_TOKEN: 'fake-token',
    ORG_NAME: data.organisationName,
    MAIL_TRANSPORT: 'graph',
    MAIL_SENDER: data.mailSender,
    IT_SUMMARY_TO: data.itSummaryTo.join(','),
    // A fresh ledger for every run, so no site is skipped as already sent.
    STATE_DIR: join(dir, 'state'),
    OUTBOX_DIR: join(dir, 'outbox'),
    ...overrides,
  };
}

export interface JobRun {
  tenant: FakeTenant;
  code: number;
  result: RunResult;
  err: string;
}

/** Serves `data` through `server` (its handlers are replaced), runs `npm run report -- --json`, returns what happened. */
export async function runJob(server: SetupServer, data: TenantData, envOverrides: Record<string, string> = {}): Promise<JobRun> {
  const tenant = createFakeTenant(data);
  server.resetHandlers(...fakeTenantHandlers(tenant));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--json'], jobEnv(data, envOverrides), { out: (t) => out.push(t), err: (t) => err.push(t) }, { clock: { now: () => RUN_AT } });
  let result: RunResult;
  try {
    result = JSON.parse(out.join('\n')) as RunResult;
  } catch {
    throw new Error(`the job printed no run result (exit ${code}): ${err.join('\n')}`);
  }
  return { tenant, code, result, err: err.join('\n') };
}

/** Users a group reaches through nested groups, each once: what transitiveMembers/microsoft.graph.user pages over. */
export function transitiveUserCount(data: TenantData, groupId: string): number | undefined {
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const users = new Set(data.users.map((u) => u.id));
  if (!groups.has(groupId)) return undefined;
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    if (users.has(id)) found.add(id);
    for (const member of groups.get(id)?.memberIds ?? []) visit(member);
  };
  for (const member of groups.get(groupId)?.memberIds ?? []) visit(member);
  return found.size;
}

export function htmlOf(mail: FakeMessage): string {
  return String((mail.message['body'] as { content?: unknown } | undefined)?.content ?? '');
}

export function attachmentsOf(mail: FakeMessage): Array<{ name: string; contentType: string; bytes: Buffer }> {
  return ((mail.message['attachments'] ?? []) as Array<{ name: string; contentType: string; contentBytes: string }>).map((a) => ({
    name: a.name,
    contentType: a.contentType,
    bytes: Buffer.from(a.contentBytes, 'base64'),
  }));
}

const { ENTERPRISEPACK, STANDARDPACK, POWER_BI_STANDARD, SPB, VISIOCLIENT } = KNOWN_SKUS;
/** Licenses of the added accounts, in turn: VISIOCLIENT has no price row in the sample tenant. */
const LICENSE_SETS = [[ENTERPRISEPACK], [STANDARDPACK, POWER_BI_STANDARD], [SPB], [VISIOCLIENT, ENTERPRISEPACK], []];
const FIRST_NAMES = ['Jeanne', 'Éric', 'Zoé', 'Mohamed', 'Anaïs', 'Luc', 'Fatou', 'Grégoire', 'Inès', 'Noël', 'Maëlle', 'Karim'];
const JOB_TITLES = ['Éducateur spécialisé', 'Assistante de direction', 'Moniteur-éducateur', 'Psychologue', 'Agent de service', 'Infirmière'];

/** Replaces the staff group of site `code` by `accounts` new users (realistic values, mixed licenses). */
export function growSite(data: TenantData, code: string, accounts: number): void {
  const sites = data.sharePoint.lists.find((list) => list.items.some((item) => item['SiteCode'] === code));
  const groupId = sites?.items.find((item) => item['SiteCode'] === code)?.['MembersGroupId'];
  const group = data.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`growSite: site ${code} has no staff group in the tenant`);
  group.memberIds = [];
  for (let i = 0; i < accounts; i++) {
    const givenName = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Jeanne';
    const surname = `Nom${((i * 2_654_435_761) >>> 0).toString(36).toUpperCase()}`;
    const local = `${givenName
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}.${surname.toLowerCase()}`;
    const user = {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      mail: `${local}@${data.domain}`,
      userPrincipalName: `${local}@${data.domain}`,
      jobTitle: JOB_TITLES[i % JOB_TITLES.length] ?? null,
      accountEnabled: i % 50 !== 0,
      userType: 'Member' as const,
      assignedLicenses: (LICENSE_SETS[i % LICENSE_SETS.length] ?? []).map(({ skuId }) => ({ skuId, disabledPlans: [] })),
    };
    data.users.push(user);
    group.memberIds.push(user.id);
  }
}
