/**
 * @tectra/billing-widgets/client: the headless kit. The client (nanostores state and
 * actions), the adapters, errors, domain helpers and model types, with no element
 * registered and no DOM needed: for your own UI, a worker, a test or a server.
 */
export * from './core/index.js';
export type { BillingAdapter, InvoiceQuery, RequestOptions } from './adapters/types.js';
export { createHttpAdapter } from './adapters/http.js';
export type { HttpAdapterOptions } from './adapters/http.js';
export { createMemoryAdapter, demoSnapshot, DEMO_SCENARIOS } from './adapters/memory/index.js';
export type { BillingSnapshot, DemoScenario, FaultSpec, MemoryAdapter, MemoryAdapterOptions, SimulatedCoupon } from './adapters/memory/index.js';
export { createBillingClient } from './state/client.js';
export type { BillingClient, BillingClientOptions, BillingInitialData, CheckoutState, InvoiceList, ResourceName, Resource, ResourceStatus } from './state/client.js';
export { setDefaultBillingClient, getDefaultBillingClient } from './state/default-client.js';
export { setBillingLocale, supportedLocales } from './i18n/index.js';
