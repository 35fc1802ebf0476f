import type { Config } from '../config/Config.js';
import type { RenderContext, Renderer } from '../ports.js';
import type { RunDeps } from './RunDeps.js';

/** The renderer's fixed settings for one run. */
function toRenderContext(config: Config, generatedAt: Date, period: string): RenderContext {
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

/**
 * The run's renderer, built (templates compiled once) while the lists load. A rejected promise
 * fails every site at the render step and the summary falls back to plain HTML: each user of it
 * reports the failure, so it is never an unhandled rejection.
 */
export function startRenderer(deps: Pick<RunDeps, 'config' | 'createRenderer'>, generatedAt: Date, period: string): Promise<Renderer> {
  const renderer = Promise.resolve().then(() => deps.createRenderer(toRenderContext(deps.config, generatedAt, period)));
  renderer.catch(() => undefined);
  return renderer;
}
