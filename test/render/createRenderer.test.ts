import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/render/createRenderer.js';
import { ctxFor, outcome, report, row, runResult } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const compiledDir = join(root, 'dist', 'templates');
const temps: string[] = [];
const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Every .ts file under `dir`. */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
}

describe('createRenderer', () => {
  it('renders from the HTML compiled at build time: the run never imports MJML, which is a dev dependency only', async () => {
    const runtime = [...(await sources(join(root, 'src'))), ...(await sources(join(root, 'functions')))];
    expect(runtime.length).toBeGreaterThan(20);
    for (const file of runtime) {
      expect(await readFile(file, 'utf8'), relative(root, file)).not.toMatch(/\bfrom\s+['"]mjml['"]|import\(\s*['"]mjml['"]|require\(\s*['"]mjml['"]/);
    }
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { dependencies: object; devDependencies: object };
    expect(pkg.dependencies).not.toHaveProperty('mjml');
    expect(pkg.devDependencies).toHaveProperty('mjml');

    // A deployment without the .mjml sources renders from the compiled HTML alone.
    const renderer = await createRenderer(ctxFor('fr-FR'), { compiledDir, sourceDir: null });
    for (let i = 0; i < 25; i++) {
      const mail = await renderer.siteReport(report([row({ lastName: `Nom${i}` })]));
      expect(mail.html).toContain(`<b>Nom${i} Jeanne</b>`);
      expect(mail.html).not.toMatch(/<mj-|\{\{|compiled from/);
    }
    expect((await renderer.runSummary(runResult([outcome()]))).html).toContain('>Récapitulatif de l&#39;export — novembre 2026</div>');
  });

  it('refuses a compiled template whose loops do not close, naming it', async () => {
    const dir = await tempDir('templates-');
    const site = await readFile(join(compiledDir, 'siteReport.html'), 'utf8');
    await writeFile(join(dir, 'siteReport.html'), site.replace('{{/rows}}', ''));
    await writeFile(join(dir, 'runSummary.html'), await readFile(join(compiledDir, 'runSummary.html'), 'utf8'));
    await expect(createRenderer(ctxFor('fr-FR'), { compiledDir: dir, sourceDir: null })).rejects.toThrow(/siteReport\.mjml.*\{\{#rows\}\} is never closed/);
  });

  it('refuses a compiled template older than its source, saying how to rebuild', async () => {
    const sourceDir = await tempDir('sources-');
    for (const name of ['siteReport', 'runSummary']) {
      const source = await readFile(join(root, 'templates', `${name}.mjml`), 'utf8');
      await writeFile(join(sourceDir, `${name}.mjml`), name === 'runSummary' ? source.replace('#1d4f91', '#123456') : source);
    }
    await expect(createRenderer(ctxFor('fr-FR'), { compiledDir, sourceDir })).rejects.toThrow(
      /runSummary\.mjml changed since it was compiled.*npm run build:templates/,
    );
  });

  it('refuses an HTML file the template build did not write', async () => {
    const dir = await tempDir('templates-');
    await writeFile(join(dir, 'siteReport.html'), '<html>{{subject}}</html>');
    await writeFile(join(dir, 'runSummary.html'), await readFile(join(compiledDir, 'runSummary.html'), 'utf8'));
    await expect(createRenderer(ctxFor('fr-FR'), { compiledDir: dir, sourceDir: null })).rejects.toThrow(
      /siteReport\.html .*not written by scripts\/buildTemplates\.ts/,
    );
  });

  it('says which folder lacks the compiled templates and how to build them', async () => {
    const dir = await tempDir('empty-');
    await expect(createRenderer(ctxFor('fr-FR'), { compiledDir: dir, sourceDir: null })).rejects.toThrow(
      /Template (siteReport|runSummary)\.html cannot be read from .*empty-.*ENOENT.*npm run build/,
    );
  });
});
