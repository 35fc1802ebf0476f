import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/render/createRenderer.js';
import { defaultMjmlCompile, type MjmlCompile } from '../../src/render/compileMjml.js';
import { ctxFor, outcome, report, row, runResult } from './fixtures.js';

const templatesDir = join(import.meta.dirname, '..', '..', 'templates');

describe('createRenderer', () => {
  it('compiles each MJML template once per run, however many sites it renders', async () => {
    const compiled: string[] = [];
    const countingCompile: MjmlCompile = async (mjml, options) => {
      compiled.push(mjml.includes('{{#rows}}') ? 'siteReport' : 'runSummary');
      return defaultMjmlCompile(mjml, options);
    };
    const renderer = await createRenderer(ctxFor('fr-FR'), { compile: countingCompile });
    for (let i = 0; i < 25; i++) {
      const mail = await renderer.siteReport(report([row({ lastName: `Nom${i}` })]));
      expect(mail.html).toContain(`<td>Nom${i}</td>`);
    }
    await renderer.runSummary(runResult([outcome()]));
    await renderer.runSummary(runResult([outcome()]));
    expect(compiled.sort()).toEqual(['runSummary', 'siteReport']);
  });

  it('compiles with strict validation, no web fonts and no minification', async () => {
    const seen: Parameters<MjmlCompile>[1][] = [];
    await createRenderer(ctxFor('fr-FR'), {
      compile: (mjml, options) => {
        seen.push(options);
        return defaultMjmlCompile(mjml, options);
      },
    });
    expect(seen).toHaveLength(2);
    for (const options of seen) expect(options).toMatchObject({ validationLevel: 'strict', fonts: {}, minify: false });
  });

  it('refuses invalid MJML, naming the template', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'templates-'));
    await writeFile(join(dir, 'siteReport.mjml'), '<mjml><mj-body><mj-text>text outside a column</mj-text></mj-body></mjml>');
    await writeFile(join(dir, 'runSummary.mjml'), await readFile(join(templatesDir, 'runSummary.mjml'), 'utf8'));
    await expect(createRenderer(ctxFor('fr-FR'), { templatesDir: dir })).rejects.toThrow(/siteReport\.mjml is not valid MJML/);
  });

  it('refuses a template whose loops do not close, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'templates-'));
    const site = await readFile(join(templatesDir, 'siteReport.mjml'), 'utf8');
    await writeFile(join(dir, 'siteReport.mjml'), site.replace('{{/rows}}', ''));
    await writeFile(join(dir, 'runSummary.mjml'), await readFile(join(templatesDir, 'runSummary.mjml'), 'utf8'));
    await expect(createRenderer(ctxFor('fr-FR'), { templatesDir: dir })).rejects.toThrow(/siteReport\.mjml.*\{\{#rows\}\} is never closed/);
  });

  it('says which folder lacks the templates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'empty-'));
    await expect(createRenderer(ctxFor('fr-FR'), { templatesDir: dir })).rejects.toThrow(/Template (siteReport|runSummary)\.mjml cannot be read from .*empty-.*ENOENT/);
  });
});
