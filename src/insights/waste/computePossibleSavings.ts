import { sumCents } from '../../core/money.js';
import type { Cents } from '../../types.js';
import { listReviewReasons } from './listReviewReasons.js';
import type { AccountFacts, ReviewReasonCode, SavingsCategory, SavingsHeadline, SavingsLine, SiteSavings } from './wasteTypes.js';

type AccountCategory = Exclude<SavingsCategory, 'idle-seats'>;

/** When an account fits several, the first counts (docs/decisions/possible-savings-counted-once.md). */
export const SAVINGS_PRECEDENCE: readonly AccountCategory[] = ['disabled', 'never-used', 'inactive', 'redundant'];

const UNITS: Record<SavingsCategory, SavingsLine['unit']> = {
  'idle-seats': 'seats',
  disabled: 'accounts',
  'never-used': 'accounts',
  inactive: 'accounts',
  redundant: 'licenses',
};

/** The reasons that free a whole account's paid licenses, in SAVINGS_PRECEDENCE order. */
const WHOLE_ACCOUNT: ReadonlyArray<[AccountCategory, ReviewReasonCode]> = [
  ['disabled', 'disabled-with-paid-licenses'],
  ['never-used', 'never-used'],
  ['inactive', 'inactive'],
];

/** What removing this account's waste saves a month, under its one category (null = nothing to save). */
export function accountSavings(facts: AccountFacts): { category: AccountCategory | null; monthlyCents: Cents; licenses: number } {
  const reasons = listReviewReasons(facts);
  for (const [category, code] of WHOLE_ACCOUNT) {
    const reason = reasons.find((r) => r.code === code);
    if (reason && 'monthlyCostCents' in reason) return { category, monthlyCents: reason.monthlyCostCents, licenses: 0 };
  }
  const redundant = reasons.flatMap((r) => (r.code === 'redundant-license' ? [r] : []));
  if (redundant.length === 0) return { category: null, monthlyCents: 0, licenses: 0 };
  return { category: 'redundant', monthlyCents: sumCents(redundant.map((r) => r.monthlyCostCents)), licenses: redundant.length };
}

function line(category: SavingsCategory, count: number, monthlyCents: Cents): SavingsLine {
  return { category, unit: UNITS[category], count, monthlyCents, annualCents: monthlyCents * 12 };
}

/** Each account once (first facts win), then its savings summed by category. */
function headline(accounts: readonly AccountFacts[], idle?: { seats: number; monthlyCents: Cents }): SavingsHeadline {
  const seen = new Set<string>();
  const totals = new Map<AccountCategory, { count: number; monthlyCents: Cents }>(SAVINGS_PRECEDENCE.map((c) => [c, { count: 0, monthlyCents: 0 }]));
  for (const facts of accounts) {
    if (seen.has(facts.userId)) continue;
    seen.add(facts.userId);
    const saving = accountSavings(facts);
    const total = saving.category && totals.get(saving.category);
    if (!total || saving.monthlyCents === 0) continue;
    total.count += saving.category === 'redundant' ? saving.licenses : 1;
    total.monthlyCents += saving.monthlyCents;
  }
  const breakdown = [
    ...(idle ? [line('idle-seats', idle.seats, idle.monthlyCents)] : []),
    ...SAVINGS_PRECEDENCE.map((category) => {
      const total = totals.get(category) ?? { count: 0, monthlyCents: 0 };
      return line(category, total.count, total.monthlyCents);
    }),
  ];
  const monthlyCents = sumCents(breakdown.map((l) => l.monthlyCents));
  return { monthlyCents, annualCents: monthlyCents * 12, breakdown };
}

/** One site's possible savings: its accounts' lines (no idle seats: they are the organisation's), each account once. */
export function siteSavingsOf(accounts: readonly AccountFacts[]): SavingsHeadline {
  return headline(accounts);
}

/**
 * The "possible savings" headline, per month and per year (x 12, exact cents): for each site, its
 * accounts' paid licenses on disabled, never-used and inactive accounts and its redundant licenses;
 * for the organisation, the same over every account once (sites and accounts in no site) plus the
 * idle purchased seats. An account counts once, in the first category of SAVINGS_PRECEDENCE it fits.
 * Sites are ranked by their monthly figure, largest first (then by code).
 */
export function computePossibleSavings(input: {
  sites: ReadonlyArray<{ code: string; name: string; accounts: readonly AccountFacts[] }>;
  /** Licensed accounts no site reports: in the organisation's figure only. */
  accountsInNoSite?: readonly AccountFacts[];
  /** The seats table's lines (computeSeats): idle seats of priced SKUs count. */
  seats: ReadonlyArray<{ idle: number; idleCostCents: Cents }>;
}): { organisation: SavingsHeadline; sites: SiteSavings[] } {
  const pricedIdle = input.seats.filter((seat) => seat.idleCostCents > 0);
  const idle = { seats: sumCents(pricedIdle.map((seat) => seat.idle)), monthlyCents: sumCents(pricedIdle.map((seat) => seat.idleCostCents)) };
  const everyAccount = [...input.sites.flatMap((site) => site.accounts), ...(input.accountsInNoSite ?? [])];
  const sites = input.sites
    .map((site) => ({ code: site.code, name: site.name, ...headline(site.accounts) }))
    .sort((a, b) => b.monthlyCents - a.monthlyCents || a.code.localeCompare(b.code))
    .map((site, index) => ({ ...site, rank: index + 1 }));
  return { organisation: headline(everyAccount, idle), sites };
}
