// `npm run build:templates` (part of `npm run build`): compiles templates/*.mjml to HTML once, at build
// time, so that the run never loads MJML (~0.3 s and ~200 packages). The run fills the compiled HTML
// with src/render/parseTemplate.ts. Why: docs/decisions/mjml-at-build-time.md.
// Self-contained (Node built-ins and mjml only) so that Node runs it straight from TypeScript
// (`node --experimental-strip-types`), before tsc: the tests need the compiled HTML too.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mjml2html from 'mjml';

export interface MjmlCompileOptions {
  validationLevel: 'strict';
  fonts: Record<string, string>;
  minify: false;
  keepComments: false;
}

export const MJML_OPTIONS: MjmlCompileOptions = {
  validationLevel: 'strict',
  // No Google Fonts <link>: mail clients block external resources and it would leak opens.
  fonts: {},
  // mjml 5.4.1's minifier is broken (cssnano pin); size is kept down by the row markup instead.
  minify: false,
  keepComments: false,
};

/** The first line of a compiled template: which source it came from, so a stale copy is caught. */
export const STAMP = /^<!-- compiled from (\S+\.mjml) sha256:([0-9a-f]{64}) -->\n/;

export const sourceHash = (source: string): string => createHash('sha256').update(source, 'utf8').digest('hex');

/** Strict MJML to HTML; invalid MJML throws an Error naming the template and every problem. */
export async function compileTemplate(source: string, templateName: string): Promise<string> {
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(source, MJML_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Template ${templateName} is not valid MJML: ${reason}`, { cause: error });
  }
  if (result.errors.length > 0) {
    throw new Error(`Template ${templateName} is not valid MJML: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  }
  // minify is off (see above), so drop MJML's indentation: ~5 KB a mail, which matters under Gmail's
  // clipping size. Whitespace after a line break stays one line break, which HTML renders the same.
  const html = result.html.replace(/\n\s+/g, '\n');
  return `<!-- compiled from ${templateName} sha256:${sourceHash(source)} -->\n${html}`;
}

/** Compiles every .mjml of `sourceDir` into `outDir` (name.mjml -> name.html); returns the names written. */
export async function buildTemplates(sourceDir: string, outDir: string): Promise<string[]> {
  const names = (await readdir(sourceDir)).filter((name) => name.endsWith('.mjml')).sort();
  if (names.length === 0) throw new Error(`No .mjml template in ${sourceDir}`);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of names) {
    const html = await compileTemplate(await readFile(join(sourceDir, name), 'utf8'), name);
    const target = join(outDir, name.replace(/\.mjml$/, '.html'));
    // Written aside then renamed: a test run reading the folder never sees half a file.
    const partial = `${target}.${process.pid}.tmp`;
    await writeFile(partial, html, 'utf8');
    await rename(partial, target);
    written.push(target);
  }
  return written;
}

// scripts/ when run from source, dist/scripts/ once compiled by tsc.
const here = dirname(fileURLToPath(import.meta.url));
const root = existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
/** Where the runtime finds the compiled HTML: dist/ is what a deployment carries. */
export const DEFAULT_OUT_DIR = join(root, 'dist', 'templates');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildTemplates(join(root, 'templates'), DEFAULT_OUT_DIR).then(
    (files) => process.stdout.write(`templates compiled: ${files.map((file) => file.slice(root.length + 1)).join(', ')}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
