// Test helper: the Graph/SharePoint send step with test-sized waits and, by default, a fake clock:
// a wait is recorded and "passes" at once, so a 120 s Retry-After costs the test nothing.
import { createHttpStep, type HttpStep, type HttpStepOptions } from '../../../src/adapters/http/createHttpStep.js';
import { decoratedUserAgent } from '../../../src/adapters/http/userAgent.js';

export const TEST_ORG = 'Association Horizon';

export interface TestHttp {
  http: HttpStep;
  /** Every wait the step took before a retry, in ms, in order. */
  waits: number[];
  /** Fake milliseconds since the step was created. */
  elapsed(): number;
}

export interface TestHttpOptions extends Partial<Omit<HttpStepOptions, 'deadline'>> {
  /** The run deadline, this many ms after the start; default 25 minutes (RUN_DEADLINE_MINUTES=25). */
  deadlineInMs?: number;
  /** Sleep for real (timeouts racing a retry); default false: a fake clock. */
  realTime?: boolean;
}

export function testHttp(options: TestHttpOptions = {}): TestHttp {
  const waits: number[] = [];
  const start = Date.now();
  let fake = start;
  const now = options.realTime ? Date.now : () => fake;
  const sleep = options.realTime
    ? (ms: number) => (waits.push(ms), new Promise<void>((resolve) => setTimeout(resolve, ms)))
    : async (ms: number) => {
        waits.push(ms);
        fake += ms;
      };
  const deadlineInMs = options.deadlineInMs ?? 25 * 60_000;
  const http = createHttpStep({
    requestTimeoutMs: 2_000,
    userAgent: decoratedUserAgent(TEST_ORG),
    backoff: { baseDelayMs: 5, maxDelayMs: 20 },
    sleep,
    now,
    ...options,
    deadline: { at: start + deadlineInMs, setting: `RUN_DEADLINE_MINUTES=${deadlineInMs / 60_000}` },
  });
  return { http, waits, elapsed: () => now() - start };
}
