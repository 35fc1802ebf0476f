// Single-value extended properties in OData queries, as Graph documents them
// (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get):
//   $filter=singleValueExtendedProperties/Any(ep: ep/id eq '{id}' and ep/value eq '{value}')
//   $expand=singleValueExtendedProperties($filter=id eq '{id}')
// "Filtering the string name (Name) in the id of an extended property is case-sensitive. Filtering
// the value property of an extended property is case-insensitive." String values also take
// contains(), startswith() and ne.

export interface ExtendedProperty {
  id: string;
  value: string;
}

type ValueTest = (value: string) => boolean;

/** Compares ids by their parts: type, GUID and tag case-insensitive, the Name case-sensitive. */
export function sameExtendedPropertyId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

function idKey(id: string): string {
  const named = /^\s*(\w+)\s+\{([0-9a-f-]{36})\}\s+Name\s+(.+?)\s*$/i.exec(id);
  if (named) return `${named[1]?.toLowerCase()}|${named[2]?.toLowerCase()}|name|${named[3]}`;
  const numbered = /^\s*(\w+)\s+\{([0-9a-f-]{36})\}\s+Id\s+(0x[0-9a-f]+)\s*$/i.exec(id);
  if (numbered) return `${numbered[1]?.toLowerCase()}|${numbered[2]?.toLowerCase()}|id|${Number(numbered[3])}`;
  const tagged = /^\s*(\w+)\s+(0x[0-9a-f]+)\s*$/i.exec(id);
  if (tagged) return `${tagged[1]?.toLowerCase()}|tag|${Number(tagged[2])}`;
  return id.trim().toLowerCase();
}

const QUOTED = "'((?:[^']|'')*)'";
const unquote = (text: string | undefined) => (text ?? '').replace(/''/g, "'");

/** A parsed `…/Any(ep: …)` filter: the property id and the test on its value, or null when not that form. */
export function parseExtendedPropertyFilter(filter: string): { id: string; test: ValueTest } | null {
  const any = /^\s*singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*([\s\S]*)\)\s*$/i.exec(filter);
  if (!any) return null;
  const v = any[1] ?? 'ep';
  const clauses: Array<[RegExp, (m: RegExpExecArray) => { id?: string; test?: ValueTest }]> = [
    [new RegExp(`^\\s*${v}/id\\s+eq\\s+${QUOTED}`, 'i'), (m) => ({ id: unquote(m[1]) })],
    [
      new RegExp(`^\\s*${v}/value\\s+(eq|ne)\\s+${QUOTED}`, 'i'),
      (m) => {
        const wanted = unquote(m[2]).toLowerCase();
        const negate = m[1]?.toLowerCase() === 'ne';
        return { test: (value) => (value.toLowerCase() === wanted) !== negate };
      },
    ],
    [
      new RegExp(`^\\s*(contains|startswith)\\(\\s*${v}/value\\s*,\\s*${QUOTED}\\s*\\)`, 'i'),
      (m) => {
        const wanted = unquote(m[2]).toLowerCase();
        return {
          test: m[1]?.toLowerCase() === 'contains' ? (value) => value.toLowerCase().includes(wanted) : (value) => value.toLowerCase().startsWith(wanted),
        };
      },
    ],
  ];
  let rest = any[2] ?? '';
  let id: string | undefined;
  let test: ValueTest = () => true;
  for (let first = true; rest.trim() !== ''; first = false) {
    if (!first) {
      const and = /^\s+and\s+/i.exec(rest);
      if (!and) return null;
      rest = rest.slice(and[0].length);
    }
    const clause = clauses.map(([pattern, read]) => ({ match: pattern.exec(rest), read })).find((c) => c.match);
    if (!clause?.match) return null;
    const parsed = clause.read(clause.match);
    if (parsed.id !== undefined) id = parsed.id;
    if (parsed.test) {
      const previous = test;
      const next = parsed.test;
      test = (value) => previous(value) && next(value);
    }
    rest = rest.slice(clause.match[0].length);
  }
  return id === undefined ? null : { id, test };
}

/** A parsed `singleValueExtendedProperties($filter=id eq '…')` expansion, or null when not that form. */
export function parseExtendedPropertyExpand(expand: string): { id: string } | null {
  const match = new RegExp(`^\\s*singleValueExtendedProperties\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s+${QUOTED}\\s*\\)\\s*$`, 'i').exec(expand);
  return match ? { id: unquote(match[1]) } : null;
}

export function propertiesOf(message: Record<string, unknown>): ExtendedProperty[] {
  const list = message['singleValueExtendedProperties'];
  return Array.isArray(list) ? (list as ExtendedProperty[]) : [];
}
