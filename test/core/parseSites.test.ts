import { describe, expect, it } from 'vitest';
import { parseSites } from '../../src/core/parseSites.js';
import { guid } from '../support/guid.js';
import { siteRow, testConfig } from '../support/testData.js';

const columns = testConfig().siteColumns;

describe('parseSites', () => {
  it('turns valid rows into sites with trimmed values and their SharePoint ids', () => {
    const { sites, warnings } = parseSites([siteRow(7, '  SIEGE ', { Title: ' SIEGE SOCIAL ', MembersGroupId: ` ${guid(1)} ` })], columns);
    expect(warnings).toEqual([]);
    expect(sites).toEqual([{ code: 'SIEGE', name: 'SIEGE SOCIAL', membersGroupId: guid(1), correspondentsGroupId: guid(2007), rowId: 7 }]);
  });

  it.each([
    ['false', false],
    ['"No"', 'No'],
    ['"Non"', 'Non'],
    ['0', 0],
  ])('skips a row whose Active column is %s, without a warning', (_label, active) => {
    const { sites, warnings } = parseSites([siteRow(1, 'A', { Active: active })], columns);
    expect(sites).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['true', true],
    ['"Yes"', 'Yes'],
  ])('keeps a row whose Active column is %s', (_label, active) => {
    const row = siteRow(1, 'A');
    if (active !== undefined) row['Active'] = active;
    expect(parseSites([row], columns).sites.map((s) => s.code)).toEqual(['A']);
  });

  it.each([
    ['the name', 'Title'],
    ['the code', 'SiteCode'],
    ['the members group', 'MembersGroupId'],
    ['the correspondents group', 'CorrespondentsGroupId'],
  ])('skips a row missing %s with a warning naming the row and the column', (_label, column) => {
    const row = siteRow(12, 'APF', { Title: 'APF', [column]: '  ' });
    const { sites, warnings } = parseSites([row, siteRow(13, 'AT65')], columns);
    expect(sites.map((s) => s.code)).toEqual(['AT65']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('site-row-skipped');
    expect(warnings[0]?.message).toContain('row Id 12');
    expect(warnings[0]?.message).toContain(`"${column}"`);
    expect(warnings[0]?.details).toMatchObject({ rowId: 12, column });
  });

  it('names the row by its Title when it has one', () => {
    const { warnings } = parseSites([siteRow(4, '', { Title: 'CEF LA POUJADE' })], columns);
    expect(warnings[0]?.message).toContain('row Id 4 "CEF LA POUJADE"');
  });

  it('skips a row whose group id is not a GUID, naming the column and the value', () => {
    const { sites, warnings } = parseSites([siteRow(3, 'HUM', { CorrespondentsGroupId: 'IT team' })], columns);
    expect(sites).toEqual([]);
    expect(warnings[0]?.message).toContain('"CorrespondentsGroupId"');
    expect(warnings[0]?.message).toContain('"IT team"');
  });

  it('keeps the first of two rows with the same code (case-insensitive) and names both rows', () => {
    const { sites, warnings } = parseSites([siteRow(1, 'CEP', { Title: 'CEP SAINT JEAN' }), siteRow(2, 'cep', { Title: 'CEP GARONA' })], columns);
    expect(sites.map((s) => s.rowId)).toEqual([1]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('row Id 2 "CEP GARONA"');
    expect(warnings[0]?.message).toContain('row Id 1 "CEP SAINT JEAN"');
    expect(warnings[0]?.details).toMatchObject({ rowId: 2, keptRowId: 1 });
  });

  it('reads the columns named in the settings (internal names)', () => {
    const custom = { ...columns, code: 'Code_x0020_site', active: 'Actif' };
    const row = { Id: 9, Title: 'DDAEOMI 31', Code_x0020_site: 'D31', MembersGroupId: guid(1), CorrespondentsGroupId: guid(2), Actif: true };
    expect(parseSites([row], custom).sites.map((s) => s.code)).toEqual(['D31']);
  });

  it('names a row without an Id by its position', () => {
    const row = siteRow(1, 'X', { Id: undefined, SiteCode: null });
    const { warnings } = parseSites([siteRow(2, 'Y'), row], columns);
    expect(warnings[0]?.message).toContain('row #2 (no Id)');
  });
});
