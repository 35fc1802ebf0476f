import { describeError } from '../errors.js';
import type { RenderedMail, Renderer } from '../ports.js';
import type { RunResult } from '../types.js';
import { summaryKey } from './deliveryAttempt.js';
import { fallbackSummary } from './fallbackSummary.js';
import type { RunDeps } from './RunDeps.js';

/** The summary to IT_SUMMARY_TO, unless not wanted (sendSummary false) or nobody is set to get it. */
export async function sendRunSummary(
  deps: Pick<RunDeps, 'config' | 'mailer' | 'logger'>,
  renderer: Promise<Renderer>,
  result: RunResult,
  wanted: boolean,
): Promise<string | undefined> {
  if (!wanted) {
    deps.logger.info(`Run ${result.runId}: summary mail not requested`);
    return undefined;
  }
  if (deps.config.itSummaryTo.length === 0) {
    deps.logger.warn(`Run ${result.runId}: IT_SUMMARY_TO is empty, the run summary is not mailed`);
    return undefined;
  }
  return renderAndMail(deps, renderer, result);
}

/**
 * Renders and mails the run summary to central IT. Never throws: returns why it could not be
 * sent (logged too), since the run itself is over and its result must still reach the caller.
 */
async function renderAndMail(deps: Pick<RunDeps, 'config' | 'mailer' | 'logger'>, renderer: Promise<Renderer>, result: RunResult): Promise<string | undefined> {
  const { mail, renderProblem } = await renderSummary(deps, renderer, result);
  try {
    const to = deps.config.itSummaryTo.map((address) => ({ name: address, address }));
    // Keyed like the site reports, so IT can find it in Sent Items; never looked up by the run.
    await deps.mailer.send({ kind: 'summary', to, ...mail, deliveryKey: summaryKey(result.period, result.runId) });
    return renderProblem === undefined ? undefined : `the summary template failed, a plain summary was sent: ${renderProblem}`;
  } catch (error) {
    const problem = `the run summary could not be sent: ${describeError(error)}`;
    deps.logger.error(problem);
    return renderProblem === undefined ? problem : `${problem} (its template failed too: ${renderProblem})`;
  }
}

/** A broken renderer falls back to a plain summary rather than leaving IT without news. */
async function renderSummary(
  deps: Pick<RunDeps, 'config' | 'logger'>,
  renderer: Promise<Renderer>,
  result: RunResult,
): Promise<{ mail: RenderedMail; renderProblem?: string }> {
  try {
    return { mail: await (await renderer).runSummary(result) };
  } catch (error) {
    const renderProblem = describeError(error);
    deps.logger.error(`Run summary: rendering failed, sending a plain summary instead: ${renderProblem}`);
    return { mail: fallbackSummary(result, deps.config.orgName, renderProblem), renderProblem };
  }
}
