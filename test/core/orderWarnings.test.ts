import { describe, expect, it } from 'vitest';
import { orderWarnings } from '../../src/core/orderWarnings.js';
import { selectSites } from '../../src/core/selectSites.js';
import type { RunWarning, Site } from '../../src/types.js';

const w = (code: RunWarning['code'], message: string): RunWarning => ({ code, message });

describe('orderWarnings', () => {
  it('groups warnings: site rows, price rows, duplicates, unpriced, skipped accounts; drops repeats', () => {
    const ordered = orderWarnings([
      w('account-skipped', 'acc 1'),
      w('unpriced-sku', 'visio'),
      w('price-row-ignored', 'price 2'),
      w('site-row-skipped', 'site 9'),
      w('duplicate-price-rows', 'project'),
      w('price-row-ignored', 'price 1'),
      w('account-skipped', 'acc 1'),
      w('site-row-skipped', 'site 3'),
    ]);
    expect(ordered.map((x) => x.message)).toEqual(['site 9', 'site 3', 'price 2', 'price 1', 'project', 'visio', 'acc 1']);
  });
});

describe('selectSites', () => {
  const site = (code: string): Site => ({ code, name: code, membersGroupId: 'g', correspondentsGroupId: 'c', rowId: 1 });
  const sites = [site('SIEGE'), site('APF'), site('AT65')];

  it('takes every site when no code is requested', () => {
    expect(selectSites(sites, undefined).sites.map((s) => s.code)).toEqual(['SIEGE', 'APF', 'AT65']);
  });

  it('takes the requested codes whatever their case, in list order, and warns about unknown ones', () => {
    const { sites: selected, warnings } = selectSites(sites, ['at65', 'NOPE', 'siege']);
    expect(selected.map((s) => s.code)).toEqual(['SIEGE', 'AT65']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'unknown-site-code', details: { siteCode: 'NOPE' } })]);
  });
});
