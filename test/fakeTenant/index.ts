// Public API of the fake Microsoft 365 tenant (Graph + SharePoint REST + mail),
// used by unit tests (msw), the demo and the benchmark (HTTPS loopback server).
export type {
  FakeAssignedLicense,
  FakeColumn,
  FakeGroup,
  FakeLicenseAssignmentState,
  FakeList,
  FakeMessage,
  FakeServicePlan,
  FakeSignInActivity,
  FakeSku,
  FakeStoredMessage,
  FakeSubscription,
  FakeTenant,
  FakeTenantOptions,
  FakeUser,
  FaultResponse,
  FaultRule,
  RequestRecord,
  SignInPaging,
  TenantData,
} from './types.js';
export type { RequestKind } from './classify.js';
export { createFakeTenant, DEFAULT_FAKE_TOKEN } from './tenant.js';
export { lostAnswer, SEND_MAIL_500, SHAREPOINT_RETRY_AFTER_SECONDS, throttle, type ThrottleOptions } from './faults.js';
export { fakeAppToken, GRAPH_APP_ID, PERMISSIONS, SHAREPOINT_APP_ID, type FakeAppTokenOptions } from './permissions.js';
export { sharePointChallenge } from './authErrors.js';
export { fakeTenantHandlers, FAKE_GRAPH_BASE_URL, FAKE_PRODUCT_NAMES_URL, FAKE_SHAREPOINT_SITE_URL, type FakeTenantHandlerOptions } from './msw.js';
export { startFakeTenantServer, type FakeTenantServer } from './server.js';
export { sampleTenantData, SAMPLE_DOMAIN } from './data/sample.js';
export { SAMPLE_SITES } from './data/sampleGroups.js';
export { PRICES_LIST_TITLE, SITES_LIST_TITLE, withTextPriceColumn } from './data/sampleLists.js';
export { generateTenantData, type GenerateOptions } from './data/generate.js';
export { SKUS as KNOWN_SKUS, TRIAL_SKU } from './data/catalog.js';
export { addSecondMonthWaste } from './data/secondMonthWaste.js';
export { productNamesBytes, productNamesCsv, toWindows1252, type ProductNamesForm } from './productNames.js';
export { SEND_MAIL_MAX_BYTES } from './graph/mail/sendMail.js';
export { MESSAGES_DEFAULT_PAGE, MESSAGES_MAX_PAGE } from './graph/mail/messages.js';
export { sameExtendedPropertyId } from './graph/mail/extendedProperties.js';
export { SIGN_IN_MAX_PAGE, SIGN_IN_MAX_PAGE_2025 } from './graph/users.js';
export { FILTER_IN_MAX_VALUES } from './graph/userFilter.js';
export { subscriptionsOf } from './graph/subscriptions.js';
export { BATCH_MAX_REQUESTS } from './graph/batch.js';
