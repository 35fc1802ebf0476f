// The $filter forms GET /users (and /groups) accept here: `id eq '…'` and `id in ('…','…')`, the way to read
// a known set of users (their sign-ins, say) in parallel. Anything else is refused, so no client
// relies on a filter the fake would not apply.
import { graphError } from '../http.js';
import type { FakeUser } from '../types.js';

/**
 * "The maximum number of expressions in a filter clause when using the in operator is 15 items by
 * default" (filter-query-parameter, microsoft-graph-docs PR #22097); with an advanced query
 * (ConsistencyLevel: eventual) more are accepted (microsoft-graph-docs#21098).
 */
export const FILTER_IN_MAX_VALUES = 15;

const QUOTED = "'((?:[^']|'')*)'";
const EQ = new RegExp(`^\\s*id\\s+eq\\s+${QUOTED}\\s*$`, 'i');
const IN = /^\s*id\s+in\s*\((.*)\)\s*$/i;

function parseValues(list: string): string[] | null {
  const values: string[] = [];
  const item = new RegExp(`^\\s*${QUOTED}\\s*(,|$)`);
  let rest = list;
  while (rest.trim() !== '') {
    const match = item.exec(rest);
    if (!match) return null;
    values.push((match[1] ?? '').replace(/''/g, "'"));
    rest = rest.slice(match[0].length);
    if (match[2] === '' && rest.trim() !== '') return null;
  }
  return values;
}

/** The users the filter selects, in directory order, or Graph's 400. */
export function filterUsers(users: readonly FakeUser[], filter: string, eventual: boolean): FakeUser[] | Response {
  return filterById(users, filter, eventual, 'users');
}

/** The same `id eq` / `id in` forms on any directory collection (groups too). */
export function filterById<T extends { id: string }>(items: readonly T[], filter: string, eventual: boolean, collection: string): T[] | Response {
  let ids: string[] | null = null;
  const eq = EQ.exec(filter);
  if (eq) ids = [(eq[1] ?? '').replace(/''/g, "'")];
  const inList = eq ? null : IN.exec(filter);
  if (inList) ids = parseValues(inList[1] ?? '');
  if (!ids) {
    return graphError(400, 'Request_UnsupportedQuery', `The fake tenant does not implement this $filter on ${collection}: ${filter}`);
  }
  if (ids.length > FILTER_IN_MAX_VALUES && !eventual) {
    // The directory's answer (microsoft-graph-docs#21098; the same wording with other limits in azure-docs#35547).
    return graphError(
      400,
      'Request_UnsupportedQuery',
      `Too many child clauses specified in search filter expression containing 'OR' operators: ${ids.length}. Max allowed: ${FILTER_IN_MAX_VALUES}.`,
    );
  }
  // By position, not by scanning: the benchmark's tenant answers thousands of these over 50,000 users.
  let positions = positionsOf(items);
  let rebuilt = false;
  const found = new Set<number>();
  for (const id of ids.map((value) => value.toLowerCase())) {
    let at = positions.get(id);
    // A miss or a mismatch may mean an entry replaced in place since the index was built: rebuild once.
    if ((at === undefined || items[at]?.id.toLowerCase() !== id) && !rebuilt) {
      rebuilt = true;
      at = (positions = positionsOf(items, true)).get(id);
    }
    if (at !== undefined && items[at]?.id.toLowerCase() === id) found.add(at);
  }
  return [...found].sort((a, b) => a - b).map((at) => items[at] as T);
}

const indexes = new WeakMap<readonly { id: string }[], { length: number; positions: Map<string, number> }>();

/** Lower-case id -> position, rebuilt when the list changed length (or on demand, see filterById). */
function positionsOf(users: readonly { id: string }[], rebuild = false): Map<string, number> {
  const cached = indexes.get(users);
  if (cached && !rebuild && cached.length === users.length) return cached.positions;
  const positions = new Map(users.map((u, i) => [u.id.toLowerCase(), i]));
  indexes.set(users, { length: users.length, positions });
  return positions;
}
