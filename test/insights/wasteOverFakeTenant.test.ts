// Issue 15, done when: the real CLI job over the fake tenant's second month, which holds each kind of
// waste (scripts/changeTenantForSecondMonth.ts: addSecondMonthWaste). Values are checked in the run
// result and in both mails the tenant received, in French and in English, expected values computed
// from the tenant's own data; then without Organization.Read.All, and with a pair held on purpose.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTenantForSecondMonth } from '../../scripts/changeTenantForSecondMonth.js';
import { APP_ROLES } from '../../src/config/permissions.js';
import { escapeHtml } from '../../src/render/escapeHtml.js';
import type { ReviewItem } from '../../src/insights/types.js';
import { fakeAppToken, KNOWN_SKUS, PRICES_LIST_TITLE, sampleTenantData, type FakeMessage, type FakeUser, type TenantData } from '../fakeTenant/index.js';
import { attachmentsOf, htmlOf, runJob, RUN_AT, type JobRun } from '../scale/scaleHarness.js';

const MONTH_1 = new Date('2026-10-01T06:00:00Z');
const NBSP = '\u00a0';
const DAY = 86_400_000;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const money = {
  'fr-FR': new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  'en-US': new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }),
};
const fr = (cents: number) => money['fr-FR'].format(cents / 100);
const en = (cents: number) => money['en-US'].format(cents / 100);

/** A SKU's monthly price in cents when exactly one row of the price list matches it, else null (N/A). */
function priceOf(data: TenantData, skuId: string): number | null {
  const sku = data.skus.find((s) => s.skuId === skuId);
  const rows = (data.sharePoint.lists.find((l) => l.title === PRICES_LIST_TITLE)?.items ?? []).filter((i) => i['SkuPartNumber'] === sku?.skuPartNumber);
  const price = rows[0]?.['MonthlyPrice'];
  return rows.length === 1 && typeof price === 'number' ? Math.round(price * 100) : null;
}
const paidCents = (data: TenantData, user: FakeUser) => user.assignedLicenses.reduce((sum, l) => sum + Math.max(0, priceOf(data, l.skuId) ?? 0), 0);
const holds = (user: FakeUser, skuId: string) => user.assignedLicenses.some((l) => l.skuId === skuId);
const subjectOf = (mail: FakeMessage) => String(mail.message['subject'] ?? '');
function mailOf(run: JobRun, test: (subject: string) => boolean): FakeMessage {
  const mail = run.tenant.sentMail.find((m) => test(subjectOf(m)));
  if (!mail) throw new Error(`no such mail among ${run.tenant.sentMail.map(subjectOf).join(' | ')}`);
  return mail;
}
const siteMail = (run: JobRun, code: string) =>
  mailOf(run, (s) => s.includes(` — ${run.result.sites.find((site) => site.code === code)?.name ?? code} — `) && !s.includes('Export'));
const summaryMail = (run: JobRun) => mailOf(run, (s) => s.includes('Export des comptes') || s.includes('accounts export'));
const reviewOf = (run: JobRun, code: string): ReviewItem[] => run.result.sites.find((s) => s.code === code)?.insights?.review ?? [];
const note = (text: string) => `<br><span style="color:#8a4b00">${escapeHtml(text)}</span>`;

describe('the waste of the second month over the fake tenant', () => {
  let data: TenantData;
  let french: JobRun;
  let english: JobRun;
  beforeAll(async () => {
    data = sampleTenantData({ now: MONTH_1 });
    changeTenantForSecondMonth(data, RUN_AT);
    french = await runJob(server, data);
    english = await runJob(server, data, { REPORT_LOCALE: 'en-US' });
  }, 60_000);

  const exo = KNOWN_SKUS.EXCHANGESTANDARD.skuId;
  const redundantHolders = () =>
    data.users.filter(
      (u) => holds(u, exo) && [KNOWN_SKUS.ENTERPRISEPACK.skuId, KNOWN_SKUS.O365_BUSINESS_PREMIUM.skuId, KNOWN_SKUS.SPB.skuId].some((s) => holds(u, s)),
    );

  it('finds the Exchange Online (Plan 1) held for nothing at APF (by service plans) and at DDA31 (next to E3, a known pair)', () => {
    const price = priceOf(data, exo) ?? NaN;
    const found = ['APF', 'DDA31'].flatMap((code) =>
      reviewOf(french, code)
        .filter((item) => item.reason === 'redundant-license')
        .map((item) => ({ code, item })),
    );
    expect(found.map(({ code, item }) => [code, item.redundancy, item.license?.label, item.license?.monthlyPriceCents])).toEqual([
      ['APF', 'service-plans', 'Exchange Online (Plan 1)', price],
      ['DDA31', 'known-pair', 'Exchange Online (Plan 1)', price],
    ]);
    expect(found.map(({ item }) => item.userId).sort()).toEqual(
      expect.arrayContaining(
        redundantHolders()
          .filter((u) => found.some((f) => f.item.userId === u.id))
          .map((u) => u.id),
      ),
    );
    expect(found[1]?.item.coveredBy?.label).toBe('Office 365 E3');
    // Teams Exploratory (0 €) sits inside the suites too: free, so never a line.
    expect(french.result.sites.flatMap((s) => s.insights?.review ?? []).some((item) => item.license?.skuId === KNOWN_SKUS.TEAMS_EXPLORATORY.skuId)).toBe(false);
  });

  it('names the group-based Power BI Pro in CountViolation at CEFLP, for the site and for IT', () => {
    const joiner = data.users.find((u) => u.licenseAssignmentStates?.some((s) => s.error === 'CountViolation')) as FakeUser;
    const group = data.groups.find((g) => g.id === joiner.licenseAssignmentStates?.find((s) => s.error)?.assignedByGroup);
    expect(reviewOf(french, 'CEFLP').find((item) => item.reason === 'assignment-error')).toMatchObject({
      userId: joiner.id,
      license: { label: 'Power BI Pro' },
      assignment: { state: 'Error', error: 'CountViolation', groupId: group?.id, groupName: group?.displayName },
    });
    expect(french.result.insights?.waste?.assignmentErrors).toEqual([
      expect.objectContaining({
        userId: joiner.id,
        name: joiner.displayName,
        email: joiner.mail,
        label: 'Power BI Pro',
        groupName: group?.displayName,
        siteCodes: ['CEFLP'],
      }),
    ]);
  });

  it('tells the never-used account at AT65 apart from an inactive one, and the password-sprayed one at CEFCS as inactive since its last success', () => {
    // Every account of the tenant that never signed in, holds a paid license and is older than 90 days (AT65's is the month's).
    const never = data.users
      .filter((u) => !u.signInActivity && u.accountEnabled && paidCents(data, u) > 0 && Date.parse(u.createdDateTime ?? '') < RUN_AT.getTime() - 90 * DAY)
      .map((u) => u.id);
    const listed = french.result.sites.flatMap((s) => (s.insights?.review ?? []).filter((item) => item.reason === 'never-used').map((item) => item.userId));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(never).toContain(id);
    expect(reviewOf(french, 'AT65').filter((item) => item.reason === 'never-used')).toHaveLength(1);
    expect(never).toContain(reviewOf(french, 'AT65').find((item) => item.reason === 'never-used')?.userId);
    const sprayed = data.users.find(
      (u) =>
        u.signInActivity &&
        RUN_AT.getTime() - Date.parse(u.signInActivity.lastSignInDateTime ?? '') < 2 * DAY &&
        RUN_AT.getTime() - Date.parse(u.signInActivity.lastSuccessfulSignInDateTime ?? '') > 90 * DAY,
    ) as FakeUser;
    expect(reviewOf(french, 'CEFCS').find((item) => item.userId === sprayed.id)).toMatchObject({
      reason: 'inactive',
      signInBasis: 'successful',
      detail: sprayed.signInActivity?.lastSuccessfulSignInDateTime?.slice(0, 10),
    });
    // The new hire of this week, not signed in yet, is not flagged.
    const newHire = data.users.find((u) => !u.signInActivity && RUN_AT.getTime() - Date.parse(u.createdDateTime ?? '') < 7 * DAY) as FakeUser;
    expect(french.result.sites.flatMap((s) => s.insights?.review ?? []).some((item) => item.userId === newHire.id)).toBe(false);
  });

  it('lists the subscriptions to act on, from the company subscriptions of the tenant', () => {
    const soon = (iso: string | null) => iso !== null && Date.parse(iso) <= RUN_AT.getTime() + 60 * DAY;
    const expected = (data.subscriptions ?? []).filter((s) => s.status !== 'Deleted' && (s.status !== 'Enabled' || s.isTrial || soon(s.nextLifecycleDateTime)));
    const listed = french.result.insights?.waste?.subscriptions ?? [];
    expect(listed.map((s) => s.subscriptionId).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(listed.map((s) => s.status).sort()).toEqual(['Enabled', 'Enabled', 'LockedOut', 'Suspended', 'Warning']);
    const e3 = listed.find((s) => s.skuPartNumber === 'ENTERPRISEPACK');
    const e3Seats = (data.subscriptions ?? []).find((s) => s.id === e3?.subscriptionId)?.totalLicenses ?? NaN;
    expect(e3).toMatchObject({
      reasons: ['lifecycle-soon'],
      daysToLifecycle: 24,
      seats: e3Seats,
      monthlyCostAtStakeCents: e3Seats * (priceOf(data, KNOWN_SKUS.ENTERPRISEPACK.skuId) ?? NaN),
    });
    expect(listed.find((s) => s.isTrial)).toMatchObject({ skuPartNumber: 'Microsoft_365_Copilot', reasons: ['trial', 'lifecycle-soon'], seats: 25 });
  });

  it('adds up the possible savings once per account: idle paid seats, disabled, never used, inactive, redundant; per year = x 12', () => {
    const { insights } = french.result;
    const waste = insights?.waste;
    const line = (category: string) => waste?.savings.breakdown.find((l) => l.category === category);
    expect(line('idle-seats')?.monthlyCents).toBe(insights?.idleCostCents);
    // Every disabled account of the tenant holding a paid license, in a site or in none, once.
    const disabled = data.users.filter((u) => !u.accountEnabled && u.userType === 'Member' && paidCents(data, u) > 0);
    expect(line('disabled')).toMatchObject({ count: disabled.length, monthlyCents: disabled.reduce((sum, u) => sum + paidCents(data, u), 0) });
    expect(line('redundant')).toMatchObject({ count: 2, monthlyCents: 2 * (priceOf(data, exo) ?? NaN) });
    expect(line('never-used')?.count).toBeGreaterThanOrEqual(1);
    expect(line('inactive')?.count).toBeGreaterThan(10);
    const total = (waste?.savings.breakdown ?? []).reduce((sum, l) => sum + l.monthlyCents, 0);
    expect(waste?.savings).toMatchObject({ monthlyCents: total, annualCents: total * 12 });
    // Each site's own figure is what its mail shows; the sites are ranked by it.
    const sites = waste?.sites ?? [];
    for (const site of sites) expect(french.result.sites.find((s) => s.code === site.code)?.insights?.savings?.monthlyCents).toBe(site.monthlyCents);
    expect(sites.map((s) => s.monthlyCents)).toEqual([...sites.map((s) => s.monthlyCents)].sort((a, b) => b - a));
    expect(english.result.insights?.waste?.savings).toEqual(waste?.savings);
  });

  it('shows each site its possible savings on the first screen and one line per reason, in French and in English', () => {
    const dda31 = french.result.sites.find((s) => s.code === 'DDA31')?.insights?.savings;
    const item = reviewOf(french, 'DDA31').find((r) => r.reason === 'redundant-license') as ReviewItem;
    const price = priceOf(data, exo) ?? NaN;
    const mailFr = htmlOf(siteMail(french, 'DDA31'));
    expect(mailFr).toContain(
      `>Économies possibles : <b style="color:#1d4f91">${fr(dda31?.monthlyCents ?? NaN)}</b> par mois<br><span style="color:#52606d">soit ${fr(dda31?.annualCents ?? NaN)} par an</span></div>`,
    );
    expect(mailFr).toContain(note(`Licence en double : Exchange Online (Plan 1) (${fr(price)} par mois), déjà comprise dans Office 365 E3`));
    const mailEn = htmlOf(siteMail(english, 'DDA31'));
    expect(mailEn).toContain(
      `>Possible savings: <b style="color:#1d4f91">${en(dda31?.monthlyCents ?? NaN)}</b> a month<br><span style="color:#52606d">that is ${en(dda31?.annualCents ?? NaN)} a year</span></div>`,
    );
    expect(mailEn).toContain(note(`Redundant license: Exchange Online (Plan 1) (${en(price)} a month), already included in Office 365 E3`));

    const group = data.groups.find((g) => g.displayName.startsWith('Licences Power BI'))?.displayName ?? '?';
    expect(htmlOf(siteMail(french, 'CEFLP'))).toContain(
      note(`Licence Power BI Pro non attribuée : plus assez de licences disponibles (CountViolation) — groupe «${NBSP}${group}${NBSP}»`),
    );
    expect(htmlOf(siteMail(english, 'CEFLP'))).toContain(
      note(`License Power BI Pro not assigned: not enough licenses available (CountViolation) — group "${group}"`),
    );
    expect(htmlOf(siteMail(french, 'AT65'))).toContain(note('Jamais connecté (compte créé il y a plus de 90 jours)'));
    expect(htmlOf(siteMail(english, 'AT65'))).toContain(note('Never signed in (account older than 90 days)'));

    // The CSV: the account's reasons in the column after its state.
    const csv =
      attachmentsOf(siteMail(french, 'DDA31'))[0]
        ?.bytes.toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n') ?? [];
    expect(csv[0]).toBe('NOM;PRÉNOM;EMAIL;POSTE;ÉTABLISSEMENT;LICENCES;TARIF HT;ÉTAT;À VÉRIFIER');
    expect(csv.find((l) => l.includes(item.email))).toMatch(
      new RegExp(`;Licence en double : Exchange Online \\(Plan 1\\) \\(3,70${NBSP}€ par mois\\), déjà comprise dans Office 365 E3$`),
    );
  });

  it('gives central IT the headline and its breakdown, the top sites, the subscriptions and the assignment errors, in French and in English', () => {
    const waste = french.result.insights?.waste;
    const [top] = waste?.sites ?? [];
    const summaryFr = htmlOf(summaryMail(french));
    expect(summaryFr).toContain(
      `<b style="font-size:22px;line-height:30px;color:#1d4f91">${fr(waste?.savings.monthlyCents ?? NaN)} par mois</b><br><span style="color:#52606d">soit ${fr(waste?.savings.annualCents ?? NaN)} par an</span>`,
    );
    const redundant = waste?.savings.breakdown.find((l) => l.category === 'redundant');
    expect(summaryFr).toContain(
      `2 licences en double (déjà comprises dans une autre licence du compte)</td><td align="right" valign="top" nowrap style="border-bottom:1px solid #e3e8ee"><b>${fr(redundant?.monthlyCents ?? NaN)}</b>`,
    );
    const topSites = summaryFr.slice(summaryFr.indexOf('les plus fortes</div>'));
    expect(topSites.indexOf(`<b>${escapeHtml(top?.name ?? '?')}</b>`)).toBeGreaterThan(0);
    expect(topSites).toContain(
      `<b>${fr(top?.monthlyCents ?? NaN)}</b><br><span style="color:#52606d">${fr((top?.monthlyCents ?? NaN) * 12)}${NBSP}/${NBSP}an</span>`,
    );
    expect(summaryFr).toContain('>Abonnements à surveiller (5)</div>');
    expect(summaryFr).toContain('<span style="color:#a15c00">Expiré, en période de grâce</span>');
    expect(summaryFr).toContain('<span style="color:#b42318">Bloqué (abonnement résilié)</span>');
    expect(summaryFr).toContain('<span style="color:#1d4f91">Version d&#39;essai</span>');
    const group = data.groups.find((g) => g.displayName.startsWith('Licences Power BI'))?.displayName ?? '?';
    expect(summaryFr).toContain(`>Groupe «${NBSP}${escapeHtml(group)}${NBSP}»</div>`);
    const summaryEn = htmlOf(summaryMail(english));
    expect(summaryEn).toContain(
      `${en(waste?.savings.monthlyCents ?? NaN)} a month</b><br><span style="color:#52606d">that is ${en(waste?.savings.annualCents ?? NaN)} a year</span>`,
    );
    expect(summaryEn).toContain('>Subscriptions to watch (5)</div>');
    expect(summaryEn).toContain(`>Group &quot;${escapeHtml(group)}&quot;</div>`);
    expect(summaryEn).toContain('>Sites with the largest possible savings</div>');
  });
});

describe('without Organization.Read.All, and with a pair held on purpose', () => {
  it('says the subscriptions are unavailable, naming the permission, and everything else goes out', async () => {
    const data = sampleTenantData({ now: MONTH_1 });
    changeTenantForSecondMonth(data, RUN_AT);
    // Every permission the app is granted, plus Mail.Send, but not the optional Organization.Read.All.
    const roles = [...APP_ROLES.filter((r) => r.api === 'Microsoft Graph' && r.role !== 'Organization.Read.All').map((r) => r.role), 'Mail.Send'];
    const run = await runJob(server, data, { STATIC_ACCESS_TOKEN: fakeAppToken({ roles }), LICENSE_OVERLAP_EXCEPTIONS: 'EXCHANGESTANDARD+ENTERPRISEPACK' });
    expect(run.tenant.requests.filter((r) => r.kind === 'directorySubscriptions').map((r) => r.status)).toEqual([403]);
    expect(run.result.sites.filter((s) => s.status === 'failed').map((s) => s.code)).toEqual(['FLP']);
    expect(run.result.insights?.waste).toMatchObject({
      subscriptionsCheck: 'unavailable',
      subscriptionsUnavailable: 'forbidden',
      subscriptions: [],
      overlapExceptions: ['EXCHANGESTANDARD+ENTERPRISEPACK'],
    });
    expect(run.result.warnings.filter((w) => w.details?.['insight'] === 'subscriptions')).toEqual([]);
    const summary = htmlOf(summaryMail(run));
    expect(summary).toContain('Il faut la permission Microsoft Graph Organization.Read.All.');
    expect(summary).toContain('EXCHANGESTANDARD+ENTERPRISEPACK');
    // The pair held on purpose is not called redundant; the one found by service plans still is.
    expect(run.result.insights?.waste?.savings.breakdown.find((l) => l.category === 'redundant')?.count).toBe(1);
    expect(reviewOf(run, 'DDA31').some((item) => item.reason === 'redundant-license')).toBe(false);
    expect(reviewOf(run, 'APF').some((item) => item.reason === 'redundant-license')).toBe(true);
  }, 60_000);
});
