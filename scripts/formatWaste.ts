import type { RunWaste } from '../src/insights/waste/wasteReportTypes.js';

const CATEGORY_WORDS: Record<string, string> = {
  'idle-seats': 'idle seats',
  disabled: 'disabled',
  'never-used': 'never used',
  inactive: 'inactive',
  redundant: 'redundant',
};

/**
 * The waste for the terminal (issue 15): possible savings and their breakdown, the sites with the
 * largest, subscriptions to act on, assignment errors. Reads defensively, like formatInsights.
 */
export function formatWaste(waste: Partial<RunWaste> | undefined, cents: (value: number) => string): string[] {
  if (!waste || typeof waste !== 'object' || !waste.savings) return [];
  const lines: string[] = [];
  const { savings } = waste;
  const parts = savings.breakdown
    .filter((line) => line.count > 0)
    .map((line) => `${CATEGORY_WORDS[line.category] ?? line.category} ${line.count}: ${cents(line.monthlyCents)}`);
  lines.push(`Possible savings: ${cents(savings.monthlyCents)} a month, ${cents(savings.annualCents)} a year${parts.length ? ` (${parts.join(', ')})` : ''}`);
  const top = (waste.sites ?? []).filter((site) => site.monthlyCents > 0).slice(0, 5);
  if (top.length) lines.push(`Sites with the largest possible savings: ${top.map((site) => `${site.code} ${cents(site.monthlyCents)}`).join(', ')}`);
  if (waste.subscriptionsCheck === 'unavailable') {
    lines.push(`Subscriptions to act on: not checked${waste.subscriptionsUnavailable === 'forbidden' ? ' (needs Organization.Read.All)' : ''}`);
  } else {
    const subscriptions = waste.subscriptions ?? [];
    const detail = subscriptions.map(
      (s) =>
        `${s.skuPartNumber} ${s.isTrial ? 'trial' : s.status}${s.daysToLifecycle !== null && s.daysToLifecycle <= 60 ? ` (next date in ${s.daysToLifecycle} days)` : ''}`,
    );
    lines.push(`Subscriptions to act on: ${subscriptions.length}${detail.length ? ` (${detail.join(', ')})` : ''}`);
  }
  const errors = waste.assignmentErrors ?? [];
  const shown = errors.slice(0, 3).map((e) => `${e.name}: ${e.label} ${e.error ?? e.state}${e.groupId ? `, group "${e.groupName ?? e.groupId}"` : ', direct'}`);
  lines.push(`License assignment errors: ${errors.length}${shown.length ? ` (${shown.join('; ')}${errors.length > 3 ? '; …' : ''})` : ''}`);
  return lines;
}
