// The two SharePoint lists of the sample site: 'Sites' and 'LicensePrices'.
// Item ids have gaps, as after deletions, so paging must follow p_ID, not counts.
import type { FakeList } from '../types.js';
import { PRICE_ROWS, SKUS } from './catalog.js';
import type { SiteRow } from './sampleGroups.js';

export const SITES_LIST_TITLE = 'Sites';
export const PRICES_LIST_TITLE = 'LicensePrices';

function withIds(rows: Record<string, unknown>[], firstId: number, gapEvery: number): Record<string, unknown>[] {
  let id = firstId;
  return rows.map((row, i) => {
    if (i > 0 && i % gapEvery === 0) id += 1; // a deleted item
    const item = { Id: id, ID: id, ...row };
    id += 1;
    return item;
  });
}

export function buildSampleLists(sites: SiteRow[]): FakeList[] {
  const sitesList: FakeList = {
    title: SITES_LIST_TITLE,
    fields: ['Title', 'SiteCode', 'MembersGroupId', 'CorrespondentsGroupId', 'Active'],
    items: withIds(
      sites.map((row) => ({ ...row })),
      1,
      4,
    ),
  };
  const pricesList: FakeList = {
    title: PRICES_LIST_TITLE,
    fields: ['Title', 'SkuPartNumber', 'SkuId', 'MonthlyPrice'],
    items: withIds(
      PRICE_ROWS.map(([title, key, price, withSkuId]) => ({
        Title: title,
        SkuPartNumber: SKUS[key].skuPartNumber,
        SkuId: withSkuId ? SKUS[key].skuId : null,
        MonthlyPrice: price,
      })),
      3,
      5,
    ),
  };
  return [sitesList, pricesList];
}

/**
 * Copy of the data where MonthlyPrice is a text column holding "6,30"-style strings
 * (decimal comma, as typed by French users); unreadable prices stay null.
 */
export function withTextPriceColumn<T extends { sharePoint: { lists: FakeList[] } }>(data: T): T {
  const lists = data.sharePoint.lists.map((list) =>
    list.title !== PRICES_LIST_TITLE
      ? list
      : {
          ...list,
          items: list.items.map((item) => ({
            ...item,
            MonthlyPrice: typeof item.MonthlyPrice === 'number' ? item.MonthlyPrice.toFixed(2).replace('.', ',') : (item.MonthlyPrice ?? null),
          })),
        },
  );
  return { ...data, sharePoint: { ...data.sharePoint, lists } };
}
