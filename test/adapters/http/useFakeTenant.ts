// Test helper: one fake tenant behind msw for a test file, with the adapters' usual settings.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createFakeTenant,
  fakeTenantHandlers,
  sampleTenantData,
  type FakeTenant,
  type FakeTenantHandlerOptions,
  type FakeTenantOptions,
  type TenantData,
} from '../../fakeTenant/index.js';

export interface FakeTenantHandle {
  readonly tenant: FakeTenant;
  /** Replaces the tenant (new data or options) for the rest of the current test. */
  use(data: TenantData, options?: FakeTenantOptions): FakeTenant;
}

/**
 * Starts msw with the fake tenant's handlers for the whole file; faults and records are
 * cleared after each test. Requests to loopback addresses pass through (connection-refused tests).
 */
export function useFakeTenant(handlerOptions: FakeTenantHandlerOptions = {}): FakeTenantHandle {
  const fresh = (): FakeTenant => createFakeTenant(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') }));
  let current = fresh();
  const server = setupServer(
    ...fakeTenantHandlers(
      // Delegates to whichever tenant the test installed with use().
      { ...current, handle: (request: Request) => current.handle(request) },
      handlerOptions,
    ),
  );
  beforeAll(() =>
    server.listen({
      onUnhandledRequest: (request, print) => {
        if (!/^https?:\/\/(127\.0\.0\.1|\[::1\])[:/]/.test(request.url)) print.error();
      },
    }),
  );
  afterEach(() => {
    current = fresh();
  });
  afterAll(() => server.close());
  return {
    get tenant() {
      return current;
    },
    use(data, options) {
      current = createFakeTenant(data, options);
      return current;
    },
  };
}
