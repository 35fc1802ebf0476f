// Microsoft's product-names CSV in each published form, served as bytes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_PRODUCT_NAMES_URL } from './msw.js';
import { productNamesBytes, productNamesCsv, toWindows1252 } from './productNames.js';
import { mswTenant } from './testkit.js';
import type { FakeSku } from './types.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tenant.options = {};
  tenant.reset();
});
afterAll(() => server.close());

const accented: FakeSku = { skuId: 'a2b3c4d5-0000-4000-8000-000000000001', skuPartNumber: 'ADDON_FR', displayName: 'Défense – édition €', prepaidUnits: 1 };

describe('product-names CSV forms', () => {
  it("today's form: UTF-8 with a BOM, header String_Id", async () => {
    const bytes = new Uint8Array(await (await fetch(FAKE_PRODUCT_NAMES_URL)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toMatch(/^\uFEFFProduct_Display_Name,String_Id,GUID,/);
  });

  it("2022's form: header String_ Id (a space), a space after names and part numbers, Windows-1252 without BOM", async () => {
    tenant.options.productNamesForm = '2022';
    const response = await fetch(FAKE_PRODUCT_NAMES_URL);
    expect(response.headers.get('content-type')).toBe('text/csv');
    const text = new TextDecoder('windows-1252').decode(await response.arrayBuffer());
    expect(text.startsWith('Product_Display_Name,String_ Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\r\n')).toBe(true);
    expect(text).toContain('\r\nOffice 365 E3 ,ENTERPRISEPACK ,6fd2c87f-b296-42f0-b197-1e91e994b900,');
    const bytes = productNamesBytes([accented], '2022');
    expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).not.toContain('Défense');
    expect(new TextDecoder('windows-1252').decode(bytes)).toContain('Défense – édition € ,ADDON_FR ,');
  });

  it('encodes Windows-1252 as Windows does: é 0xE9, – 0x96, € 0x80, unknown characters as ?', () => {
    expect([...toWindows1252('é–€✓')]).toEqual([0xe9, 0x96, 0x80, 0x3f]);
    expect(productNamesCsv([accented])).toContain('\r\nDéfense – édition €,ADDON_FR,');
  });
});
