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
  /**
   * Usage of the product, reported by the host app (`handler.usage.record`): adds it (to a
   * member's share too, when one is named) and answers the meter before and after, for
   * alerts and caps (undefined when the plan has no such meter).
   */
  recordUsage(accountId: string, meter: MeterKey, value: number, member?: string): Promise<UsageReading | undefined>;
  /**
   * A provider's webhook delivery (`POST {basePath}/webhooks/stripe`): verify its signature
   * over the raw body, apply it once. Throws `WebhookSignatureError` for a forged or stale one.
   */
  receiveWebhook?(rawBody: string, signature: string, secret: string): Promise<'applied' | 'duplicate' | 'ignored'>;
}

/** One meter around one record: what alert thresholds are checked against. */
export interface UsageReading {
  before: number;
  after: number;
  limit: number | null;
  thresholds: number[];
  /** Where the meter's spend cap stops usage (`capUnits`), or null without a cap. */
  cap: number | null;
  /** The member's own use of the meter after the record, and their limit (null without one). */
  member?: { used: number; limit: number | null };
  period: { start: string; end: string };
}

/** A webhook whose signature does not verify: answered 400, never applied. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}
