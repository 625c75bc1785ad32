/**
 * Runtime schemas for every payload that crosses the adapter boundary. The client
 * runs each adapter answer through these, so a backend that sends the wrong shape
 * produces `BillingError('invalid_response')` instead of a half-rendered element.
 */
import * as v from 'valibot';
import { CAPABILITIES, type Capabilities, type Capability } from './capabilities.js';
import { oneRecommendedPerKind } from './catalog-rules.js';
import { isCurrencyCode } from './currency.js';
import { isIsoDate } from './dates.js';
import { BillingError } from './errors.js';
import { TAX_ID_TYPES } from './tax-ids.js';
import type {
  ActivationResult,
  BillingDetails,
  Catalog,
  CreditEntry,
  CreditPurchaseResult,
  Credits,
  Coupon,
  Invoice,
  InvoicePaymentResult,
  Page,
  PaymentMethod,
  Quote,
  SetupIntent,
  Subscription,
  TaxId,
  TaxIdType,
  Usage,
} from './types.js';

const isoDate = v.pipe(v.string(), v.check(isIsoDate, 'expected an ISO 8601 date'));
const nonEmpty = v.pipe(v.string(), v.minLength(1));
const interval = v.picklist(['month', 'year']);
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const moneySchema = v.object({
  amount: v.pipe(v.number(), v.safeInteger()),
  currency: v.pipe(v.string(), v.check(isCurrencyCode, 'expected an ISO 4217 code')),
});

const couponSchema = v.object({
  code: nonEmpty,
  percentOff: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  amountOff: v.optional(moneySchema),
  duration: v.picklist(['once', 'repeating', 'forever']),
  durationInMonths: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
});

/**
 * A plan selection as a request carries it and a quote echoes it. The reference server
 * checks its request bodies with these entries too, so one selection passes both or neither.
 */
export const planSelectionEntries = {
  tierId: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  interval,
  seats: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(100_000))),
  couponCode: v.optional(v.pipe(v.string(), v.maxLength(100))),
};
const selectionSchema = v.object(planSelectionEntries);

const tierSchema = v.object({
  id: nonEmpty,
  name: v.string(),
  kind: v.picklist(['individual', 'team', 'enterprise']),
  description: v.optional(v.string()),
  prices: v.array(v.object({ interval, amount: moneySchema, perSeat: v.boolean() })),
  limits: v.record(v.string(), v.nullable(count)),
  features: v.array(v.string()),
  seats: v.optional(v.object({ min: count, max: v.optional(count) })),
  contactSalesUrl: v.optional(v.string()),
  recommended: v.optional(v.boolean()),
});

export const catalogSchema = v.pipe(
  v.object({
    currency: v.pipe(v.string(), v.check(isCurrencyCode, 'expected an ISO 4217 code')),
    tiers: v.array(tierSchema),
  }),
  v.transform(oneRecommendedPerKind),
);

const period = v.object({ start: isoDate, end: isoDate });

export const subscriptionSchema = v.object({
  status: v.picklist(['none', 'trialing', 'active', 'past_due', 'incomplete', 'canceled']),
  tierId: v.optional(nonEmpty),
  interval: v.optional(interval),
  seats: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  currentPeriod: v.optional(period),
  trialEnd: v.optional(isoDate),
  nextPayment: v.optional(v.object({ amount: moneySchema, dueDate: isoDate })),
  scheduledChange: v.optional(
    v.object({
      tierId: nonEmpty,
      interval,
      seats: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
      effectiveAt: isoDate,
    }),
  ),
  cancelAtPeriodEnd: v.optional(v.boolean()),
  discount: v.optional(couponSchema),
  timeZone: v.optional(v.string()),
});

/** A spend cap as the contract sends it (openapi.yaml `SpendCap`). */
export const spendCapSchema = v.variant('atLimit', [
  v.object({ atLimit: v.literal('stop') }),
  v.object({ atLimit: v.literal('overage'), maxOverage: moneySchema }),
]);

const meterSchema = v.object({
  key: nonEmpty,
  used: v.pipe(v.number(), v.minValue(0)),
  limit: v.nullable(v.pipe(v.number(), v.minValue(0))),
  unit: v.picklist(['tokens', 'minutes', 'count']),
  label: v.optional(nonEmpty),
  unitLabel: v.optional(nonEmpty),
  pooled: v.optional(v.boolean()),
  alertThresholds: v.optional(v.array(v.pipe(v.number(), v.minValue(0), v.maxValue(1)))),
  overagePrice: v.optional(v.object({ amount: moneySchema, per: v.pipe(v.number(), v.gtValue(0)) })),
  spendCap: v.optional(spendCapSchema),
});

const countsByMeter = v.record(v.string(), v.pipe(v.number(), v.minValue(0)));

export const membersUsageSchema = v.object({
  period,
  members: v.array(
    v.object({
      id: nonEmpty,
      name: nonEmpty,
      email: v.optional(v.string()),
      used: countsByMeter,
      limits: v.optional(countsByMeter),
    }),
  ),
});

export const dailyUsageSchema = v.object({
  period,
  days: v.array(v.object({ date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)), used: countsByMeter })),
});

export const usageSchema = v.object({
  period,
  meters: v.array(meterSchema),
  updatedAt: isoDate,
});

/** A billing address as answers carry it and the reference server's bodies check it. */
export const addressEntries = {
  line1: v.pipe(v.string(), v.maxLength(200)),
  line2: v.optional(v.pipe(v.string(), v.maxLength(200))),
  city: v.pipe(v.string(), v.maxLength(200)),
  state: v.optional(v.pipe(v.string(), v.maxLength(200))),
  postalCode: v.optional(v.pipe(v.string(), v.maxLength(20))),
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')),
};
export const taxIdType = v.picklist(Object.keys(TAX_ID_TYPES) as TaxIdType[]);

const invoiceSchema = v.object({
  id: nonEmpty,
  number: v.string(),
  status: v.picklist(['draft', 'open', 'paid', 'void', 'uncollectible']),
  total: moneySchema,
  amountDue: moneySchema,
  createdAt: isoDate,
  periodStart: isoDate,
  periodEnd: isoDate,
  pdfUrl: v.optional(v.string()),
  hostedUrl: v.optional(v.string()),
  dueDate: v.optional(isoDate),
  billedTo: v.optional(
    v.object({
      name: v.optional(v.string()),
      email: v.optional(v.string()),
      address: v.optional(v.object(addressEntries)),
      taxIds: v.array(v.object({ type: taxIdType, value: nonEmpty })),
    }),
  ),
});

export const invoicePageSchema = v.object({
  items: v.array(invoiceSchema),
  nextCursor: v.nullable(v.string()),
});

const paymentMethodSchema = v.object({
  id: nonEmpty,
  type: v.string(),
  brand: v.optional(v.string()),
  last4: v.pipe(v.string(), v.regex(/^\d{4}$/)),
  expMonth: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(12))),
  expYear: v.optional(v.pipe(v.number(), v.safeInteger())),
  isDefault: v.boolean(),
});

export const paymentMethodsSchema = v.array(paymentMethodSchema);
export { couponSchema };

export const quoteSchema = v.object({
  id: v.optional(v.string()),
  selection: selectionSchema,
  subtotal: moneySchema,
  discount: moneySchema,
  tax: moneySchema,
  proration: moneySchema,
  total: moneySchema,
  dueNow: moneySchema,
  nextPaymentDate: isoDate,
  expiresAt: v.optional(isoDate),
  effectiveAt: v.optional(isoDate),
  addressRequired: v.optional(v.boolean()),
});


export const taxIdSchema = v.object({
  id: nonEmpty,
  type: taxIdType,
  value: nonEmpty,
  verification: v.optional(v.picklist(['pending', 'verified', 'unverified', 'unavailable'])),
});

export const billingDetailsSchema = v.object({
  email: v.optional(v.string()),
  name: v.optional(v.string()),
  address: v.optional(v.object(addressEntries)),
  taxIds: v.array(taxIdSchema),
});

const positiveMoney = v.object({ ...moneySchema.entries, amount: v.pipe(v.number(), v.safeInteger(), v.minValue(1)) });

export const creditsSchema = v.object({
  balance: moneySchema,
  covers: v.array(nonEmpty),
  nextExpiry: v.optional(v.object({ amount: moneySchema, at: isoDate })),
  atZero: v.picklist(['stop', 'overage']),
  packs: v.array(v.object({ id: nonEmpty, credit: positiveMoney, price: positiveMoney })),
  customAmount: v.optional(v.object({ min: positiveMoney, max: positiveMoney })),
  autoRecharge: v.object({
    enabled: v.boolean(),
    threshold: moneySchema,
    amount: moneySchema,
    monthlyLimit: v.optional(moneySchema),
    rechargedThisMonth: v.optional(moneySchema),
    cooldownMinutes: count,
    lastFailure: v.optional(v.object({ reason: v.picklist(['authentication_required', 'card_declined']), at: isoDate, amount: moneySchema })),
  }),
});

export const creditEntrySchema = v.object({
  id: nonEmpty,
  kind: v.picklist(['grant', 'purchase', 'recharge', 'usage', 'expiry']),
  amount: moneySchema,
  balanceAfter: moneySchema,
  at: isoDate,
  meter: v.optional(nonEmpty),
  quantity: v.optional(v.pipe(v.number(), v.minValue(0))),
  description: v.optional(v.string()),
});

export const creditPageSchema = v.object({ items: v.array(creditEntrySchema), nextCursor: v.nullable(v.string()) });

export const creditPurchaseResultSchema = v.variant('status', [
  v.object({ status: v.literal('succeeded'), credits: creditsSchema, charged: moneySchema }),
  v.object({ status: v.literal('requires_action'), clientSecret: nonEmpty }),
]);

export const capabilitiesSchema = v.object({
  role: v.optional(v.string()),
  // Grants this kit does not know (a newer backend's) are dropped, not refused.
  granted: v.pipe(v.array(v.string()), v.transform((list) => list.filter((c): c is Capability => (CAPABILITIES as readonly string[]).includes(c)))),
});

export const setupIntentSchema = v.variant('provider', [
  v.object({ provider: v.literal('stripe'), publishableKey: nonEmpty, clientSecret: nonEmpty }),
  v.object({ provider: v.literal('test'), clientSecret: nonEmpty }),
]);

export const activationResultSchema = v.variant('status', [
  v.object({ status: v.literal('succeeded'), subscription: subscriptionSchema }),
  v.object({ status: v.literal('requires_action'), clientSecret: nonEmpty }),
]);

export const invoicePaymentResultSchema = v.variant('status', [
  v.object({ status: v.literal('succeeded'), invoice: invoiceSchema, subscription: subscriptionSchema }),
  v.object({ status: v.literal('requires_action'), clientSecret: nonEmpty }),
]);

/** Validates an adapter answer; throws `BillingError('invalid_response')` naming the bad field. */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  what: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(root)';
  throw new BillingError('invalid_response', `Malformed ${what} from the billing service: ${path}: ${issue.message}`);
}

/**
 * One check per adapter answer. The client loads this module (valibot and the schemas)
 * on demand, beside its first request, so it costs nothing until data arrives.
 */
export const checks = {
  catalog: (input: unknown) => validate(catalogSchema, input, 'catalog'),
  subscription: (input: unknown) => validate(subscriptionSchema, input, 'subscription'),
  usage: (input: unknown) => validate(usageSchema, input, 'usage'),
  membersUsage: (input: unknown) => validate(membersUsageSchema, input, 'usage by member'),
  dailyUsage: (input: unknown) => validate(dailyUsageSchema, input, 'usage by day'),
  paymentMethods: (input: unknown) => validate(paymentMethodsSchema, input, 'payment methods'),
  invoices: (input: unknown) => validate(invoicePageSchema, input, 'invoices'),
  quote: (input: unknown) => validate(quoteSchema, input, 'quote'),
  activation: (input: unknown) => validate(activationResultSchema, input, 'activation'),
  tierChange: (input: unknown) => validate(activationResultSchema, input, 'tier change'),
  coupon: (input: unknown) => validate(couponSchema, input, 'coupon'),
  setupIntent: (input: unknown) => validate(setupIntentSchema, input, 'setup intent'),
  invoicePayment: (input: unknown) => validate(invoicePaymentResultSchema, input, 'invoice payment'),
  billingDetails: (input: unknown) => validate(billingDetailsSchema, input, 'billing details'),
  taxId: (input: unknown) => validate(taxIdSchema, input, 'tax ID'),
  credits: (input: unknown) => validate(creditsSchema, input, 'credits'),
  creditEntries: (input: unknown) => validate(creditPageSchema, input, 'credit ledger'),
  creditPurchase: (input: unknown) => validate(creditPurchaseResultSchema, input, 'credit purchase'),
  capabilities: (input: unknown) => validate(capabilitiesSchema, input, 'capabilities'),
};

// Compile-time proof that each schema produces the public model type.
type Assert<T extends true> = T;
type Produces<S extends v.GenericSchema, T> = v.InferOutput<S> extends T ? true : false;
export type SchemaChecks = [
  Assert<Produces<typeof catalogSchema, Catalog>>,
  Assert<Produces<typeof subscriptionSchema, Subscription>>,
  Assert<Produces<typeof usageSchema, Usage>>,
  Assert<Produces<typeof invoicePageSchema, Page<Invoice>>>,
  Assert<Produces<typeof paymentMethodsSchema, PaymentMethod[]>>,
  Assert<Produces<typeof couponSchema, Coupon>>,
  Assert<Produces<typeof quoteSchema, Quote>>,
  Assert<Produces<typeof setupIntentSchema, SetupIntent>>,
  Assert<Produces<typeof activationResultSchema, ActivationResult>>,
  Assert<Produces<typeof invoicePaymentResultSchema, InvoicePaymentResult>>,
  Assert<Produces<typeof billingDetailsSchema, BillingDetails>>,
  Assert<Produces<typeof taxIdSchema, TaxId>>,
  Assert<Produces<typeof creditsSchema, Credits>>,
  Assert<Produces<typeof creditPageSchema, Page<CreditEntry>>>,
  Assert<Produces<typeof creditPurchaseResultSchema, CreditPurchaseResult>>,
  Assert<Produces<typeof capabilitiesSchema, Capabilities>>,
];
