import type { Clock, FetchText, TextStore } from '../ports.js';
import { describeError } from '../errors.js';
import { decodeText } from './decodeText.js';
import { parseProductNamesCsv } from './parseProductNamesCsv.js';
import { isObject, isText, readSchemaJson } from './readSchemaJson.js';
import type { ProductNamesResult } from './types.js';

export const PRODUCT_NAMES_CACHE_KEY = 'cache/product-names.json';
const DAY_MS = 86_400_000;

interface CachedNames {
  url: string;
  fetchedAt: string;
  names: Map<string, string>;
}

async function readCache(store: TextStore): Promise<CachedNames | undefined> {
  const text = await store.get(PRODUCT_NAMES_CACHE_KEY);
  if (text === undefined) return undefined;
  const value = readSchemaJson(text, PRODUCT_NAMES_CACHE_KEY);
  const names = value['names'];
  if (!isText(value['url']) || !isText(value['fetchedAt']) || !isObject(names)) {
    throw new Error(`${PRODUCT_NAMES_CACHE_KEY} is not a valid product names cache`);
  }
  const entries = Object.entries(names).filter((entry): entry is [string, string] => isText(entry[1]));
  return { url: value['url'], fetchedAt: value['fetchedAt'], names: new Map(entries) };
}

/**
 * Microsoft's product names, for SKUs the price list does not name. The CSV is downloaded at most
 * every `maxAgeDays` and kept in the store (it may not be redistributed, so it is never committed).
 * Never throws: a failed download falls back to the cached copy however old, then to no names
 * (technical names in the mails); `error` says why, also when the names were read but something
 * was lost (unreadable characters, no cache): the run summary shows it as a warning.
 */
export async function loadProductNames(options: {
  fetchText: FetchText;
  store: TextStore;
  /** undefined = disabled (PRODUCT_NAMES_URL set empty). */
  url: string | undefined;
  clock: Clock;
  maxAgeDays?: number;
}): Promise<ProductNamesResult> {
  const { fetchText, store, url, clock } = options;
  if (!url) return { names: new Map(), source: 'none' };
  const now = clock.now();

  let cached: CachedNames | undefined;
  let cacheError: string | undefined;
  try {
    cached = await readCache(store);
  } catch (error) {
    cacheError = `cached product names unreadable: ${describeError(error)}`;
  }
  const age = cached ? now.getTime() - Date.parse(cached.fetchedAt) : Number.POSITIVE_INFINITY;
  if (cached && cached.url === url && age >= 0 && age < (options.maxAgeDays ?? 30) * DAY_MS) {
    return { names: cached.names, source: 'cache', fetchedAt: cached.fetchedAt };
  }

  let names: Map<string, string>;
  let unreadable: string | undefined;
  try {
    const text = decodeText(await fetchText(url));
    names = parseProductNamesCsv(text);
    // U+FFFD: the text was decoded with the wrong charset before it reached us (a string fetch).
    if (text.includes('\uFFFD')) unreadable = 'some product names have unreadable characters (wrong text encoding)';
  } catch (error) {
    const reason = `product names could not be downloaded: ${describeError(error)}`;
    const why = cacheError ? `${reason}; ${cacheError}` : reason;
    return cached ? { names: cached.names, source: 'cache', fetchedAt: cached.fetchedAt, error: why } : { names: new Map(), source: 'none', error: why };
  }

  const fetchedAt = now.toISOString();
  try {
    await store.put(PRODUCT_NAMES_CACHE_KEY, JSON.stringify({ schema: 1, url, fetchedAt, names: Object.fromEntries(names) }));
  } catch (error) {
    // The names are good for this run; the next run downloads them again.
    const notCached = `product names could not be cached: ${describeError(error)}`;
    return { names, source: 'fresh', fetchedAt, error: unreadable ? `${unreadable}; ${notCached}` : notCached };
  }
  return unreadable ? { names, source: 'fresh', fetchedAt, error: unreadable } : { names, source: 'fresh', fetchedAt };
}
