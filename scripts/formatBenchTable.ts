export interface BenchTargets {
  maxRequests?: number;
  maxWallMs?: number;
  maxRssBytes?: number;
}

export interface BenchMeasure {
  /** "sample organisation" */
  name: string;
  /** "590 accounts, 12 site rows, 12 SKUs" */
  description: string;
  /** HTTP requests the fake tenant answered, by kind. */
  requests: Record<string, number>;
  /** Requests the issue promises, by kind, printed beside the counts. */
  expected: Record<string, number>;
  wallMs: number;
  maxRssBytes: number;
  renderMs: number;
  renders: number;
  compileMs: number;
  sitesOk: number;
  sites: number;
  targets: BenchTargets;
}

const KIND_ORDER = ['subscribedSkus', 'listItems', 'groupMembers', 'users', 'productNames', 'sendMail', 'batch', 'other'];
const MB = 1024 * 1024;
const count = new Intl.NumberFormat('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** The benchmark's figures, one section per tenant: metric, figure, target and ✓/✗ when there is a target. */
export function formatBenchTable(measures: readonly BenchMeasure[]): string {
  // metric, figure, target, ✓/✗, note
  const rows: Array<[string, string, string, string, string]> = [];
  const sectionStarts: number[] = [];
  for (const m of measures) {
    sectionStarts.push(rows.length);
    rows.push([m.name, m.description, '', '', '']);
    const total = Object.values(m.requests).reduce((a, b) => a + b, 0);
    const { maxRequests, maxWallMs, maxRssBytes } = m.targets;
    rows.push([
      '  requests',
      count.format(total),
      maxRequests === undefined ? '' : `target ≤ ${maxRequests}`,
      maxRequests === undefined ? '' : mark(total <= maxRequests),
      '',
    ]);
    const kinds = [...new Set([...KIND_ORDER, ...Object.keys(m.requests)])].filter((kind) => (m.requests[kind] ?? 0) > 0 || m.expected[kind] !== undefined);
    for (const kind of kinds) {
      const n = m.requests[kind] ?? 0;
      const expected = m.expected[kind];
      rows.push([
        `    ${kind}`,
        count.format(n),
        expected === undefined ? '' : `expected ${count.format(expected)}`,
        expected === undefined ? '' : mark(n === expected),
        '',
      ]);
    }
    rows.push([
      '  wall time',
      seconds(m.wallMs),
      maxWallMs === undefined ? '' : `target < ${seconds(maxWallMs).replace('.00', '')}`,
      maxWallMs === undefined ? '' : mark(m.wallMs < maxWallMs),
      '',
    ]);
    rows.push([
      '  peak RSS',
      megabytes(m.maxRssBytes),
      maxRssBytes === undefined ? '' : `target < ${megabytes(maxRssBytes)}`,
      maxRssBytes === undefined ? '' : mark(m.maxRssBytes < maxRssBytes),
      '',
    ]);
    rows.push(['  render time', seconds(m.renderMs), '', '', `${m.renders} mails rendered; templates compiled in ${seconds(m.compileMs)}`]);
    rows.push(['  sites ok', `${m.sitesOk}/${m.sites}`, '', '', '']);
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.filter((_, r) => !sectionStarts.includes(r)).map((row) => row[i]?.length ?? 0)));
  const lines = rows.map((row, r) => {
    if (sectionStarts.includes(r)) return `${r === 0 ? '' : '\n'}${row[0]}: ${row[1]}`;
    const [metric, figure, target, ok, note] = row;
    return `${metric.padEnd(widths[0] ?? 0)}  ${figure.padStart(widths[1] ?? 0)}  ${target.padEnd(widths[2] ?? 0)}  ${ok.padEnd(1)}  ${note}`.trimEnd();
  });
  return lines.join('\n');
}
