import type { Env } from '../config/parseConfig.js';
import type { WiringOptions } from '../deps.js';

/** What every trigger needs: the settings and the wiring, both replaceable in tests. */
export interface TriggerServices {
  env(): Env;
  wiring?: WiringOptions;
}

export const processServices: TriggerServices = { env: () => process.env };

/** Name of the storage queue between the HTTP "run now" and the queued run. */
export const RUN_QUEUE = 'report-runs';
