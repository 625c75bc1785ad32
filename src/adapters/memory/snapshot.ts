import type { BillingDetails, CancellationReason, Catalog, Coupon, CreditEntry, Credits, Invoice, MemberUsage, PaymentMethod, Subscription, Usage } from '../../core/types.js';

/** A coupon as the simulator knows it: who may use it and whether it still works. */
export interface SimulatedCoupon extends Coupon {
  expired?: boolean;
  /** Tier ids the coupon applies to; all tiers when absent. */
  appliesTo?: string[];
}

/** Everything the simulator holds; `createMemoryAdapter` starts from one of these. */
export interface BillingSnapshot {
  catalog: Catalog;
  subscription: Subscription;
  usage: Usage;
  invoices: Invoice[];
  paymentMethods: PaymentMethod[];
  coupons?: SimulatedCoupon[];
  /** Sales tax applied to quotes, in percent (default 0). */
  taxPercent?: number;
  /**
   * Tax collected by where the customer is, in percent by the billing address's country
   * (none where a country is not listed), as Stripe Tax does. Instead of `taxPercent`: a
   * quote without an address on file says `addressRequired`, and a purchase is refused.
   */
  taxByCountry?: Record<string, number>;
  /** Who invoices are made out to (none on file when absent). */
  billingDetails?: BillingDetails;
  /** Prepaid credit (the account sells none when absent), and its ledger, newest first. */
  credits?: Credits;
  creditLedger?: CreditEntry[];
  /** What usage beyond the plan costs in credit, by meter: `amount` per `per` units. */
  creditRates?: Record<string, { per: number; amount: number }>;
  /** Usage recorded since the scenario began, by UTC day (`YYYY-MM-DD`) and meter. */
  usageByDay?: Record<string, Record<string, number>>;
  /** The team's members and their share of this period's usage (none reported when absent). */
  members?: MemberUsage[];
  /** What the customer said when cancelling (kept for the product team, as a backend would). */
  cancellation?: { at: string; atPeriodEnd: boolean; reason?: CancellationReason; comment?: string };
}
