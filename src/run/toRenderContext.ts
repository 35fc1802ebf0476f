import type { Config } from '../config/Config.js';
import type { RenderContext } from '../ports.js';

/** The renderer's fixed settings for one run. */
export function toRenderContext(config: Config, generatedAt: Date, period: string): RenderContext {
  return {
    orgName: config.orgName,
    locale: config.locale,
    timeZone: config.timeZone,
    currency: config.currency,
    generatedAt,
    period,
    mailBodyMaxRows: config.mailBodyMaxRows,
  };
}
