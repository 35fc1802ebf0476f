// Pure: every site of the run in one list, one block each: name and code, status, "35/35 comptes ·
// 0,4 s · 4 comptes à vérifier", last month's cost; on the right this month's cost and the difference.
// Past `maxSites` only the sites whose cost changed most stay (the whole list goes into a CSV).
import { sumCents } from '../core/money.js';
import type { SiteOutcome, RunResult } from '../types.js';
import { deltaView, thenLine, type DeltaView } from './buildCostsView.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { fileNote, shadedAt, textIf, type FileNote, type Flag, type Text } from './viewParts.js';

export type StatusView = { text: string; color: string };

export type SiteItemView = {
  shaded: Flag;
  name: string;
  code: readonly Text[];
  status: readonly StatusView[];
  /** "35/35 comptes · 0,4 s", on the status's line. */
  line: readonly Text[];
  meta: readonly Text[];
  /** "4 comptes à vérifier", when the site has some. */
  note: readonly Text[];
  cost: string;
  delta: readonly DeltaView[];
};

export type SitesView = {
  title: string;
  attached: readonly FileNote[];
  notes: readonly Text[];
  colSite: string;
  colCost: string;
  items: readonly SiteItemView[];
  /** Every site added up, shown or not: this month, last month, the difference. */
  total: readonly { name: string; meta: readonly Text[]; cost: string; delta: readonly DeltaView[] }[];
};

export const STATUS_COLORS = { ok: '#1e7b34', failed: '#b42318', uncertain: '#a15c00', skipped: '#52606d' } as const;

type Comparison = { nowCents: number; thenCents: number | null };

export function buildSitesView(result: RunResult, maxSites: number, attachmentName: string, fmt: Formatters): { view: SitesView; cut: boolean } {
  const s = fmt.labels.summary;
  const previous = result.insights?.previousPeriod ?? null;
  const costs = new Map<string, Comparison>((result.insights?.costBySite ?? []).map((site) => [site.code, site]));
  const known = new Set(result.sites.map((site) => site.code));
  // A site costed this run but without an outcome of its own still shows (its cost counts in the totals).
  const extras = (result.insights?.costBySite ?? []).filter((site) => !known.has(site.code));
  const all: { item: Omit<SiteItemView, 'shaded'>; nowCents: number; thenCents: number | null; change: number }[] = [
    ...result.sites.map((site) => {
      const thenCents = costs.get(site.code)?.thenCents ?? null;
      const nowCents = site.monthlyCostCents;
      return { item: siteItem(site, costs.get(site.code), previous, fmt), nowCents, thenCents, change: Math.abs(nowCents - (thenCents ?? 0)) };
    }),
    ...extras.map((site) => ({
      item: {
        name: truncateForDisplay(site.name),
        code: textIf(truncateForDisplay(site.code, 50)),
        status: [],
        line: [],
        meta: thenLine(site.thenCents, previous, fmt),
        note: [],
        cost: fmt.money(site.nowCents),
        delta: deltaView(site.nowCents, site.thenCents, previous, fmt),
      },
      nowCents: site.nowCents,
      thenCents: site.thenCents,
      change: Math.abs(site.nowCents - (site.thenCents ?? 0)),
    })),
  ];
  const nowTotal = sumCents(all.map((site) => site.nowCents));
  const thens = all.flatMap((site) => (site.thenCents === null ? [] : [site.thenCents]));
  const thenTotal = thens.length === 0 ? null : sumCents(thens);
  const cut = all.length > maxSites;
  // Cut: the biggest changes first (this month's cost on a first month), in list order among equals.
  const kept = cut ? [...all].sort((a, b) => b.change - a.change).slice(0, maxSites) : all;
  const count = fmt.count(all.length);
  return {
    cut,
    view: {
      title: s.sitesTitle(count, fmt.isOne(all.length)),
      attached: cut ? fileNote(s.sitesAttached, attachmentName) : [],
      notes: textIf(cut && kept.length > 0 && s.sitesShown(fmt.count(kept.length), count)),
      colSite: s.siteColumns.site,
      colCost: s.siteColumns.cost,
      items: kept.map(({ item }, index) => ({ shaded: shadedAt(index), ...item })),
      total: [
        {
          name: fmt.labels.summary.insights.total,
          meta: thenLine(thenTotal, previous, fmt),
          cost: fmt.money(nowTotal),
          delta: deltaView(nowTotal, thenTotal, previous, fmt),
        },
      ],
    },
  };
}

function siteItem(site: SiteOutcome, cost: Comparison | undefined, previous: string | null, fmt: Formatters): Omit<SiteItemView, 'shaded'> {
  const s = fmt.labels.summary;
  // A site that failed before its members were read has nothing to count: say so rather than "0/0".
  const nothingRead = site.status === 'failed' && site.total === 0 && site.exported === 0;
  // Accounts, not reasons: an account disabled and holding a redundant license is one to review.
  const review = new Set(site.insights?.review.map((item) => item.userId)).size;
  const line = s.siteLine(nothingRead ? '—' : fmt.count(site.exported), nothingRead ? '—' : fmt.count(site.total), fmt.duration(site.durationMs));
  return {
    name: truncateForDisplay(site.name),
    code: textIf(truncateForDisplay(site.code, 50)),
    status: [statusOf(site, fmt)],
    line: [{ text: line }],
    meta: cost ? thenLine(cost.thenCents, previous, fmt) : [],
    note: textIf(review > 0 && s.toReview(fmt.count(review), fmt.isOne(review))),
    cost: nothingRead ? '—' : fmt.money(site.monthlyCostCents),
    // Against the site's own figure, so the difference reads right beside it.
    delta: cost && !nothingRead ? deltaView(site.monthlyCostCents, cost.thenCents, previous, fmt) : [],
  };
}

export function statusOf(site: SiteOutcome, fmt: Formatters): StatusView {
  const s = fmt.labels.summary;
  const step = site.step === undefined ? undefined : s.steps[site.step];
  const when = (iso: string | undefined) => (iso && Number.isFinite(Date.parse(iso)) ? fmt.dateTime(new Date(iso)) : undefined);
  if (site.delivery === 'unknown') {
    const text = site.reconciliation?.lookup === 'forbidden' ? s.deliveryUnknownMailRead : s.deliveryUnknown;
    return { text, color: STATUS_COLORS.uncertain };
  }
  if (site.reconciliation?.lookup === 'found' && site.status !== 'failed') {
    const text = s.foundInSentItems(when(site.reconciliation.sentAt ?? site.deliveredAt));
    return { text, color: site.status === 'ok' ? STATUS_COLORS.ok : STATUS_COLORS.skipped };
  }
  if (site.delivery === 'already-sent') {
    const on = when(site.deliveredAt);
    return { text: on ? s.alreadySentOn(on) : s.alreadySent, color: STATUS_COLORS.skipped };
  }
  if (site.status === 'failed') return { text: s.failedAt(step), color: STATUS_COLORS.failed };
  if (site.status === 'skipped') {
    return { text: s.skipped(site.error === undefined ? undefined : truncateForDisplay(site.error, 300)), color: STATUS_COLORS.skipped };
  }
  if (site.delivery === 'outbox') return { text: s.okOutbox, color: STATUS_COLORS.ok };
  if (site.delivery === 'not-sent') return { text: s.okNotSent, color: STATUS_COLORS.ok };
  if (site.reconciliation?.resent) return { text: s.sentAfterReconciliation, color: STATUS_COLORS.ok };
  return { text: s.ok, color: STATUS_COLORS.ok };
}
