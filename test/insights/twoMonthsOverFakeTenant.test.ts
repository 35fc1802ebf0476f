// Issue 6, done when: the real CLI job over the fake tenant for two consecutive months, sharing one
// state folder, the tenant changing in between (scripts/changeTenantForSecondMonth.ts). Month 1 has
// no Entra ID P1 (403 on signInActivity). Values are checked in the run result and in both mails
// the tenant received, expected values computed from the tenant's data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTenantForSecondMonth } from '../../scripts/changeTenantForSecondMonth.js';
import { runCli } from '../../src/cli/runCli.js';
import { escapeHtml } from '../../src/render/escapeHtml.js';
import type { RunResult } from '../../src/types.js';
import {
  createFakeTenant,
  fakeTenantHandlers,
  KNOWN_SKUS,
  PRICES_LIST_TITLE,
  sampleTenantData,
  SITES_LIST_TITLE,
  type FakeMessage,
  type FakeTenant,
  type FakeUser,
  type TenantData,
} from '../fakeTenant/index.js';
import { htmlOf, jobEnv } from '../scale/scaleHarness.js';

const MONTH_1 = new Date('2026-10-01T06:00:00Z');
const MONTH_2 = new Date('2026-11-01T06:00:00Z');
const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const signedEuro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' });
const count = new Intl.NumberFormat('fr-FR');
const money = (cents: number) => euro.format(cents / 100);
const NBSP = '\u00a0';
/** An account's block in a mail's list: its name in bold, then its address first of the grey lines. */
const account = (name: string, mail: string) =>
  new RegExp(`<b>${escapeRegExp(escapeHtml(name))}</b>(?: <span[^>]*>[^<]*</span>)*<span style="color:#52606d"><br>${escapeRegExp(escapeHtml(mail))}`);
/** From an account's or a site's name to the end of its block. */
const blockOf = (html: string, start: string): string => {
  const at = html.lastIndexOf(start);
  expect(at, start).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf('</tr>', at));
};
const costLine = (label: string, value: string) =>
  `<td style="border-bottom:1px solid #e3e8ee">${label}</td><td align="right" nowrap style="border-bottom:1px solid #e3e8ee"><b>${value}</b></td>`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

interface Month {
  tenant: FakeTenant;
  result: RunResult;
  siteMail(code: string): string;
  summaryMail(): string;
}

async function runMonth(data: TenantData, now: Date, stateDir: string, forbidSignIns: boolean): Promise<Month> {
  const tenant = createFakeTenant(data);
  if (forbidSignIns) {
    tenant.addFault({
      match: { predicate: (request) => decodeURIComponent(request.url).includes('signInActivity') },
      respond: {
        status: 403,
        body: { error: { code: 'Authorization_RequestDenied', message: "Neither tenant is B2C or tenant doesn't have premium license" } },
      },
    });
  }
  server.resetHandlers(...fakeTenantHandlers(tenant));
  const out: string[] = [];
  const err: string[] = [];
  await runCli(['--json'], jobEnv(data, { STATE_DIR: stateDir }), { out: (t) => out.push(t), err: (t) => err.push(t) }, { clock: { now: () => now } });
  const result = JSON.parse(out.join('\n') || 'null') as RunResult | null;
  if (!result) throw new Error(`no run result: ${err.join('\n')}`);
  const subjectOf = (mail: FakeMessage) => String(mail.message['subject'] ?? '');
  const find = (test: (subject: string) => boolean): string => {
    const mail = tenant.sentMail.find((m) => test(subjectOf(m)));
    if (!mail) throw new Error(`no such mail among ${tenant.sentMail.map(subjectOf).join(' | ')}`);
    return htmlOf(mail);
  };
  const nameOf = (code: string) => result.sites.find((s) => s.code === code)?.name ?? code;
  return {
    tenant,
    result,
    siteMail: (code) => find((subject) => subject.includes('Comptes Microsoft 365') && subject.includes(` — ${nameOf(code)} — `)),
    summaryMail: () => find((subject) => subject.includes('Export des comptes Microsoft 365')),
  };
}

// ------------------------------------------------------------ the tenant's facts, from its data

const sitesList = (data: TenantData) => data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE)?.items ?? [];
const groupOf = (data: TenantData, code: string) => sitesList(data).find((i) => i['SiteCode'] === code)?.['MembersGroupId'];

function membersOf(data: TenantData, groupId: unknown): Set<string> {
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const users = new Set(data.users.map((u) => u.id));
  const found = new Set<string>();
  const visit = (id: string, seen: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    if (users.has(id)) found.add(id);
    for (const member of groups.get(id)?.memberIds ?? []) visit(member, seen);
  };
  for (const member of groups.get(String(groupId))?.memberIds ?? []) visit(member, new Set());
  return found;
}

/** A SKU's monthly price in cents when exactly one readable row of the price list matches it, else null (N/A). */
function priceOf(data: TenantData, skuPartNumber: string): number | null {
  const rows = (data.sharePoint.lists.find((l) => l.title === PRICES_LIST_TITLE)?.items ?? []).filter((i) => i['SkuPartNumber'] === skuPartNumber);
  const price = rows[0]?.['MonthlyPrice'];
  return rows.length === 1 && typeof price === 'number' ? Math.round(price * 100) : null;
}

const holders = (data: TenantData, skuId: string) => data.users.filter((u) => u.assignedLicenses.some((l) => l.skuId === skuId)).length;

describe('two months over the fake tenant: what changed, what to review, what is wasted', () => {
  let data: TenantData;
  let before: TenantData;
  let first: Month;
  let second: Month;

  beforeAll(async () => {
    const stateDir = join(mkdtempSync(join(tmpdir(), 'two-months-')), 'state');
    data = sampleTenantData({ now: MONTH_1 });
    first = await runMonth(data, MONTH_1, stateDir, true);
    before = structuredClone(data);
    changeTenantForSecondMonth(data, MONTH_2);
    second = await runMonth(data, MONTH_2, stateDir, false);
  }, 60_000);

  const userOf = (tenant: TenantData, id: string | undefined): FakeUser => {
    const user = tenant.users.find((u) => u.id === id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  };
  const siteOutcome = (month: Month, code: string) => month.result.sites.find((s) => s.code === code);

  it('month 1: a first report everywhere, the inactivity check said unavailable (403), nothing fails because of it', () => {
    const ok = first.result.sites.filter((s) => s.status === 'ok');
    expect(ok.length).toBeGreaterThan(5);
    for (const site of ok) expect(site.insights?.changes?.firstReport).toBe(true);
    expect(first.result.sites.filter((s) => s.status === 'failed').map((s) => s.code)).toEqual(['FLP']);
    expect(first.result.insights).toMatchObject({ inactivityCheck: 'unavailable', inactivityUnavailable: 'forbidden', previousPeriod: null });
    expect(siteOutcome(first, 'SIEGE')?.insights).toMatchObject({ inactivityCheck: 'unavailable', inactivityUnavailable: 'forbidden' });

    const siege = first.siteMail('SIEGE');
    expect(siege).toContain('Premier rapport pour cet établissement');
    expect(siege).toContain('Vérification des comptes inactifs indisponible : le locataire Microsoft 365 ne permet pas de lire la dernière connexion');
    const summary = first.summaryMail();
    expect(summary).toContain('Premier mois : rien à comparer');
    expect(summary).toContain('AuditLog.Read.All');
  });

  it('month 2: HUMA lists its three arrivals, PDM its departure', () => {
    const arrivals = data.users.filter((u) => !before.users.some((b) => b.id === u.id));
    expect(arrivals).toHaveLength(3);
    const huma = siteOutcome(second, 'HUMA')?.insights?.changes;
    expect(huma).toMatchObject({ firstReport: false, previousPeriod: '2026-10' });
    expect(huma?.arrived.map((a) => a.userId).sort()).toEqual(arrivals.map((u) => u.id).sort());
    const humaMail = second.siteMail('HUMA');
    expect(humaMail).toContain('>Changements depuis le rapport d&#39;octobre 2026</div>');
    expect(humaMail).toContain('>Arrivées (3)</div>');
    // Arrivals are accounts of the site: named as in its account list (last name first).
    for (const user of arrivals) expect(humaMail).toMatch(account(`${user.surname} ${user.givenName}`, user.mail ?? ''));

    const leaver = before.users.find((u) => !data.users.some((n) => n.id === u.id));
    const pdm = siteOutcome(second, 'PDM')?.insights?.changes;
    expect(pdm?.left.map((a) => a.userId)).toEqual([leaver?.id]);
    const pdmMail = second.siteMail('PDM');
    expect(pdmMail).toContain('>Départ (1)</div>');
    expect(pdmMail).toContain(`<b>${escapeHtml(`${leaver?.givenName} ${leaver?.surname}`)}</b>`);
  });

  it('month 2: SIEGE shows the license added, the disabled E3 account to review, and its cost then, now and the difference', () => {
    const added = data.users.find((u) => u.assignedLicenses.length > (before.users.find((b) => b.id === u.id)?.assignedLicenses.length ?? Infinity));
    const disabled = data.users.find((u) => !u.accountEnabled && before.users.find((b) => b.id === u.id)?.accountEnabled);
    expect(added && disabled).toBeTruthy();
    const siege = siteOutcome(second, 'SIEGE');
    expect(siege?.insights?.changes?.licenseChanges).toEqual([expect.objectContaining({ userId: added?.id, added: ['Power BI Pro'], removed: [] })]);
    const review = siege?.insights?.review.find((r) => r.userId === disabled?.id);
    expect(review).toMatchObject({ reason: 'disabled-with-paid-license', licenses: expect.arrayContaining(['Office 365 E3']) });

    const then = siteOutcome(first, 'SIEGE')?.monthlyCostCents ?? NaN;
    const now = siege?.monthlyCostCents ?? NaN;
    // The only money that moved at SIEGE: Power BI Pro added (the disabled account still holds its E3).
    expect(now - then).toBe(priceOf(data, 'POWER_BI_PRO'));
    expect(siege?.insights?.changes).toMatchObject({ costThenCents: then, costNowCents: now, deltaCents: now - then });

    const mail = second.siteMail('SIEGE');
    expect(mail).toContain('>Licence ajoutée ou retirée (1 compte)</div>');
    expect(mail).toMatch(account(`${added?.surname} ${added?.givenName}`, added?.mail ?? ''));
    expect(mail).toContain('<br>+ Power BI Pro (ajoutée)</td>');
    const reviewed = `<b>${escapeHtml(`${disabled?.surname} ${disabled?.givenName}`)}</b>`;
    expect(mail).toMatch(account(`${disabled?.surname} ${disabled?.givenName}`, disabled?.mail ?? ''));
    expect(mail.slice(mail.indexOf(reviewed))).toMatch(/^[^\n]*<span style="color:#8a4b00">Compte désactivé qui détient encore une licence payante<\/span>/);
    expect(mail).toContain(costLine('Coût mensuel HT en octobre 2026', money(then)));
    expect(mail).toContain(costLine('Coût mensuel HT en novembre 2026', money(now)));
    expect(mail).toContain(costLine('Écart', signedEuro.format((now - then) / 100)));
    expect(mail).not.toContain('Vérification des comptes inactifs indisponible');
    expect(second.result.insights?.inactivityCheck).toBe('ok');

    const cepsj = siteOutcome(second, 'CEPSJ')?.insights?.changes?.licenseChanges;
    expect(cepsj).toHaveLength(1);
    expect(cepsj?.[0]?.removed).toHaveLength(1);
    expect(second.siteMail('CEPSJ')).toMatch(/\(retirée\)(<br>|<\/td>)/);
  });

  it('month 2 summary: idle seats per SKU and their total cost, as the tenant bought and assigned them', () => {
    const seats = second.result.insights?.seats ?? [];
    let total = 0;
    for (const sku of data.skus) {
      const assigned = holders(data, sku.skuId);
      const idle = Math.max(0, sku.prepaidUnits - assigned);
      const price = priceOf(data, sku.skuPartNumber);
      const idleCost = price === null ? 0 : idle * price;
      total += idleCost;
      expect(seats.find((s) => s.skuId === sku.skuId)).toMatchObject({ purchased: sku.prepaidUnits, assigned, idle, idleCostCents: idleCost });
    }
    expect(second.result.insights?.idleCostCents).toBe(total);
    expect(total).toBeGreaterThan(0);

    const e3 = KNOWN_SKUS.ENTERPRISEPACK;
    const sku = data.skus.find((s) => s.skuId === e3.skuId);
    const assigned = holders(data, e3.skuId);
    const price = priceOf(data, e3.skuPartNumber) ?? NaN;
    const idle = (sku?.prepaidUnits ?? 0) - assigned;
    expect(idle).toBeGreaterThan(0);
    const summary = second.summaryMail();
    const plural = (n: number, word: string) => `${count.format(n)}${NBSP}${word}${n > 1 ? 's' : ''}`;
    expect(summary).toContain(
      `<td>Office 365 E3 <span style="color:#52606d;font-size:12px">ENTERPRISEPACK</span><br><span style="color:#52606d">` +
        `${plural(sku?.prepaidUnits ?? 0, 'achetée')} · ${plural(assigned, 'attribuée')} · ${plural(idle, 'inutilisée')}${NBSP}×${NBSP}${money(price)}</span></td>` +
        `<td align="right" valign="bottom" nowrap><b>${money(idle * price)}</b></td>`,
    );
    expect(summary).toContain(
      `<b>Coût mensuel total des licences inutilisées</b></td><td align="right" valign="bottom" nowrap style="border-top:1px solid #c5ced8"><b>${money(total)}</b></td>`,
    );
  });

  it('month 2 summary: licensed accounts in no site, the account in two sites counted once, and the sentence saying so', () => {
    const okCodes = second.result.sites.filter((s) => s.status === 'ok').map((s) => s.code);
    const membership = new Map<string, string[]>();
    for (const code of okCodes) for (const id of membersOf(data, groupOf(data, code))) membership.set(id, [...(membership.get(id) ?? []), code]);
    const noSite = data.users.filter((u) => u.assignedLicenses.length > 0 && !membership.has(u.id));
    const twoSites = [...membership].filter(([, codes]) => codes.length > 1);
    expect(noSite.length).toBeGreaterThan(0);
    expect(twoSites).toHaveLength(1);

    const insights = second.result.insights;
    expect(insights?.uncovered.map((a) => a.userId).sort()).toEqual(noSite.map((u) => u.id).sort());
    expect(insights?.multiSite.map((a) => [a.userId, [...a.siteCodes].sort()])).toEqual(twoSites.map(([id, codes]) => [id, [...codes].sort()]));

    const summary = second.summaryMail();
    const n = noSite.length;
    expect(summary).toContain(`>${n} comptes sous licence rattachés à aucun établissement — ${money(insights?.uncoveredCostCents ?? NaN)} par mois</div>`);
    const admin = noSite.find((u) => u.mail?.startsWith('admin.m365@'));
    expect(summary).toMatch(account(admin?.displayName ?? '?', admin?.mail ?? ''));
    const [sharedId, sharedCodes] = twoSites[0] ?? [];
    const shared = userOf(data, sharedId);
    expect(summary).toContain('>1 compte présent dans plusieurs établissements</div>');
    expect(summary).toMatch(account(`${shared.givenName} ${shared.surname}`, shared.mail ?? ''));
    expect(blockOf(summary, `<b>${escapeHtml(`${shared.givenName} ${shared.surname}`)}</b>`)).toContain(
      `<span style="color:#8a4b00">Établissements : ${sharedCodes?.join(', ')}</span>`,
    );
    // The sample's shared account holds only free licenses: nothing is counted twice, and the summary says so.
    expect(insights?.overcountCents).toBe(0);
    expect(summary).toContain('Leur coût n&#39;est compté qu&#39;une fois dans le total de l&#39;organisation ; leurs licences sont gratuites');
    expect(insights?.sitesTotalCents).toBe(second.result.totals.monthlyCostCents);
  });

  it('month 2 summary: cost by site against last month, with the difference', () => {
    expect(second.result.insights?.previousPeriod).toBe('2026-10');
    const summary = second.summaryMail();
    for (const code of ['HUMA', 'PDM', 'SIEGE', 'CEPSJ']) {
      const then = siteOutcome(first, code)?.monthlyCostCents ?? NaN;
      const now = siteOutcome(second, code)?.monthlyCostCents ?? NaN;
      expect(second.result.insights?.costBySite.find((s) => s.code === code)).toMatchObject({ nowCents: now, thenCents: then });
      // The site's block: last month on the left; this month and the difference, in colour, on the right.
      const block = blockOf(summary, `<span style="color:#52606d;font-size:12px">${code}</span>`);
      expect(block).toContain(`<br>octobre 2026 : ${money(then)}</span>`);
      expect(block).toMatch(
        new RegExp(
          `<td align="right" valign="top" nowrap><b>${escapeRegExp(money(now))}</b><br><span style="color:#[0-9a-f]{6}">${escapeRegExp(signedEuro.format((now - then) / 100))}</span></td>$`,
        ),
      );
    }
    expect(summary).not.toContain('Premier mois');
    expect(summary).not.toContain('AuditLog.Read.All');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
