export interface SetupArgs {
  command: 'lists';
  prefillPrices: boolean;
}

export const SETUP_USAGE = 'usage: npm run setup -- lists [--prefill-prices]';

/** `setup -- lists [--prefill-prices]`; anything else is an Error naming the argument. */
export function parseSetupArgs(argv: readonly string[]): SetupArgs {
  const [command, ...rest] = argv;
  if (command !== 'lists') throw new Error(command ? `unknown setup command "${command}"; ${SETUP_USAGE}` : SETUP_USAGE);
  let prefillPrices = false;
  for (const arg of rest) {
    if (arg === '--prefill-prices') prefillPrices = true;
    else throw new Error(`unknown option "${arg}"; ${SETUP_USAGE}`);
  }
  return { command, prefillPrices };
}
