// The run's side of "MJML at build time": reads the HTML that scripts/buildTemplates.ts compiled
// (dist/templates/*.html) and parses it for filling. MJML itself is never loaded at run time.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate, type FillTemplate } from './parseTemplate.js';

export const TEMPLATE_NAMES = ['siteReport', 'runSummary'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The stamp scripts/buildTemplates.ts writes on the first line. */
const STAMP = /^<!-- compiled from (\S+\.mjml) sha256:([0-9a-f]{64}) -->\n/;
const BUILD_HINT = 'run `npm run build:templates` (or `npm run build`)';

export interface TemplateDirs {
  /** Folder of the compiled .html; found above this file by default (dist/templates). */
  compiledDir?: string;
  /**
   * Folder of the .mjml sources, when present (not in a deployment that leaves them out): a compiled
   * template older than its source is refused, so a changed template is never silently ignored.
   */
  sourceDir?: string | null;
}

export async function loadTemplates(dirs: TemplateDirs = {}): Promise<Record<TemplateName, FillTemplate>> {
  const compiledDir = dirs.compiledDir ?? findAbove(join('dist', 'templates', 'siteReport.html'));
  if (compiledDir === undefined) {
    throw new Error(`No compiled templates (dist/templates) found above ${fileURLToPath(import.meta.url)}: ${BUILD_HINT}`);
  }
  const sourceDir = dirs.sourceDir === undefined ? findAbove(join('templates', 'siteReport.mjml')) : (dirs.sourceDir ?? undefined);
  const [siteReport, runSummary] = await Promise.all(TEMPLATE_NAMES.map((name) => load(name, compiledDir, sourceDir)));
  return { siteReport: siteReport as FillTemplate, runSummary: runSummary as FillTemplate };
}

async function load(name: TemplateName, compiledDir: string, sourceDir: string | undefined): Promise<FillTemplate> {
  const file = `${name}.html`;
  const compiled = await readFile(join(compiledDir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Template ${file} cannot be read from ${compiledDir} (${error.code ?? error.message}): ${BUILD_HINT}`);
  });
  const stamp = STAMP.exec(compiled);
  if (!stamp) throw new Error(`Template ${file} in ${compiledDir} was not written by scripts/buildTemplates.ts: ${BUILD_HINT}`);
  if (sourceDir !== undefined) {
    const source = await readFile(join(sourceDir, `${name}.mjml`), 'utf8').catch(() => undefined);
    if (source !== undefined && createHash('sha256').update(source, 'utf8').digest('hex') !== stamp[2]) {
      throw new Error(`Template ${name}.mjml changed since it was compiled to ${join(compiledDir, file)}: ${BUILD_HINT}`);
    }
  }
  return parseTemplate(compiled.slice(stamp[0].length), `${name}.mjml`);
}

/** Walks up from this file (src/render or dist/src/render) to the first folder holding `relative`. */
function findAbove(relative: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(join(dir, relative))) return dirname(join(dir, relative));
    dir = dirname(dir);
  }
  return undefined;
}
