// `npm run setup -- lists [--prefill-prices]`: creates the two SharePoint lists (and their columns)
// the settings name, when missing, with the admin's own sign-in; rerunning it changes nothing.
import type { Config } from '../config/Config.js';
import { parseConfig, type Env } from '../config/parseConfig.js';
import { describeError } from '../errors.js';
import { adminTokens, type AdminTokens } from './adminToken.js';
import { formatListOutcome } from './formatListOutcome.js';
import { expectedLists } from './listSchema.js';
import { parseSetupArgs } from './parseSetupArgs.js';
import { prefillPrices, type PrefillOutcome } from './prefillPrices.js';
import { createSharePointAdmin } from './sharePointAdmin.js';
import { setUpLists } from './setUpLists.js';

export interface SetupIo {
  env: Env;
  print: (line: string) => void;
  fetch?: typeof fetch;
  tokens?: AdminTokens;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatPrefill(outcome: PrefillOutcome, config: Config): string[] {
  const list = `"${config.pricesListTitle}"`;
  const { commercialName, skuPartNumber, monthlyPrice } = config.priceColumns;
  if (outcome.added.length === 0) return [`Price list: ${outcome.skus} licenses in the tenant, all already in ${list}: nothing added`];
  return [
    `Price list: ${outcome.skus} licenses in the tenant, ${outcome.alreadyListed} already in ${list}, ${plural(outcome.added.length, 'row')} added with ${monthlyPrice} empty:`,
    ...outcome.added.map((row) => `  + ${String(row[skuPartNumber])}  ${String(row[commercialName])}`),
    ...(outcome.namesError ? [`  (Microsoft's product names could not be read: ${outcome.namesError}; the part numbers stand in)`] : []),
    `Fill in ${monthlyPrice} ${outcome.added.length === 1 ? 'on it' : 'on each'}: until then the run summary lists ${outcome.added.length === 1 ? 'it' : 'them'} as unpriced.`,
  ];
}

/** Exit code: 0 done, 1 a request failed or a list is not as the app expects, 2 bad arguments or settings. */
export async function runSetup(argv: readonly string[], io: SetupIo): Promise<number> {
  let args: ReturnType<typeof parseSetupArgs>;
  let config: Config;
  try {
    args = parseSetupArgs(argv);
    // Only the SharePoint settings matter here: mail settings may still be unset.
    config = parseConfig(io.env, { mailTransport: 'outbox' });
  } catch (error) {
    io.print(describeError(error));
    return 2;
  }
  const tokens = io.tokens ?? adminTokens(io.env);
  io.print(`SharePoint site ${config.sharePointSiteUrl}, signed in with ${tokens.describe}`);
  try {
    const token = await tokens.forResource(`https://${new URL(config.sharePointSiteUrl).host}`);
    const sharePoint = createSharePointAdmin(config.sharePointSiteUrl, token, { fetch: io.fetch, timeoutMs: config.requestTimeoutMs });
    const outcomes = await setUpLists(sharePoint, expectedLists(config));
    for (const outcome of outcomes) for (const line of formatListOutcome(outcome)) io.print(line);
    if (args.prefillPrices) {
      const graphToken = await tokens.forResource(new URL(config.graphBaseUrl).origin);
      for (const line of formatPrefill(await prefillPrices(config, sharePoint, graphToken, io.fetch), config)) io.print(line);
    }
    const unsettled = outcomes.some((o) => o.wrongType.length + o.nearMiss.length + o.renamed.length > 0);
    io.print(unsettled ? 'The lists are not yet as the app expects: see the lines marked "!".' : 'Nothing else was changed. Next: npm run doctor');
    return unsettled ? 1 : 0;
  } catch (error) {
    io.print(`✗ ${describeError(error)}`);
    return 1;
  }
}
