import type { ListReader, RawRecord } from '../../src/ports.js';

export interface FakeLists extends ListReader {
  lists: Map<string, RawRecord[]>;
  failures: Map<string, Error>;
  calls: Array<{ listTitle: string; columns: readonly string[] }>;
}

/** SharePoint lists in memory; a list that is not there answers like SharePoint's 404. */
export function createFakeLists(lists: Record<string, RawRecord[]> = {}): FakeLists {
  const fake: FakeLists = {
    lists: new Map(Object.entries(lists)),
    failures: new Map(),
    calls: [],
    async readItems(listTitle, columns) {
      fake.calls.push({ listTitle, columns });
      await new Promise((resolve) => setImmediate(resolve));
      const failure = fake.failures.get(listTitle);
      if (failure) throw failure;
      const items = fake.lists.get(listTitle);
      if (!items) throw new Error(`List '${listTitle}' does not exist at site`);
      return items.map((item) => ({ ...item }));
    },
  };
  return fake;
}
