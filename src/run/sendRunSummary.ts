import type { Renderer, RenderedMail } from '../ports.js';
import type { RunResult } from '../types.js';
import { describeError } from '../errors.js';
import { fallbackSummary } from './fallbackSummary.js';
import type { RunDeps } from './RunDeps.js';

/**
 * Renders and mails the run summary to central IT. Never throws: returns why it could not be
 * sent (logged too), since the run itself is over and its result must still reach the caller.
 * A broken renderer falls back to a plain summary rather than leaving IT without news.
 */
export async function sendRunSummary(
  deps: Pick<RunDeps, 'config' | 'mailer' | 'logger'>,
  renderer: Promise<Renderer>,
  result: RunResult,
): Promise<string | undefined> {
  let rendered: RenderedMail;
  let renderProblem: string | undefined;
  try {
    rendered = await (await renderer).runSummary(result);
  } catch (error) {
    renderProblem = describeError(error);
    deps.logger.error(`Run summary: rendering failed, sending a plain summary instead: ${renderProblem}`);
    rendered = fallbackSummary(result, deps.config.orgName, renderProblem);
  }
  try {
    await deps.mailer.send({
      kind: 'summary',
      to: deps.config.itSummaryTo.map((address) => ({ name: address, address })),
      ...rendered,
    });
    return renderProblem === undefined ? undefined : `the summary template failed, a plain summary was sent: ${renderProblem}`;
  } catch (error) {
    const problem = `the run summary could not be sent: ${describeError(error)}`;
    deps.logger.error(problem);
    return renderProblem === undefined ? problem : `${problem} (its template failed too: ${renderProblem})`;
  }
}
