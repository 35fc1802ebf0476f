import { parseConfig, type Env } from '../config/parseConfig.js';
import type { Config } from '../config/Config.js';
import { createRunDeps, type WiringOptions } from '../deps.js';
import type { Logger } from '../ports.js';

/** What every trigger needs: the settings and the wiring, both replaceable in tests. */
export interface TriggerServices {
  env(): Env;
  wiring?: WiringOptions;
}

export const processServices: TriggerServices = { env: () => process.env };

export function loadConfig(services: TriggerServices, overrides: Parameters<typeof parseConfig>[1] = {}): Config {
  return parseConfig(services.env(), overrides);
}

export function depsFor(services: TriggerServices, config: Config, logger: Logger, options: WiringOptions = {}) {
  return createRunDeps(config, logger, { ...services.wiring, ...options });
}

/** Name of the storage queue between the HTTP "run now" and the queued run. */
export const RUN_QUEUE = 'report-runs';
