import type { BillingAdapter } from '../adapters/types.js';
import type { Catalog, MeterKey } from '../core/types.js';

/**
 * Where billing happens: the contract for one account at a time. The simulator engine
 * keeps every account in memory; the Stripe engine speaks to Stripe.
 */
export interface BillingEngine {
  /** The contract for one account (the handler has identified it; the engine trusts that id only). */
  adapterFor(accountId: string): BillingAdapter | Promise<BillingAdapter>;
  /** Catalog text in the request's language (`Accept-Language`); the catalog as it is when omitted. */
  localizeCatalog?(catalog: Catalog, language: string | undefined): Catalog;
  /** Usage of the product, reported by the host app (`handler.usage.record`). */
  recordUsage(accountId: string, meter: MeterKey, value: number): void | Promise<void>;
}
