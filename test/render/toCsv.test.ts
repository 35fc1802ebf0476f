import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/render/toCsv.js';
import { ctxFor, decodeCsv, E3, POWER_BI_FREE, report, row, VISIO_UNPRICED } from './fixtures.js';

function csvLines(locale: 'fr-FR' | 'en-US', rows = [row()]): { bom: boolean; lines: string[] } {
  const { bom, text } = decodeCsv(toCsv(report(rows), ctxFor(locale)).content);
  expect(text.endsWith('\r\n')).toBe(true);
  return { bom, lines: text.slice(0, -2).split('\r\n') };
}

describe('toCsv', () => {
  it('writes a French CSV Excel opens directly: BOM, semicolons, decimal comma, French headers', () => {
    const { bom, lines } = csvLines('fr-FR');
    expect(bom).toBe(true);
    expect(lines).toEqual([
      'NOM;PRÉNOM;EMAIL;POSTE;ÉTABLISSEMENT;LICENCES;TARIF HT;ÉTAT;À VÉRIFIER',
      'Dupont;Jeanne;jeanne.dupont@contoso.fr;Éducatrice spécialisée;Siège social;Office 365 E3 + Power BI (free);6,30;;',
    ]);
  });

  it('writes an English CSV with commas and a decimal point', () => {
    const { bom, lines } = csvLines('en-US');
    expect(bom).toBe(true);
    expect(lines).toEqual([
      'LAST NAME,FIRST NAME,EMAIL,JOB TITLE,SITE,LICENSES,MONTHLY COST (EXCL. VAT),STATE,TO REVIEW',
      'Dupont,Jeanne,jeanne.dupont@contoso.fr,Éducatrice spécialisée,Siège social,Office 365 E3 + Power BI (free),6.30,,',
    ]);
  });

  it('marks unpriced licenses N/A and leaves them out of the cost; no license gives an empty cell and 0', () => {
    const { lines } = csvLines('fr-FR', [row({ licenses: [E3, VISIO_UNPRICED] }), row({ lastName: 'Sans', licenses: [] })]);
    expect(lines[1]).toMatch(/;Office 365 E3 \+ VISIOCLIENT \(N\/A\);6,30;;$/);
    expect(lines[2]).toMatch(/^Sans;.*;Siège social;;0,00;;$/);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['Chef = responsable', 'Chef = responsable'],
  ])('neutralises a formula-like job title %j', (jobTitle, cell) => {
    const { lines } = csvLines('en-US', [row({ jobTitle })]);
    expect(lines[1]?.split(',').slice(3).join(',')).toBe(`${cell},Siège social,Office 365 E3 + Power BI (free),6.30,,`);
  });

  it.each([
    ['fr-FR', 'Dupont; Martin', '"Dupont; Martin"'],
    ['fr-FR', 'Dupont, Martin', 'Dupont, Martin'],
    ['en-US', 'Dupont, Martin', '"Dupont, Martin"'],
    ['fr-FR', 'Tom "Jerry"', '"Tom ""Jerry"""'],
    ['fr-FR', 'deux\nlignes', '"deux\nlignes"'],
  ] as const)('quotes per RFC 4180 in %s: %j', (locale, lastName, cell) => {
    const { text } = decodeCsv(toCsv(report([row({ lastName })]), ctxFor(locale)).content);
    expect(text.split('\r\n')[1]?.startsWith(`${cell}${locale === 'fr-FR' ? ';' : ','}Jeanne`)).toBe(true);
  });

  it('keeps a 10,000-character value whole', () => {
    const jobTitle = 'x'.repeat(10_000);
    const { lines } = csvLines('fr-FR', [row({ jobTitle })]);
    expect(lines[1]).toContain(`;${jobTitle};`);
  });

  it('names the file after the site code and the period, as text/csv bytes', () => {
    const fr = toCsv(report([row()]), ctxFor('fr-FR'));
    expect(fr.name).toBe('comptes-SIEGE-2026-11.csv');
    expect(fr.contentType).toBe('text/csv');
    expect(fr.content).toBeInstanceOf(Uint8Array);
    const odd = toCsv(report([], { site: { ...report([]).site, code: 'a/b c' } }), ctxFor('en-US'));
    expect(odd.name).toBe('accounts-a-b-c-2026-11.csv');
  });

  it('writes only the header for a site without accounts', () => {
    expect(csvLines('fr-FR', []).lines).toHaveLength(1);
  });

  it('keeps the order of the report rows and every license, priced or free', () => {
    const { lines } = csvLines('fr-FR', [row({ lastName: 'B', licenses: [POWER_BI_FREE] }), row({ lastName: 'A' })]);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['B', 'A']);
    expect(lines[1]).toMatch(/;Power BI \(free\);0,00;;$/);
  });

  it.each([
    ['fr-FR', ['Désactivé', 'Invité', 'Désactivé, invité', '']],
    ['en-US', ['Disabled', 'Guest', '"Disabled, guest"', '']],
  ] as const)("ends each %s line with the account state the mail marks (disabled, guest), after the seed's seven columns", (locale, states) => {
    const { lines } = csvLines(locale, [row({ disabled: true }), row({ guest: true }), row({ disabled: true, guest: true }), row()]);
    const separator = locale === 'fr-FR' ? ';' : ',';
    expect(lines[0]?.split(separator)).toHaveLength(9);
    // The state is the eighth cell; the ninth (reasons to review) is empty here.
    const withoutReasons = lines.slice(1).map((line) => line.slice(0, -1));
    expect(
      withoutReasons.map((line) =>
        locale === 'en-US' && line.endsWith('"') ? line.slice(line.lastIndexOf(',"') + 1) : line.slice(line.lastIndexOf(separator) + 1),
      ),
    ).toEqual(states);
  });
});
