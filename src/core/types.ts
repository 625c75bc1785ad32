/** An amount in the currency's minor units (cents, yen, fils), never a float. */
export interface Money {
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

export type Interval = 'month' | 'year';
export type TierKind = 'individual' | 'team' | 'enterprise';
export type MeterKey =
  | 'input_tokens'
  | 'output_tokens'
  | 'integrations'
  | 'transcription_minutes'
  | (string & {});

export interface TierPrice {
  interval: Interval;
  amount: Money;
  perSeat: boolean;
}

export interface Tier {
  id: string;
  name: string;
  kind: TierKind;
  description?: string;
  /** Empty for contact-sales tiers. */
  prices: TierPrice[];
  /** By MeterKey; null means unlimited. */
  limits: Record<string, number | null>;
  features: string[];
  seats?: { min: number; max?: number };
  contactSalesUrl?: string;
  /** Badged Recommended. At most one per kind counts: the client keeps the first. */
  recommended?: boolean;
}

export interface Catalog {
  currency: string;
  tiers: Tier[];
}

export type SubscriptionStatus =
  | 'none'
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'incomplete'
  | 'canceled';

export interface ScheduledChange {
  tierId: string;
  interval: Interval;
  seats?: number;
  effectiveAt: string;
}

export interface Subscription {
  status: SubscriptionStatus;
  tierId?: string;
  interval?: Interval;
  seats?: number;
  currentPeriod?: { start: string; end: string };
  trialEnd?: string;
  nextPayment?: { amount: Money; dueDate: string };
  scheduledChange?: ScheduledChange;
  cancelAtPeriodEnd?: boolean;
  discount?: Coupon;
  /** IANA time zone the account's dates are shown in; UTC when absent. */
  timeZone?: string;
}

export interface Meter {
  key: MeterKey;
  used: number;
  limit: number | null;
  unit: 'tokens' | 'minutes' | 'count';
  /** The meter's name in the page's language, for a backend's own meter ("Storage"). */
  label?: string;
  /** What a `count` meter counts, short, in the page's language ("GB"). */
  unitLabel?: string;
  /** Team tiers pool usage across members. */
  pooled?: boolean;
  /** Fractions of the limit, e.g. [0.8, 1]. */
  alertThresholds?: number[];
  /** What usage beyond the limit costs; absent when the plan sells none. */
  overagePrice?: OveragePrice;
  /** The account owner's spend cap at the limit; absent: overage is billed without a ceiling. */
  spendCap?: SpendCap;
}

/** The price of usage beyond a meter's limit: `amount` for every `per` units ($8.00 per 1,000,000 tokens). */
export interface OveragePrice {
  amount: Money;
  per: number;
}

/**
 * What happens when a meter reaches its plan's limit, as the account owner sets it: usage
 * stops there, or goes on as overage billed up to `maxOverage` a period and stops then.
 */
export type SpendCap = { atLimit: 'stop' } | { atLimit: 'overage'; maxOverage: Money };

export interface Usage {
  period: { start: string; end: string };
  meters: Meter[];
  updatedAt: string;
}

/** One day of usage (a UTC calendar day, `YYYY-MM-DD`), by meter key; a meter unused that day is absent. */
export interface UsageDay {
  date: string;
  used: Record<string, number>;
}

/** This period's usage day by day, oldest first, up to today. */
export interface DailyUsage {
  period: { start: string; end: string };
  days: UsageDay[];
}

/** One member's share of a team's pooled usage this period. */
export interface MemberUsage {
  /** The host app's id of the member (what it passes to `handler.usage.record`). */
  id: string;
  /** The member's name as the host app knows it (its id when it names none). */
  name: string;
  email?: string;
  /** Used this period, by meter key (a meter the member has not used is 0 or absent). */
  used: Record<string, number>;
  /** The member's own limits, by meter key; without one only the team's limit applies. */
  limits?: Record<string, number>;
}

export interface MembersUsage {
  period: { start: string; end: string };
  members: MemberUsage[];
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

export interface Invoice {
  id: string;
  number: string;
  status: InvoiceStatus;
  total: Money;
  amountDue: Money;
  createdAt: string;
  periodStart: string;
  periodEnd: string;
  pdfUrl?: string;
  hostedUrl?: string;
  /** When payment is due (ISO); an open invoice past it is overdue. */
  dueDate?: string;
  /** Who the invoice is made out to, as the billing details were when it was made (absent without any). */
  billedTo?: InvoiceRecipient;
}

/** An invoice's recipient: a copy of the billing details, which later changes do not rewrite. */
export interface InvoiceRecipient {
  name?: string;
  email?: string;
  address?: Address;
  taxIds: Array<{ type: TaxIdType; value: string }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PaymentMethod {
  id: string;
  type: string;
  brand?: string;
  last4: string;
  expMonth?: number;
  expYear?: number;
  isDefault: boolean;
}

export interface Coupon {
  code: string;
  percentOff?: number;
  amountOff?: Money;
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths?: number;
}

export interface PlanSelection {
  tierId: string;
  interval: Interval;
  seats?: number;
  couponCode?: string;
}

export interface Quote {
  id?: string;
  selection: PlanSelection;
  subtotal: Money;
  discount: Money;
  tax: Money;
  proration: Money;
  total: Money;
  dueNow: Money;
  nextPaymentDate: string;
  expiresAt?: string;
  /** When the change takes effect: now for upgrades, the period end for downgrades. */
  effectiveAt?: string;
  /**
   * True where the backend collects tax by where the customer is and has no address it can
   * place: `tax` is not worked out yet (zero), and a purchase is refused (400
   * `invalid_request`) until billing details with an address are saved. Absent otherwise.
   */
  addressRequired?: boolean;
}

export type SetupIntent =
  | { provider: 'stripe'; publishableKey: string; clientSecret: string }
  | { provider: 'test'; clientSecret: string };

export type ActivationResult =
  | { status: 'succeeded'; subscription: Subscription }
  | { status: 'requires_action'; clientSecret: string };

export interface ActivationRequest extends PlanSelection {
  paymentMethodId?: string;
  quoteId?: string;
  idempotencyKey: string;
}

export interface ChangeTierRequest extends PlanSelection {
  quoteId?: string;
  idempotencyKey: string;
}

/** Why a customer cancels (optional, for the product team). */
export type CancellationReason =
  | 'too_expensive'
  | 'missing_features'
  | 'switched_service'
  | 'unused'
  | 'too_complex'
  | 'low_quality'
  | 'customer_service'
  | 'other';

export interface CancelSubscriptionRequest {
  /** true: the plan runs until the period ends, then stops; false: it ends now. */
  atPeriodEnd: boolean;
  reason?: CancellationReason;
  comment?: string;
  idempotencyKey: string;
}

export interface LifecycleRequest {
  idempotencyKey: string;
}

export interface PayInvoiceRequest {
  /** The card to pay with; the default card when absent. */
  paymentMethodId?: string;
  /**
   * The client secret of a `requires_action` answer that the customer has since completed
   * (3-D Secure): the backend confirms that payment instead of starting another.
   */
  completedAction?: string;
  idempotencyKey: string;
}

export type InvoicePaymentResult =
  | { status: 'succeeded'; invoice: Invoice; subscription: Subscription }
  | { status: 'requires_action'; clientSecret: string };

/** A postal address; `country` is ISO 3166-1 alpha-2 (upper case). */
export interface Address {
  line1: string;
  line2?: string;
  city: string;
  /** State, province or prefecture, where the country has one. */
  state?: string;
  postalCode?: string;
  country: string;
}

/** Tax ID types, by Stripe's names (see `TAX_ID_TYPES` for their countries and formats). */
export type TaxIdType =
  | 'eu_vat'
  | 'gb_vat'
  | 'ch_vat'
  | 'no_vat'
  | 'us_ein'
  | 'ca_bn'
  | 'au_abn'
  | 'nz_gst'
  | 'jp_cn'
  | 'in_gst'
  | 'sg_uen'
  | 'kr_brn'
  | 'ae_trn'
  | 'za_vat';

export interface TaxId {
  id: string;
  type: TaxIdType;
  /** Normalized (`normalizeTaxId`): upper case, no spaces. */
  value: string;
  /** What the tax authority said, where the backend asks it (EU VAT through VIES). */
  verification?: 'pending' | 'verified' | 'unverified' | 'unavailable';
}

/** Who invoices are made out to: shown on every invoice issued after it is saved. */
export interface BillingDetails {
  /** Where invoices and receipts are sent. */
  email?: string;
  /** The company (or person) invoices name. */
  name?: string;
  address?: Address;
  taxIds: TaxId[];
}

/** A change of billing details: the fields sent replace what is on file (an empty email or name clears it); tax IDs have their own calls. */
export interface BillingDetailsUpdate {
  email?: string;
  name?: string;
  address?: Address;
  idempotencyKey: string;
}

export interface TaxIdRequest {
  type: TaxIdType;
  value: string;
  idempotencyKey: string;
}

/** A pack of prepaid credit on sale. */
export interface CreditPack {
  id: string;
  /** The credit it adds to the balance. */
  credit: Money;
  /** What it costs: less than `credit` for a pack with a bonus. */
  price: Money;
}

/** Auto-recharge: when the balance falls below `threshold`, `amount` is bought with the default card. */
export interface AutoRecharge {
  enabled: boolean;
  threshold: Money;
  amount: Money;
  /** At most this much is recharged in a calendar month (no ceiling when absent). */
  monthlyLimit?: Money;
  /** What was recharged this month, towards `monthlyLimit`. */
  rechargedThisMonth?: Money;
  /** The backend's pause between two recharges, in minutes. */
  cooldownMinutes: number;
  /**
   * The last recharge that did not go through (it ran without the customer, off session):
   * the card asked for 3-D Secure, or was declined. Cleared by the next purchase that succeeds.
   */
  lastFailure?: { reason: 'authentication_required' | 'card_declined'; at: string; amount: Money };
}

/** Prepaid credit: a balance in money that usage beyond the plan's allowance draws from. */
export interface Credits {
  balance: Money;
  /** The meters credit pays for beyond the plan's allowance (every meter when empty). */
  covers: MeterKey[];
  /** The next credit to expire: how much, and when (none when credit does not expire). */
  nextExpiry?: { amount: Money; at: string };
  /** At zero: `stop` (usage beyond the plan stops until credit is added) or `overage` (billed on the next invoice). */
  atZero: 'stop' | 'overage';
  packs: CreditPack[];
  /** Bounds of an amount the customer chooses; none when only packs are sold. */
  customAmount?: { min: Money; max: Money };
  autoRecharge: AutoRecharge;
}

export type CreditEntryKind = 'grant' | 'purchase' | 'recharge' | 'usage' | 'expiry';

/** One line of the credit ledger. */
export interface CreditEntry {
  id: string;
  kind: CreditEntryKind;
  /** Signed: positive adds credit, negative uses it up. */
  amount: Money;
  balanceAfter: Money;
  at: string;
  /** Usage: the meter it paid for, and how much of it. */
  meter?: MeterKey;
  quantity?: number;
  /** A grant's reason, as the backend words it ("Welcome credit"). */
  description?: string;
}

export interface CreditPurchaseRequest {
  /** A pack, or a custom `amount` within `customAmount` (one of the two). */
  packId?: string;
  amount?: Money;
  couponCode?: string;
  /** The card to pay with; the default card when absent. */
  paymentMethodId?: string;
  /** The client secret of a `requires_action` answer the customer has since completed (3-D Secure). */
  completedAction?: string;
  idempotencyKey: string;
}

export type CreditPurchaseResult =
  | { status: 'succeeded'; credits: Credits; charged: Money }
  | { status: 'requires_action'; clientSecret: string };

export interface AutoRechargeRequest {
  enabled: boolean;
  threshold: Money;
  amount: Money;
  monthlyLimit?: Money;
  idempotencyKey: string;
}
