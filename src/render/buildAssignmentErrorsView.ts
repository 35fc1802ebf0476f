// Pure: the license assignments Entra ID could not make, for central IT: one list per group at
// fault (direct assignments last), each account with its sites and the license in words.
import type { RunInsights } from '../insights/types.js';
import type { AssignmentErrorLine } from '../insights/waste/wasteReportTypes.js';
import { allotLines } from './allotLines.js';
import { buildAccountListView, type AccountListView } from './buildAccountListView.js';
import type { Formatters } from './createFormatters.js';
import { errorWords, isActive } from './reviewReasonText.js';
import { truncateForDisplay } from './truncateForDisplay.js';

export type AssignmentErrorsView = { title: string; intro: string; lists: readonly AccountListView[] };

export function buildAssignmentErrorsView(insights: RunInsights, shown: number, fmt: Formatters): AssignmentErrorsView[] {
  const errors = insights.waste?.assignmentErrors ?? [];
  if (errors.length === 0) return [];
  const w = fmt.labels.waste;
  // Already grouped by group (findAssignmentErrors): one list per group, in that order.
  const groups = new Map<string, AssignmentErrorLine[]>();
  for (const error of errors) {
    const key = error.groupId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  const budget = allotLines(
    [...groups.values()].map((group) => group.length),
    shown,
    shown,
  );
  const lists = [...groups.values()].map((group, index) => {
    const [first] = group as [AssignmentErrorLine];
    const heading = first.groupId === null ? w.errorsDirect : w.errorsGroup(truncateForDisplay(first.groupName ?? first.groupId, 100));
    return buildAccountListView(group, budget[index] ?? 0, fmt, {
      heading,
      toLine: (error) => ({
        name: error.name,
        email: error.email,
        meta: [error.siteCodes.length > 0 ? w.errorsSites(error.siteCodes.join(', ')) : w.errorsNoSite],
        note: w.reasons.errorLine(truncateForDisplay(error.label, 80), isActive(error.state), errorWords(error.error, error.state, fmt)),
        licenses: [],
        cost: '',
      }),
    });
  });
  return [{ title: w.errorsTitle(fmt.count(errors.length), fmt.isOne(errors.length)), intro: w.errorsIntro, lists }];
}
