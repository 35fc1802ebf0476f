import type { Renderer } from '../src/ports.js';
import type { RunDeps } from '../src/run/RunDeps.js';

export interface RenderTimings {
  /** Creating the renderer (the MJML templates compiled once). */
  compileMs: number;
  /** Sum of every siteReport and runSummary call. */
  renderMs: number;
  calls: number;
}

/** Wraps deps.createRenderer so the benchmark can tell rendering time from waiting on the network. */
export function timeRenderer(
  create: RunDeps['createRenderer'],
  timings: RenderTimings,
  now: () => number = () => performance.now(),
): RunDeps['createRenderer'] {
  // Generic over the arguments: the renderer's methods may grow parameters without this breaking.
  const timed =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = now();
      try {
        return await call(...args);
      } finally {
        timings.renderMs += now() - started;
        timings.calls += 1;
      }
    };
  return async (ctx) => {
    const started = now();
    const renderer = await create(ctx);
    timings.compileMs += now() - started;
    const wrapped: Renderer = {
      ...renderer,
      siteReport: timed(renderer.siteReport.bind(renderer)),
      runSummary: timed(renderer.runSummary.bind(renderer)),
    };
    return wrapped;
  };
}
