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
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  return items.filter((item) => wanted.has(item.id.toLowerCase()));
}
