/** One line of issue 14's table: a figure as it was, as it is now, and its target. */
export interface TargetRow {
  figure: string;
  today: string;
  now: string;
  target: string;
  /** undefined: not measured this time (the figure says why). */
  met?: boolean;
  note?: string;
}

/** The table as aligned text: figure, today, now, target, ✓/✗, note. */
export function formatTargets(rows: readonly TargetRow[]): string {
  const header: TargetRow = { figure: 'figure', today: 'today', now: 'now', target: 'target' };
  const all = [header, ...rows];
  const width = (key: 'figure' | 'today' | 'now' | 'target') => Math.max(...all.map((row) => row[key].length));
  const [figure, today, now, target] = [width('figure'), width('today'), width('now'), width('target')];
  const mark = (row: TargetRow, index: number) => (index === 0 ? ' ' : row.met === undefined ? '–' : row.met ? '✓' : '✗');
  return all
    .map((row, index) =>
      `${row.figure.padEnd(figure)}  ${row.today.padStart(today)}  ${row.now.padStart(now)}  ${row.target.padEnd(target)}  ${mark(row, index)}  ${row.note ?? ''}`.trimEnd(),
    )
    .join('\n');
}
