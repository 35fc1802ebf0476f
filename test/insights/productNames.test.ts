import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/errors.js';
import { applyProductNames } from '../../src/insights/applyProductNames.js';
import { decodeText } from '../../src/insights/decodeText.js';
import { createPriceLookup } from '../../src/insights/createPriceLookup.js';
import { loadProductNames, PRODUCT_NAMES_CACHE_KEY } from '../../src/insights/loadProductNames.js';
import { parseCsv } from '../../src/insights/parseCsv.js';
import { parseProductNamesCsv } from '../../src/insights/parseProductNamesCsv.js';
import { productNamesCsv } from '../fakeTenant/productNames.js';
import { clockAt, E3, memoryStore, PROJECT, priceIndex, report, row, SKUS, VISIO } from './fixtures.js';

const HEADER = 'Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names';
// As Microsoft publishes it: BOM, CRLF, one row per product and service plan, quoted fields with commas.
const MICROSOFT_STYLE =
  '\uFEFF' +
  [
    HEADER,
    `Visio Plan 2,VISIOCLIENT,${VISIO},VISIO_CLIENT_SUBSCRIPTION,663a804f-1c30-4ff0-9915-9db84f0d1cea,Visio Desktop App`,
    `Visio Plan 2,VISIOCLIENT,${VISIO},ONEDRIVE_BASIC,da792a53-cbc0-4184-a10d-e544dd34b3c1,"OneDrive, Basic"`,
    `"Microsoft 365 E5 (no Teams), ""EEA""",SPE_E5_NOPSTNCONF,a1b2c3d4-0000-4000-8000-000000000001,TEAMS1,57ff2da0-773e-42df-b2af-ffb7a2317929,"Microsoft Teams"`,
    `"Planner and Project Plan 3",PROJECTPROFESSIONAL,${PROJECT},PROJECT_CLIENT_SUBSCRIPTION,fafd7243-e5c1-4a3a-9e40-495efcb1d3c3,"Project Online Desktop Client
(second line)"`,
  ].join('\r\n') +
  '\r\n';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and drops the BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\r\nline",\n\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\r\nline', ''],
    ]);
  });

  it('reads a last record without a line break and keeps a stray quote inside a field', () => {
    expect(parseCsv('a,5" screen\rb,c')).toEqual([
      ['a', '5" screen'],
      ['b', 'c'],
    ]);
  });
});

describe('parseProductNamesCsv', () => {
  const names = parseProductNamesCsv(MICROSOFT_STYLE);

  it('maps each product by SKU id (lower case) and part number (upper case), once despite several plan rows', () => {
    expect(names.get(VISIO)).toBe('Visio Plan 2');
    expect(names.get('VISIOCLIENT')).toBe('Visio Plan 2');
    expect(names.get('SPE_E5_NOPSTNCONF')).toBe('Microsoft 365 E5 (no Teams), "EEA"');
    expect(names.get(PROJECT)).toBe('Planner and Project Plan 3');
    expect(names.size).toBe(6);
  });

  it('reads the fake tenant’s download of the same layout', () => {
    const fromFake = parseProductNamesCsv(productNamesCsv(Object.values(SKUS).map((s) => ({ ...s, prepaidUnits: 1 }))));
    expect(fromFake.get(SKUS.ENTERPRISEPACK.skuId)).toBe('Office 365 E3');
    expect(fromFake.get('POWER_BI_STANDARD')).toBe('Microsoft Fabric (Free)');
  });

  it('finds its columns by name, in any order and case', () => {
    const names = parseProductNamesCsv(`guid,product_display_name\r\n${E3.toUpperCase()},Office 365 E3\r\n`);
    expect(names.get(E3)).toBe('Office 365 E3');
  });

  it.each([
    ['today’s header', 'Product_Display_Name,String_Id,GUID'],
    ['2022’s header, with a space in String_ Id', 'Product_Display_Name,String_ Id,GUID'],
    ['a header with trailing spaces', 'Product_Display_Name ,String_Id  ,GUID '],
    ['a header written with spaces instead of underscores', 'Product Display Name,String Id,GUID'],
  ])('reads %s', (_form, header) => {
    const names = parseProductNamesCsv(`${header},Service_Plan_Name\r\nVisio Plan 2,VISIOCLIENT,${VISIO},VISIO_CLIENT_SUBSCRIPTION\r\n`);
    expect([names.get(VISIO), names.get('VISIOCLIENT')]).toEqual(['Visio Plan 2', 'Visio Plan 2']);
  });

  it('rejects a file that is not the product names table (an HTML error page)', () => {
    expect(() => parseProductNamesCsv('<html><body>Not found</body></html>')).toThrow('Product_Display_Name');
    expect(() => parseProductNamesCsv(`${HEADER}\r\n`)).toThrow('no product rows');
  });
});

describe('decodeText', () => {
  const text = 'Product_Display_Name,String_ Id,GUID\r\nDynamics 365 – Accès Équipe,DYN365_TEAM,x\r\n';
  const windows1252 = Uint8Array.from([...text].map((char) => ({ '–': 0x96, è: 0xe8, É: 0xc9 })[char] ?? char.charCodeAt(0)));

  it.each([
    ['UTF-8 with BOM (today)', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-8 without BOM', new TextEncoder().encode(text)],
    ['Windows-1252 without BOM (2022 copies)', windows1252],
    ['UTF-16 LE with BOM', Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])])],
  ])('reads %s', (_form, bytes) => {
    expect(decodeText(bytes)).toBe(text);
  });

  it('returns a string as it is', () => {
    expect(decodeText(text)).toBe(text);
  });
});

describe('loadProductNames', () => {
  const URL = 'https://download.example.test/product-names.csv';
  const JAN_1 = '2026-01-01T06:00:00.000Z';
  const fetchOk = () => {
    const calls: string[] = [];
    return Object.assign(async (url: string) => (calls.push(url), MICROSOFT_STYLE), { calls });
  };
  const fetchFails = async (): Promise<string> => {
    throw new HttpError('GET', '/product-names.csv', 404, 'Not Found');
  };

  it('downloads the names and caches them in the store', async () => {
    const store = memoryStore();
    const fetchText = fetchOk();
    const result = await loadProductNames({ fetchText, store, url: URL, clock: clockAt(JAN_1) });
    expect(result).toMatchObject({ source: 'fresh', fetchedAt: JAN_1 });
    expect(result.names.get('VISIOCLIENT')).toBe('Visio Plan 2');
    expect(fetchText.calls).toEqual([URL]);
    expect(JSON.parse(store.files.get(PRODUCT_NAMES_CACHE_KEY) ?? '{}')).toMatchObject({ schema: 1, url: URL, fetchedAt: JAN_1 });
  });

  it('uses the cache without downloading while it is younger than 30 days', async () => {
    const store = memoryStore();
    await loadProductNames({ fetchText: fetchOk(), store, url: URL, clock: clockAt('2026-01-01T06:00:00Z') });
    const fetchText = fetchOk();
    const result = await loadProductNames({ fetchText, store, url: URL, clock: clockAt('2026-01-30T06:00:00Z') });
    expect(result.source).toBe('cache');
    expect(result.names.get(VISIO)).toBe('Visio Plan 2');
    expect(fetchText.calls).toEqual([]);
  });

  it('downloads again once the cache is 30 days old', async () => {
    const store = memoryStore();
    await loadProductNames({ fetchText: fetchOk(), store, url: URL, clock: clockAt('2026-01-01T06:00:00Z') });
    const fetchText = fetchOk();
    const result = await loadProductNames({ fetchText, store, url: URL, clock: clockAt('2026-02-01T06:00:00Z') });
    expect(result).toMatchObject({ source: 'fresh', fetchedAt: '2026-02-01T06:00:00.000Z' });
    expect(fetchText.calls).toHaveLength(1);
  });

  it('falls back to the cached copy, however old, when the download fails', async () => {
    const store = memoryStore();
    await loadProductNames({ fetchText: fetchOk(), store, url: URL, clock: clockAt('2025-06-01T06:00:00Z') });
    const result = await loadProductNames({ fetchText: fetchFails, store, url: URL, clock: clockAt('2026-02-01T06:00:00Z') });
    expect(result.source).toBe('cache');
    expect(result.names.get('VISIOCLIENT')).toBe('Visio Plan 2');
    expect(result.error).toContain('404');
  });

  it('falls back to no names (technical names in the mails) without a cache, and never throws', async () => {
    const result = await loadProductNames({ fetchText: fetchFails, store: memoryStore(), url: URL, clock: clockAt(JAN_1) });
    expect(result).toMatchObject({ source: 'none', names: new Map() });
    expect(result.error).toContain('could not be downloaded');
  });

  it('reads a 2022 copy served as Windows-1252 bytes without BOM, accents intact', async () => {
    const csv = `Product_Display_Name,String_ Id,GUID,Service_Plan_Name\r\nMicrosoft 365 Apps – Entreprise,VISIOCLIENT,${VISIO},X\r\n`;
    const bytes = Uint8Array.from([...csv].map((char) => (char === '–' ? 0x96 : char.charCodeAt(0))));
    const result = await loadProductNames({ fetchText: async () => bytes, store: memoryStore(), url: URL, clock: clockAt(JAN_1) });
    expect(result).toMatchObject({ source: 'fresh' });
    expect(result.error).toBeUndefined();
    expect(result.names.get(VISIO)).toBe('Microsoft 365 Apps – Entreprise');
    expect(result.names.get('VISIOCLIENT')).toBe('Microsoft 365 Apps – Entreprise');
  });

  it('reads today’s UTF-8 file with BOM served as bytes', async () => {
    const bytes = new TextEncoder().encode(MICROSOFT_STYLE); // MICROSOFT_STYLE starts with the BOM
    const result = await loadProductNames({ fetchText: async () => bytes, store: memoryStore(), url: URL, clock: clockAt(JAN_1) });
    expect(result.names.get('SPE_E5_NOPSTNCONF')).toBe('Microsoft 365 E5 (no Teams), "EEA"');
  });

  it('says so when names arrive already garbled (decoded with the wrong charset), but uses them', async () => {
    const garbled = `Product_Display_Name,String_Id,GUID\r\nMicrosoft 365 Apps \uFFFD Entreprise,VISIOCLIENT,${VISIO}\r\n`;
    const result = await loadProductNames({ fetchText: async () => garbled, store: memoryStore(), url: URL, clock: clockAt(JAN_1) });
    expect(result.source).toBe('fresh');
    expect(result.error).toContain('unreadable characters');
    expect(result.names.get(VISIO)).toBe('Microsoft 365 Apps \uFFFD Entreprise');
  });

  it('treats a downloaded HTML page as a failure and keeps the cache', async () => {
    const store = memoryStore();
    await loadProductNames({ fetchText: fetchOk(), store, url: URL, clock: clockAt('2025-06-01T06:00:00Z') });
    const result = await loadProductNames({ fetchText: async () => '<html>moved</html>', store, url: URL, clock: clockAt('2026-02-01T06:00:00Z') });
    expect(result.source).toBe('cache');
    expect(result.error).toContain('Product_Display_Name');
  });

  it('survives an unreadable cache by downloading again', async () => {
    const store = memoryStore({ [PRODUCT_NAMES_CACHE_KEY]: 'not json' });
    const result = await loadProductNames({ fetchText: fetchOk(), store, url: URL, clock: clockAt(JAN_1) });
    expect(result.source).toBe('fresh');
  });

  it('does nothing when PRODUCT_NAMES_URL is set empty', async () => {
    const fetchText = fetchOk();
    const result = await loadProductNames({ fetchText, store: memoryStore(), url: undefined, clock: clockAt(JAN_1) });
    expect(result).toEqual({ names: new Map(), source: 'none' });
    expect(fetchText.calls).toEqual([]);
  });
});

describe('product names in labels', () => {
  const names = parseProductNamesCsv(MICROSOFT_STYLE);

  it('names a SKU without a price row after Microsoft, keeps the price list’s name otherwise', () => {
    const lookup = createPriceLookup(priceIndex, names);
    expect(lookup(VISIO)).toEqual({ label: 'Visio Plan 2', monthlyPriceCents: null, match: 'unpriced', skuPartNumber: 'VISIOCLIENT' });
    expect(lookup(E3)).toMatchObject({ label: 'Office 365 E3', monthlyPriceCents: 630, match: 'priced' });
    // Two price rows: the technical name stays, it is what the price list must fix.
    expect(lookup(PROJECT)).toMatchObject({ label: 'PROJECTPROFESSIONAL', match: 'duplicate' });
  });

  it('relabels the unpriced licenses of a site report, leaving prices and totals alone', () => {
    const siteReport = report('SIEGE', [row('u1', 'Ana', 'A', [VISIO, E3]), row('u2', 'Ben', 'B', [E3])]);
    const named = applyProductNames(siteReport, names, new Intl.Collator('fr-FR'));
    expect(named.rows[0]?.licenses.map((l) => l.label)).toEqual(['Office 365 E3', 'Visio Plan 2']);
    expect(named.rows[1]).toBe(siteReport.rows[1]);
    expect(named.monthlyCostCents).toBe(siteReport.monthlyCostCents);
    expect(applyProductNames(siteReport, new Map())).toBe(siteReport);
  });
});
