/**
 * @tectra/billing-widgets/server: the kit's REST contract served for real, in your backend.
 * Node only (no DOM). See the README's "The server" section.
 */
export { createBillingHandler } from './handler.js';
export type { BillingEvent, BillingHandler, BillingHandlerOptions, BillingIdentity, UsageStanding } from './handler.js';
export type { BillingOperation } from './routes.js';
export type { BillingEngine } from './engine.js';
export { createSimulatorEngine } from './simulator-engine.js';
export type { SimulatorEngine, SimulatorEngineOptions } from './simulator-engine.js';
export { createMemoryStore } from './store.js';
export { createPGliteStore, createPostgresStore } from './postgres-store.js';
export type { PostgresStore, SqlClient } from './postgres-store.js';
export type { BillingStore, Claim, IdempotencyKeyRef, StoredAnswer } from './store.js';
export { toNodeListener } from './node.js';
export { STATUS_BY_CODE } from './errors.js';
export { WebhookSignatureError } from './engine.js';
export type { UsageReading } from './engine.js';
export { createStripeEngine } from './stripe-engine.js';
export type { StripeEngine, StripeEngineOptions } from './stripe-engine.js';
export { createMemoryStripeState } from './stripe-state.js';
export type { StoredAutoRecharge, StoredQuote, StripeAccountRecord, StripeEngineState } from './stripe-state.js';
export type { StripeCreditOffer } from './stripe-credits.js';
export { catalogFromStripe, setUpStripeCatalog, stripeCatalogSetup } from './stripe-catalog.js';
export type { StripeCatalog, StripeCouponSetup } from './stripe-catalog.js';
