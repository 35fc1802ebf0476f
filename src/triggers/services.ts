import { parseConfig } from '../config/parseConfig.js';
import type { Config } from '../config/Config.js';
import { createRunDeps, type WiringOptions } from '../deps.js';
import type { Logger } from '../ports.js';
import type { TriggerServices } from './triggerServices.js';

// Kept apart (triggerServices.ts) so that the function entry files load without the wiring.
export { processServices, RUN_QUEUE, type TriggerServices } from './triggerServices.js';

export function loadConfig(services: TriggerServices, overrides: Parameters<typeof parseConfig>[1] = {}): Config {
  return parseConfig(services.env(), overrides);
}

export function depsFor(services: TriggerServices, config: Config, logger: Logger, options: WiringOptions = {}) {
  return createRunDeps(config, logger, { ...services.wiring, ...options });
}
