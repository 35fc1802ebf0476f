// Graph adapters pointed at the msw fake tenant, with test-sized timeouts and waits.
import { createTokenProvider, type TokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { createGraphAdapters, type GraphAdapters } from '../../../src/adapters/graph/index.js';
import { DEFAULT_FAKE_TOKEN, FAKE_GRAPH_BASE_URL } from '../../fakeTenant/index.js';

export interface TestGraphOptions {
  graphBaseUrl?: string;
  requestTimeoutMs?: number;
  retryGiveUpMs?: number;
  tokens?: TokenProvider;
  fetch?: typeof fetch;
}

export function testGraph(options: TestGraphOptions = {}): GraphAdapters {
  return createGraphAdapters(
    {
      graphBaseUrl: options.graphBaseUrl ?? FAKE_GRAPH_BASE_URL,
      requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
      retryGiveUpMs: options.retryGiveUpMs ?? 2_000,
    },
    options.tokens ?? createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN }),
    { backoff: { baseDelayMs: 5, maxDelayMs: 20 }, fetch: options.fetch },
  );
}
