import type {
  ActivationRequest,
  ActivationResult,
  Catalog,
  ChangeTierRequest,
  Coupon,
  Invoice,
  MeterKey,
  Page,
  PaymentMethod,
  PlanSelection,
  Quote,
  SetupIntent,
  Subscription,
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
   * Optional: records a card the payment provider confirmed through a setup intent and
   * makes it the default. Without it the client re-reads the list (a webhook may add it).
   */
  addPaymentMethod?(paymentMethodId: string, options?: RequestOptions): Promise<void>;
  /** Optional push of usage updates; returns an unsubscribe function. */
  subscribeUsage?(onUsage: (usage: Usage) => void): () => void;
}
