import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface OutboxListing {
  /** Files by extension: { eml: 12, html: 12, csv: 11 }. */
  counts: Record<string, number>;
  /** Paths relative to `relativeTo`, those named in `highlight` first (by file name ending), then the rest sorted. */
  files: string[];
}

/** What the outbox mailer wrote in a folder, for the demo to say where the messages are. */
export async function listOutboxFiles(dir: string, relativeTo: string, highlight: readonly string[] = []): Promise<OutboxListing> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  const counts: Record<string, number> = {};
  for (const name of names) {
    const extension = path.extname(name).slice(1).toLowerCase() || '(none)';
    counts[extension] = (counts[extension] ?? 0) + 1;
  }
  const rank = (name: string) => {
    const index = highlight.findIndex((ending) => name.endsWith(ending));
    return index === -1 ? highlight.length : index;
  };
  const ordered = [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { counts, files: ordered.map((name) => path.relative(relativeTo, path.join(dir, name)) || name) };
}
