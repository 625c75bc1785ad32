import type { Capabilities } from '../core/capabilities.js';
import type {
  ActivationRequest,
  ActivationResult,
  AutoRechargeRequest,
  CreditEntry,
  CreditPurchaseRequest,
  CreditPurchaseResult,
  Credits,
  BillingDetails,
  BillingDetailsUpdate,
  Catalog,
  CancelSubscriptionRequest,
  ChangeTierRequest,
  Coupon,
  Invoice,
  InvoicePaymentResult,
  LifecycleRequest,
  MembersUsage,
  DailyUsage,
  MeterKey,
  Page,
  PayInvoiceRequest,
  PaymentMethod,
  PlanSelection,
  Quote,
  SetupIntent,
  SpendCap,
  Subscription,
  TaxId,
  TaxIdRequest,
  Usage,
} from '../core/types.js';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface InvoiceQuery {
  cursor?: string;
  limit?: number;
}

/**
 * What the kit needs from a billing backend. Implement it to connect any backend;
 * throw `BillingError` for failures. The client validates every answer.
 */
export interface BillingAdapter {
  getCatalog(options?: RequestOptions): Promise<Catalog>;
  getSubscription(options?: RequestOptions): Promise<Subscription>;
  getUsage(options?: RequestOptions): Promise<Usage>;
  listInvoices(query: InvoiceQuery, options?: RequestOptions): Promise<Page<Invoice>>;
  listPaymentMethods(options?: RequestOptions): Promise<PaymentMethod[]>;
  validateCoupon(code: string, selection: PlanSelection, options?: RequestOptions): Promise<Coupon>;
  previewChange(selection: PlanSelection, options?: RequestOptions): Promise<Quote>;
  createSetupIntent(options?: RequestOptions): Promise<SetupIntent>;
  activate(request: ActivationRequest, options?: RequestOptions): Promise<ActivationResult>;
  changeTier(request: ChangeTierRequest, options?: RequestOptions): Promise<ActivationResult>;
  setDefaultPaymentMethod(id: string, options?: RequestOptions): Promise<void>;
  removePaymentMethod(id: string, options?: RequestOptions): Promise<void>;
  setUsageAlerts(meter: MeterKey, thresholds: number[], options?: RequestOptions): Promise<void>;
  /**
   * Optional: sets what happens at a meter's limit (stop, or overage up to an amount), or
   * removes the cap with `null`. Without it `<tectra-spend-caps>` says caps are not offered.
   * `PUT /usage/caps/{meter}`.
   */
  setSpendCap?(meter: MeterKey, cap: SpendCap | null, options?: RequestOptions): Promise<void>;
  /**
   * Optional: this period's usage day by day (UTC days), for the usage CSV by day. Without it
   * the CSV has the period's totals. `GET /usage/daily`.
   */
  getDailyUsage?(options?: RequestOptions): Promise<DailyUsage>;
  /**
   * Optional (with the one below): who used how much of each meter this period, for pooled
   * team usage. Without it `<tectra-member-usage>` says usage by member is not reported. `GET /usage/members`.
   */
  getMemberUsage?(options?: RequestOptions): Promise<MembersUsage>;
  /** Sets a member's own limit on a meter, or removes it with null. `PUT /usage/members/{member}/limits/{meter}`. */
  setMemberLimit?(memberId: string, meter: MeterKey, limit: number | null, options?: RequestOptions): Promise<void>;
  /** Cancels the plan, at the period end (it can be resumed until then) or now. `POST /subscription/cancel`. */
  cancelSubscription(request: CancelSubscriptionRequest, options?: RequestOptions): Promise<Subscription>;
  /** Undoes a cancel at the period end: the plan renews again. `POST /subscription/resume`. */
  resumeSubscription(request: LifecycleRequest, options?: RequestOptions): Promise<Subscription>;
  /** Drops a scheduled change (a downgrade at the period end): the current tier stays. `DELETE /subscription/scheduled-change`. */
  cancelScheduledChange(request: LifecycleRequest, options?: RequestOptions): Promise<Subscription>;
  /**
   * Pays an open invoice with a card on file (the default when none is named). After
   * `requires_action` the kit authenticates with the payment provider and calls again
   * with a new key: the backend then confirms the authenticated payment. `POST /invoices/{id}/pay`.
   */
  payInvoice(id: string, request: PayInvoiceRequest, options?: RequestOptions): Promise<InvoicePaymentResult>;
  /**
   * Optional: records a card the payment provider confirmed through a setup intent and
   * makes it the default. Without it the client re-reads the list (a webhook may add it).
   */
  addPaymentMethod?(paymentMethodId: string, options?: RequestOptions): Promise<void>;
  /**
   * Optional (with the three below): who invoices are made out to, its email, company name,
   * address and tax IDs. `GET /billing-details`.
   */
  getBillingDetails?(options?: RequestOptions): Promise<BillingDetails>;
  /** Replaces the email, name and address sent (a field left out is kept). `PUT /billing-details`. */
  updateBillingDetails?(request: BillingDetailsUpdate, options?: RequestOptions): Promise<BillingDetails>;
  /** Adds a tax ID, checked by format (and by the tax authority where the backend can). `POST /billing-details/tax-ids`. */
  addTaxId?(request: TaxIdRequest, options?: RequestOptions): Promise<TaxId>;
  /** `DELETE /billing-details/tax-ids/{id}`. */
  removeTaxId?(id: string, options?: RequestOptions): Promise<void>;
  /**
   * Optional (with the three below): prepaid credit, its packs and auto-recharge. `GET /credits`.
   * Without them `<tectra-credits>` says the backend sells no credit and the portal has no Credits section.
   */
  getCredits?(options?: RequestOptions): Promise<Credits>;
  /** The credit ledger, newest first, a page at a time. `GET /credits/ledger`. */
  listCreditEntries?(query: InvoiceQuery, options?: RequestOptions): Promise<Page<CreditEntry>>;
  /**
   * Buys a pack or a custom amount with a card on file (the default when none is named).
   * After `requires_action` the kit authenticates and calls again with `completedAction`
   * and a new key. `POST /credits/purchases`.
   */
  purchaseCredits?(request: CreditPurchaseRequest, options?: RequestOptions): Promise<CreditPurchaseResult>;
  /** Turns auto-recharge on or off and sets its threshold, amount and monthly ceiling. `PUT /credits/auto-recharge`. */
  setAutoRecharge?(request: AutoRechargeRequest, options?: RequestOptions): Promise<Credits>;
  /**
   * Optional: what the viewer may do (`{ role?, granted }`). Without it everything is granted
   * (the backend still refuses what it must). `GET /capabilities`.
   */
  getCapabilities?(options?: RequestOptions): Promise<Capabilities>;
  /** Optional push of usage updates; returns an unsubscribe function. */
  subscribeUsage?(onUsage: (usage: Usage) => void): () => void;
}
