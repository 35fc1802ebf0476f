// Graph adapters pointed at the msw fake tenant, with test-sized timeouts and a fake clock for waits.
import { createTokenProvider, type TokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { createGraphAdapters, type GraphAdapters } from '../../../src/adapters/graph/index.js';
import { DEFAULT_FAKE_TOKEN, FAKE_GRAPH_BASE_URL } from '../../fakeTenant/index.js';
import { testHttp, type TestHttpOptions } from '../http/testHttp.js';

export interface TestGraphOptions extends TestHttpOptions {
  graphBaseUrl?: string;
  tokens?: TokenProvider;
}

export function testGraph(options: TestGraphOptions = {}): GraphAdapters & { waits: number[] } {
  const { http, waits } = testHttp(options);
  const adapters = createGraphAdapters(
    { graphBaseUrl: options.graphBaseUrl ?? FAKE_GRAPH_BASE_URL },
    options.tokens ?? createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN }),
    http,
  );
  return { ...adapters, waits };
}
