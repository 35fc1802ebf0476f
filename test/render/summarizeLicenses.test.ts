import { describe, expect, it } from 'vitest';
import { summarizeLicenses } from '../../src/render/summarizeLicenses.js';
import type { LicenseLine } from '../../src/types.js';
import { E3, POWER_BI_FREE, row, VISIO_UNPRICED } from './fixtures.js';

const DUPLICATE: LicenseLine = {
  skuId: 'sku-proj',
  label: 'PROJECTPROFESSIONAL',
  monthlyPriceCents: null,
  match: 'duplicate',
  skuPartNumber: 'PROJECTPROFESSIONAL',
};

describe('summarizeLicenses', () => {
  it('counts accounts and sums prices per license, most used first, accounts without a license last', () => {
    const totals = summarizeLicenses(
      [row({ licenses: [E3, VISIO_UNPRICED] }), row({ licenses: [E3, POWER_BI_FREE] }), row({ licenses: [E3, DUPLICATE] }), row({ licenses: [] })],
      'Aucune licence',
    );
    expect(totals).toEqual([
      { label: 'Office 365 E3', accounts: 3, monthlyCostCents: 1890 },
      // Ties in alphabetical order, case-insensitively as a reader expects.
      { label: 'Power BI (free)', accounts: 1, monthlyCostCents: 0 },
      { label: 'PROJECTPROFESSIONAL', accounts: 1, monthlyCostCents: null },
      { label: 'VISIOCLIENT', accounts: 1, monthlyCostCents: null },
      { label: 'Aucune licence', accounts: 1, monthlyCostCents: 0 },
    ]);
  });

  it('gives nothing for a site without accounts', () => {
    expect(summarizeLicenses([], 'Aucune licence')).toEqual([]);
  });
});
