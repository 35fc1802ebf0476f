import type { Directory, RawRecord } from '../../ports.js';

/** Group display names by id (lower case); null when the group could not be read (deleted, refused). */
export type GroupNames = ReadonlyMap<string, string | null>;

export interface GroupNamesReader {
  /** The names of these groups, each read at most once per run whoever asks. Never rejects. */
  namesOf(ids: readonly (string | null)[]): Promise<GroupNames>;
}

const nameOf = (record: RawRecord): string | null =>
  typeof record['displayName'] === 'string' && record['displayName'].trim() !== '' ? record['displayName'].trim() : null;

/**
 * Names the groups at fault in license assignment errors: only those groups, read 15 ids a request
 * (GET /groups?$filter=id in (...)), cached for the run so that the sites and the summary asking for
 * the same group read it once. A failed read leaves the names unknown: the mails then show the id.
 */
export function groupNamesReader(directory: Pick<Directory, 'listGroupsById'>): GroupNamesReader {
  const cache = new Map<string, Promise<string | null>>();
  return {
    async namesOf(ids) {
      const wanted = [...new Set(ids.flatMap((id) => (id ? [id.toLowerCase()] : [])))];
      const missing = wanted.filter((id) => !cache.has(id));
      if (missing.length > 0) {
        const read = directory.listGroupsById(missing, ['id', 'displayName']).then(
          (records) => new Map(records.map((record) => [(typeof record['id'] === 'string' ? record['id'] : '').toLowerCase(), nameOf(record)])),
          () => new Map<string, string | null>(),
        );
        for (const id of missing)
          cache.set(
            id,
            read.then((names) => names.get(id) ?? null),
          );
      }
      return new Map(await Promise.all(wanted.map(async (id) => [id, (await cache.get(id)) ?? null] as const)));
    },
  };
}
