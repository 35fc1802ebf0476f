import type { RunWarning } from '../types.js';
import { productNameOf } from './productNameOf.js';
import type { ProductNames } from './types.js';

/**
 * The "no price row" warnings with Microsoft's product name beside the technical one, so IT can
 * tell what VISIOCLIENT is (the site mails already show "Visio Plan 2"). The technical name stays
 * first: it is what the price list's SkuPartNumber column needs.
 */
export function nameUnpricedSkus(warnings: readonly RunWarning[], names: ProductNames): RunWarning[] {
  if (names.size === 0) return [...warnings];
  return warnings.map((warning) => {
    if (warning.code !== 'unpriced-sku') return warning;
    const skuId = warning.details?.['skuId'];
    const sku = warning.details?.['sku'];
    const name = productNameOf(names, typeof skuId === 'string' ? skuId : '', typeof sku === 'string' ? sku : null);
    if (!name || name === sku || typeof sku !== 'string') return warning;
    return {
      ...warning,
      message: warning.message.replace(`License ${sku} `, `License ${sku} (${name}) `),
      details: { ...warning.details, productName: name },
    };
  });
}
