// The Graph-side collectors against the fake tenant, through the real Graph adapter (msw).
import { describe, expect, it } from 'vitest';
import { createFetchText } from '../../src/deps.js';
import { loadProductNames } from '../../src/insights/loadProductNames.js';
import { readAllLicensedUsers } from '../../src/insights/readAllLicensedUsers.js';
import { readSignInActivity } from '../../src/insights/readSignInActivity.js';
import { FAKE_PRODUCT_NAMES_URL, KNOWN_SKUS, sampleTenantData } from '../fakeTenant/index.js';
import { testGraph } from '../adapters/graph/testGraph.js';
import { useFakeTenant } from '../adapters/http/useFakeTenant.js';
import { clockAt, memoryStore } from './fixtures.js';

const fake = useFakeTenant();
const NOW = new Date('2025-01-31T00:00:00Z');

describe('Graph collectors over the fake tenant', () => {
  it('reads every user’s last sign-in; users who never signed in come back as null', async () => {
    const { directory } = testGraph();
    const read = await readSignInActivity(directory);
    if (read.signIns === 'unavailable') throw new Error(`unexpected: ${read.message}`);
    const users = fake.tenant.data.users;
    expect(read.signIns.size).toBe(users.length);
    const never = users.find((u) => !u.signInActivity);
    const active = users.find((u) => u.signInActivity?.lastSuccessfulSignInDateTime);
    expect(never && read.signIns.get(never.id)?.lastSignInAt).toBeNull();
    expect(active && read.signIns.get(active.id)?.lastSignInAt?.toISOString()).toBe(
      active && new Date(active.signInActivity?.lastSuccessfulSignInDateTime ?? '').toISOString(),
    );
  });

  it('gives "unavailable" and raises nothing on a tenant without Entra ID P1 (403)', async () => {
    fake.use({ ...sampleTenantData({ now: NOW }), signInActivityForbidden: true });
    const read = await readSignInActivity(testGraph().directory);
    expect(read).toMatchObject({ signIns: 'unavailable', reason: 'forbidden' });
    expect(fake.tenant.requests.filter((r) => r.kind === 'users').map((r) => r.status)).toEqual([403]);
  });

  it('lists every licensed user of the tenant, and only those', async () => {
    const read = await readAllLicensedUsers(testGraph().directory);
    if (read.users === 'unavailable') throw new Error(read.warning.message);
    const licensed = fake.tenant.data.users.filter((u) => u.assignedLicenses.length > 0);
    expect(read.users.map((u) => u.id).sort()).toEqual(licensed.map((u) => u.id).sort());
    expect(read.unreadable).toBe(0);
  });

  it('downloads the product names CSV from the fake download site', async () => {
    const fetchText = async (url: string): Promise<string> => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
      return response.text();
    };
    const result = await loadProductNames({ fetchText, store: memoryStore(), url: FAKE_PRODUCT_NAMES_URL, clock: clockAt('2025-01-31T00:00:00Z') });
    expect(result.source).toBe('fresh');
    expect(result.names.get(KNOWN_SKUS.VISIOCLIENT.skuId)).toBe('Visio Plan 2');
  });

  it('downloads it as bytes through the run’s own fetch (the loader decodes them)', async () => {
    const fetchText = createFetchText(5_000);
    expect(await fetchText(FAKE_PRODUCT_NAMES_URL)).toBeInstanceOf(Uint8Array);
    const result = await loadProductNames({ fetchText, store: memoryStore(), url: FAKE_PRODUCT_NAMES_URL, clock: clockAt('2025-01-31T00:00:00Z') });
    expect(result).toMatchObject({ source: 'fresh' });
    expect(result.names.get(KNOWN_SKUS.VISIOCLIENT.skuId)).toBe('Visio Plan 2');
  });
});
