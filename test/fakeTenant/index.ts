// Public API of the fake Microsoft 365 tenant (Graph + SharePoint REST + mail),
// used by unit tests (msw), the demo and the benchmark (HTTPS loopback server).
export type {
  FakeAssignedLicense,
  FakeGroup,
  FakeList,
  FakeMessage,
  FakeServicePlan,
  FakeSignInActivity,
  FakeSku,
  FakeTenant,
  FakeTenantOptions,
  FakeUser,
  FaultResponse,
  FaultRule,
  RequestRecord,
  TenantData,
} from './types.js';
export type { RequestKind } from './classify.js';
export { createFakeTenant, DEFAULT_FAKE_TOKEN } from './tenant.js';
export { throttle } from './faults.js';
export { fakeTenantHandlers, FAKE_GRAPH_BASE_URL, FAKE_PRODUCT_NAMES_URL, FAKE_SHAREPOINT_SITE_URL, type FakeTenantHandlerOptions } from './msw.js';
export { startFakeTenantServer, type FakeTenantServer } from './server.js';
export { sampleTenantData, SAMPLE_DOMAIN } from './data/sample.js';
export { SAMPLE_SITES } from './data/sampleGroups.js';
export { PRICES_LIST_TITLE, SITES_LIST_TITLE, withTextPriceColumn } from './data/sampleLists.js';
export { generateTenantData, type GenerateOptions } from './data/generate.js';
export { SKUS as KNOWN_SKUS } from './data/catalog.js';
export { productNamesCsv } from './productNames.js';
export { SEND_MAIL_MAX_BYTES } from './graph/mail/sendMail.js';
export { BATCH_MAX_REQUESTS } from './graph/batch.js';
