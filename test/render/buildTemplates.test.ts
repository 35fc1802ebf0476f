// The build-time half of the mail rendering: templates/*.mjml compiled once, strictly (scripts/buildTemplates.ts).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplates, compileTemplate, MJML_OPTIONS, sourceHash, STAMP } from '../../scripts/buildTemplates.js';
import { loadTemplates } from '../../src/render/loadTemplates.js';

const templatesDir = join(import.meta.dirname, '..', '..', 'templates');
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'build-templates-'));
  temps.push(dir);
  return dir;
};

describe('template build', () => {
  it.each(['siteReport.mjml', 'runSummary.mjml'])('compiles %s as strictly valid MJML, stamped with its source', async (name) => {
    const source = await readFile(join(templatesDir, name), 'utf8');
    const html = await compileTemplate(source, name);
    expect(STAMP.exec(html)?.slice(1)).toEqual([name, sourceHash(source)]);
    expect(html).toContain('<!doctype html>');
    expect(html).not.toMatch(/<mj-|fonts\.googleapis|<link/);
    expect(html).toContain('{{#footer}}');
  });

  it('compiles with strict validation, no web fonts and no minification', () => {
    expect(MJML_OPTIONS).toMatchObject({ validationLevel: 'strict', fonts: {}, minify: false });
  });

  it.each([
    ['text outside a column', '<mjml><mj-body><mj-text>text outside a column</mj-text></mj-body></mjml>'],
    ['an unknown attribute', '<mjml><mj-body><mj-section><mj-column><mj-text colour="red">x</mj-text></mj-column></mj-section></mj-body></mjml>'],
    ['an unknown element', '<mjml><mj-body><mj-section><mj-column><mj-paragraph>x</mj-paragraph></mj-column></mj-section></mj-body></mjml>'],
  ])('refuses invalid MJML (%s), naming the template', async (_what, source) => {
    await expect(compileTemplate(source, 'siteReport.mjml')).rejects.toThrow(/Template siteReport\.mjml is not valid MJML/);
  });

  it('writes one .html per .mjml, and fails the whole build on one invalid template', async () => {
    const sourceDir = await tempDir();
    const outDir = join(await tempDir(), 'out');
    await writeFile(join(sourceDir, 'siteReport.mjml'), await readFile(join(templatesDir, 'siteReport.mjml'), 'utf8'));
    await writeFile(join(sourceDir, 'notes.txt'), 'not a template');
    const written = await buildTemplates(sourceDir, outDir);
    expect(written).toEqual([join(outDir, 'siteReport.html')]);
    expect((await readdir(outDir)).sort()).toEqual(['siteReport.html']);

    await writeFile(join(sourceDir, 'runSummary.mjml'), '<mjml><mj-body><mj-text>x</mj-text></mj-body></mjml>');
    await expect(buildTemplates(sourceDir, outDir)).rejects.toThrow(/runSummary\.mjml is not valid MJML/);
  });

  it('leaves the run the compiled HTML of the current sources (npm test builds them first)', async () => {
    // loadTemplates refuses a compiled template whose source changed since it was built.
    const fill = await loadTemplates();
    expect(Object.keys(fill).sort()).toEqual(['runSummary', 'siteReport']);
  });
});
