// Pure: the run's warnings grouped by kind, in the dictionary's order, each group bounded; every
// warning a sentence in the mail's language (describeWarning.ts). The checks that could not run
// (inactivity, Microsoft's product names) close the list.
import type { RunWarning } from '../types.js';
import type { Formatters } from './createFormatters.js';
import { describeWarning } from './describeWarning.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import type { Text } from './viewParts.js';

export type WarningsView = {
  title: string;
  /** details: one item holding the warning's technical detail, when it has one. */
  groups: readonly { heading: string; items: readonly { message: string; details: readonly Text[] }[] }[];
};

export function buildWarningsView(warnings: readonly RunWarning[], checks: readonly Text[], perGroup: number, fmt: Formatters): WarningsView {
  const s = fmt.labels.summary;
  const headings: Record<string, string> = s.warningHeadings;
  const byCode = new Map<string, RunWarning[]>();
  for (const warning of warnings) {
    const group = byCode.get(warning.code);
    if (group) group.push(warning);
    else byCode.set(warning.code, [warning]);
  }
  // Known codes in the dictionary's order, then any code this renderer does not know yet.
  const known = Object.keys(headings).filter((code) => byCode.has(code));
  const codes = [...known, ...[...byCode.keys()].filter((code) => !(code in headings))];
  const groups = codes.map((code) => {
    const group = byCode.get(code) ?? [];
    const items = group.slice(0, perGroup).map((warning) => {
      const { message, detail } = describeWarning(warning, fmt);
      return {
        message: truncateForDisplay(message, 1000),
        details: detail === undefined ? [] : [{ text: s.technicalDetail(truncateForDisplay(detail, 300)) }],
      };
    });
    const hidden = group.length - items.length;
    if (hidden > 0) items.push({ message: s.warningsMore(fmt.count(hidden), fmt.isOne(hidden)), details: [] });
    return { heading: headings[code] ?? code, items };
  });
  if (checks.length > 0) groups.push({ heading: s.warningHeadings.checks, items: checks.map((check) => ({ message: check.text, details: [] })) });
  return { title: s.warningsTitle, groups };
}
