/**
 * A Stripe test double of the project's own, for exactly the calls the Stripe engine makes.
 * It is a `fetch` function that stripe-node talks to through `Stripe.createFetchHttpClient`,
 * so the SDK's own encoding, errors, retries and idempotency headers are exercised.
 *
 * Objects are Stripe's fixtures (`fixtures.json`, from github.com/stripe/openapi, MIT) with
 * the fields this double models laid over them, typed `satisfies Stripe.X` so the compiler
 * follows the pinned API version. Modelled: customers, products and prices, test card
 * payment methods (pm_card_visa, pm_card_mastercard, pm_card_chargeDeclined,
 * pm_card_authenticationRequired), setup intents, subscriptions with items, schedules,
 * invoices (previews with prorations, payment, 3-D Secure), payment intents of their own
 * (on and off session), billing credit grants with their balance and transactions
 * (`credits.ts`), coupons and promotion codes, Stripe Tax (automatic tax by the customer's
 * address, `taxRates`), meter events, Stripe-like idempotency (same key and params: the same answer; other
 * params: an error), signed webhook events, and a clock the test advances (renewals,
 * scheduled phases, cancellations at the period end).
 */
import Stripe from 'stripe';
import FIXTURES from './fixtures.json' with { type: 'json' };
import { createCreditDouble } from './credits.js';
import { DEMO_TAX_RATES } from '../../src/adapters/memory/catalogs.js';
import { flag, list, number, object, parseForm, text, type Params, type ParamValue } from './form.js';

type Fixtures = typeof FIXTURES;
const fixture = <K extends keyof Fixtures>(name: K): Fixtures[K] => structuredClone(FIXTURES[name]);

export const TEST_CARDS = {
  pm_card_visa: { brand: 'visa', last4: '4242', behavior: 'succeeds' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', behavior: 'succeeds' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', behavior: 'declines' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184', behavior: 'authenticates' },
} as const;
type Behavior = (typeof TEST_CARDS)[keyof typeof TEST_CARDS]['behavior'];

class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; decline_code?: string; message: string; param?: string; payment_intent?: unknown },
  ) {
    super(body.message);
  }
}
const missing = (kind: string, id: string) =>
  new StripeFailure(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'`, param: 'id' });
const invalid = (message: string, param?: string) =>
  new StripeFailure(400, { type: 'invalid_request_error', message, ...(param ? { param } : {}) });

const DAY = 86_400;
function addMonths(at: number, months: number): number {
  const d = new Date(at * 1000);
  d.setUTCMonth(d.getUTCMonth() + months);
  return Math.floor(d.getTime() / 1000);
}
/** A month or a year later, by calendar (Stripe keeps the day of the month). */
function addInterval(at: number, interval: string): number {
  const d = new Date(at * 1000);
  if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.floor(d.getTime() / 1000);
}

export interface StripeDoubleOptions {
  /** The clock's start (default now). */
  now?: Date;
  /**
   * Stripe Tax's registrations: the tax rate in percent by country (default the demo's).
   * A customer placed elsewhere is `not_collecting`; one without a country (or a US or
   * Canadian address without its postal code) is `unrecognized_location`.
   */
  taxRates?: Record<string, number>;
  /** The signing secret of the webhook endpoint (default `whsec_double`). */
  webhookSecret?: string;
}

export function createStripeDouble(options: StripeDoubleOptions = {}) {
  let now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const taxRates = options.taxRates ?? DEMO_TAX_RATES;
  const webhookSecret = options.webhookSecret ?? 'whsec_double';
  let seq = 0;
  // Ids unique across doubles (tests may share one database), in creation order within one.
  const tag = Math.random().toString(36).slice(2, 8);
  const newId = (prefix: string) => `${prefix}_dbl${tag}${(++seq).toString(36).padStart(6, '0')}`;

  const customers = new Map<string, Stripe.Customer>();
  const products = new Map<string, Stripe.Product>();
  const prices = new Map<string, Stripe.Price>();
  const paymentMethods = new Map<string, Stripe.PaymentMethod & { behavior: Behavior }>();
  const setupIntents = new Map<string, Stripe.SetupIntent>();
  const subscriptions = new Map<string, Stripe.Subscription>();
  const schedules = new Map<string, Stripe.SubscriptionSchedule>();
  const invoices = new Map<string, Stripe.Invoice>();
  /** Payments: an invoice's, or one of their own (a credit purchase) without an invoice. */
  const paymentIntents = new Map<string, Stripe.PaymentIntent & { invoice?: string }>();
  const coupons = new Map<string, Stripe.Coupon>();
  const promotionCodes = new Map<string, Stripe.PromotionCode>();
  const taxIds = new Map<string, Stripe.TaxId>();
  const meterEvents: Stripe.Billing.MeterEvent[] = [];
  const events: Stripe.Event[] = [];
  const idempotency = new Map<string, { params: string; status: number; body: string }>();
  /** Every request, as `METHOD /path`, for tests that count what reached Stripe. */
  const requests: string[] = [];
  /** Every request with its parameters (form-decoded) and Idempotency-Key, for tests that check what the engine asked Stripe for. */
  const calls: Array<{ method: string; path: string; params: Params; idempotencyKey: string | null }> = [];

  function emit(type: string, object: { id?: string }): void {
    const event = {
      ...fixture('event'),
      id: newId('evt'),
      type,
      created: now,
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    } as unknown as Stripe.Event;
    events.push(event);
  }

  // ---- objects -------------------------------------------------------------------------
  const priceOf = (id: string) => {
    const price = prices.get(id);
    if (!price) throw missing('price', id);
    return price;
  };
  const customerOf = (id: string) => {
    const customer = customers.get(id);
    if (!customer) throw missing('customer', id);
    return customer;
  };
  const subscriptionOf = (id: string) => {
    const sub = subscriptions.get(id);
    if (!sub) throw missing('subscription', id);
    return sub;
  };

  function discountFor(couponId: string | undefined, promotionCode?: string): Stripe.Discount[] {
    if (!couponId) return [];
    const coupon = coupons.get(couponId);
    if (!coupon) throw missing('coupon', couponId);
    return [{ ...fixture('discount'), id: newId('di'), object: 'discount', source: { type: 'coupon', coupon }, promotion_code: promotionCode ?? null, start: now, end: null } as Stripe.Discount satisfies Stripe.Discount];
  }

  /** Discounts from `discounts[0][promotion_code]` or `[coupon]`: only active, unexpired codes with redemptions left. */
  function discountsFrom(value: ParamValue | undefined): Stripe.Discount[] {
    const first = object(list(value)[0]);
    const code = text(first.promotion_code);
    if (code) {
      const promo = promotionCodes.get(code);
      if (!promo) throw missing('promotion_code', code);
      const expired = promo.expires_at !== null && promo.expires_at <= now;
      const used = promo.max_redemptions !== null && promo.times_redeemed >= promo.max_redemptions;
      if (!promo.active || expired || used) throw invalid(`Promotion code ${promo.code} is not active.`, 'discounts');
      return discountFor(String(promo.promotion.coupon && typeof promo.promotion.coupon === 'object' ? promo.promotion.coupon.id : promo.promotion.coupon), code);
    }
    return discountFor(text(first.coupon));
  }

  /** A coupon's duration: forever, for its months since it started, or once (the first invoice it meets). */
  function stillApplies(d: Stripe.Discount, at = now): boolean {
    const coupon = d.source.coupon as Stripe.Coupon;
    if (coupon.duration === 'forever') return true;
    if (coupon.duration === 'repeating') return at < addMonths(d.start, coupon.duration_in_months ?? 0);
    return !(d as { spent?: boolean }).spent;
  }
  const spend = (discounts: Stripe.Discount[]) => discounts.forEach((d) => Object.assign(d, { spent: true }));

  const discountAmount = (amount: number, discounts: Stripe.Discount[], productId: string): number =>
    discounts.reduce((sum, d) => {
      const coupon = d.source.coupon as Stripe.Coupon;
      if (coupon.applies_to && !coupon.applies_to.products.includes(productId)) return sum;
      return sum + (coupon.percent_off ? Math.round((amount * coupon.percent_off) / 100) : Math.min(amount, coupon.amount_off ?? 0));
    }, 0);

  interface Line {
    price: Stripe.Price;
    quantity: number;
    amount: number;
    proration: boolean;
    description: string;
  }

  function recipientOf(id: string): Pick<Stripe.Invoice, 'customer_name' | 'customer_email' | 'customer_address' | 'customer_tax_ids'> {
    const c = customers.get(id);
    return {
      customer_name: c?.name ?? null,
      customer_email: c?.email ?? null,
      customer_address: c?.address ? structuredClone(c.address) : null,
      customer_tax_ids: [...taxIds.values()].filter((t) => t.customer === id).map((t) => ({ type: t.type, value: t.value })) as Stripe.Invoice.CustomerTaxId[],
    };
  }

  /** Where Stripe Tax places a customer, by their billing address (no IP address is modelled). */
  function taxOf(address: Stripe.Address | null | undefined): Stripe.Customer.Tax {
    const country = address?.country ?? null;
    const postal = address?.postal_code ?? '';
    const placed = !!country && (country === 'US' ? /^\d{5}(-\d{4})?$/.test(postal) : country === 'CA' ? postal.length >= 6 : true);
    return {
      automatic_tax: !placed ? 'unrecognized_location' : country && taxRates[country] !== undefined ? 'supported' : 'not_collecting',
      ip_address: null,
      location: placed && country ? { country, state: address?.state ?? null, source: 'billing_address' } : null,
      provider: 'stripe',
    };
  }
  /** Automatic tax needs a customer Stripe can place: else Stripe refuses the request. */
  function taxRateFor(customerId: string): number {
    const tax = taxOf(customers.get(customerId)?.address);
    if (tax.automatic_tax === 'unrecognized_location') {
      throw new StripeFailure(400, { type: 'invalid_request_error', code: 'customer_tax_location_invalid', message: "The customer's location isn't recognized.", param: 'customer' });
    }
    return tax.location ? (taxRates[tax.location.country] ?? 0) : 0;
  }

  function invoiceFor(customer: string, lines: Line[], discounts: Stripe.Discount[], period: { start: number; end: number }, subscription: string | null, preview = false, automaticTax = false): Stripe.Invoice {
    const subtotal = lines.reduce((s, l) => s + l.amount, 0);
    const discount = lines.reduce((s, l) => s + (l.amount > 0 && !l.proration ? discountAmount(l.amount, discounts, String(l.price.product)) : 0), 0);
    // Tax is exclusive, on what is left after discounts; a subscription with automatic tax is taxed on every invoice.
    const taxed = automaticTax || (subscription ? subscriptions.get(subscription)?.automatic_tax.enabled === true : false);
    const tax = taxed ? Math.round((Math.max(0, subtotal - discount) * taxRateFor(customer)) / 100) : 0;
    const total = subtotal - discount + tax;
    const id = preview ? `upcoming_in_${newId('x')}` : newId('in');
    const invoice = {
      ...fixture('invoice'),
      id,
      object: 'invoice',
      customer,
      subscription: undefined,
      parent: subscription ? { type: 'subscription_details', quote_details: null, subscription_details: { metadata: {}, subscription } } : null,
      status: preview ? 'draft' : total <= 0 ? 'paid' : 'open',
      number: preview ? null : `DBL-${String(invoices.size + 1).padStart(4, '0')}`,
      currency: lines[0]?.price.currency ?? 'usd',
      subtotal,
      total,
      amount_due: Math.max(total, 0),
      amount_paid: 0,
      amount_remaining: Math.max(total, 0),
      total_discount_amounts: discount ? [{ amount: discount, discount: discounts[0]?.id ?? '' }] : [],
      total_taxes: tax ? [{ amount: tax, tax_behavior: 'exclusive', tax_rate_details: null, taxability_reason: 'standard_rated', taxable_amount: Math.max(0, subtotal - discount), type: 'tax_rate_details' }] : [],
      created: now,
      period_start: period.start,
      period_end: period.end,
      due_date: null,
      hosted_invoice_url: preview ? null : `https://invoice.stripe.test/${id}`,
      invoice_pdf: preview ? null : `https://pay.stripe.test/${id}/pdf`,
      // Stripe copies the customer's details onto the invoice when it is made: later changes do not rewrite it.
      ...(preview ? {} : recipientOf(customer)),
      lines: {
        object: 'list',
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
        data: lines.map((l) => ({
          id: newId('il'),
          object: 'line_item',
          amount: l.amount,
          currency: l.price.currency,
          description: l.description,
          quantity: l.quantity,
          period: { start: period.start, end: period.end },
          pricing: { type: 'price_details', price_details: { price: l.price.id, product: String(l.price.product) }, unit_amount_decimal: String(l.price.unit_amount) },
          parent: { type: 'subscription_item_details', subscription_item_details: { proration: l.proration, subscription }, invoice_item_details: null },
        })),
      },
      payments: { object: 'list', data: [], has_more: false, url: `/v1/invoice_payments` },
      confirmation_secret: null,
    } as unknown as Stripe.Invoice satisfies Stripe.Invoice;
    if (!preview) invoices.set(id, invoice);
    return invoice;
  }

  function cardOf(id: string | null | undefined): (Stripe.PaymentMethod & { behavior: Behavior }) | undefined {
    return id ? paymentMethods.get(id) : undefined;
  }

  /** Tries to collect an invoice with a card: paid, declined (402) or waiting for 3-D Secure (402). */
  function collect(invoice: Stripe.Invoice, card: (Stripe.PaymentMethod & { behavior: Behavior }) | undefined): void {
    if (invoice.status === 'paid') return;
    if (!card) throw invalid('This invoice has no payment method to charge.', 'payment_method');
    const pi = {
      ...fixture('payment_intent'),
      id: newId('pi'),
      amount: invoice.amount_due,
      currency: invoice.currency,
      customer: invoice.customer,
      payment_method: card.id,
      created: now,
      status: card.behavior === 'succeeds' ? 'succeeded' : card.behavior === 'declines' ? 'requires_payment_method' : 'requires_action',
      invoice: invoice.id as string,
    } as Stripe.PaymentIntent & { invoice: string };
    pi.client_secret = `${pi.id}_secret_dbl`;
    paymentIntents.set(pi.id, pi);
    invoice.payments = { object: 'list', has_more: false, url: '/v1/invoice_payments', data: [{ ...fixture('invoice_payment'), id: newId('inpay'), invoice: invoice.id as string, status: pi.status === 'succeeded' ? 'paid' : 'open', payment: { type: 'payment_intent', payment_intent: pi.id } } as Stripe.InvoicePayment] };
    invoice.confirmation_secret = { type: 'payment_intent', client_secret: pi.client_secret };
    if (pi.status === 'succeeded') return markPaid(invoice);
    emit(pi.status === 'requires_action' ? 'invoice.payment_action_required' : 'invoice.payment_failed', invoice);
    if (pi.status === 'requires_action') {
      throw new StripeFailure(402, { type: 'card_error', code: 'invoice_payment_intent_requires_action', message: 'This payment requires additional user action before it can be completed successfully.', payment_intent: pi });
    }
    throw new StripeFailure(402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: pi });
  }

  function markPaid(invoice: Stripe.Invoice): void {
    invoice.status = 'paid';
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    emit('invoice.paid', invoice);
    const subId = invoice.parent?.subscription_details?.subscription;
    const sub = typeof subId === 'string' ? subscriptions.get(subId) : undefined;
    if (!sub) return;
    const pending = (sub as { pendingItems?: Array<{ price: string; quantity: number }> }).pendingItems;
    if (pending) {
      applyItems(sub, pending);
      delete (sub as { pendingItems?: unknown }).pendingItems;
      sub.pending_update = null;
    }
    if (sub.status === 'incomplete' || sub.status === 'past_due') sub.status = 'active';
    emit('customer.subscription.updated', sub);
  }

  function applyItems(sub: Stripe.Subscription, items: Array<{ price: string; quantity: number }>): void {
    const current = sub.items.data[0];
    sub.items.data = items.map((item, i) => ({
      ...(current ?? fixture('subscription_item')),
      id: i === 0 && current ? current.id : newId('si'),
      price: priceOf(item.price),
      quantity: item.quantity,
      subscription: sub.id,
    })) as Stripe.SubscriptionItem[];
  }

  const itemsFrom = (value: ParamValue | undefined) =>
    list(value).map((raw) => {
      const item = object(raw);
      const price = text(item.price);
      if (!price) throw invalid('Each item needs a price.', 'items');
      priceOf(price);
      return { id: text(item.id), price, quantity: number(item.quantity) ?? 1 };
    });

  const periodOf = (sub: Stripe.Subscription) => {
    const item = sub.items.data[0];
    return { start: item?.current_period_start ?? now, end: item?.current_period_end ?? now };
  };
  const amountOf = (items: Array<{ price: string; quantity: number }>) =>
    items.reduce((s, i) => s + (priceOf(i.price).unit_amount ?? 0) * i.quantity, 0);

  // ---- routes --------------------------------------------------------------------------
  type Handler = (params: Params, match: string[], query: URLSearchParams) => unknown;
  const routes: Array<[string, RegExp, Handler]> = [];
  const on = (method: string, path: RegExp, handler: Handler) => routes.push([method, path, handler]);

  on('POST', /^\/v1\/customers$/, (p) => {
    const customer = {
      ...fixture('customer'),
      id: newId('cus'),
      created: now,
      email: text(p.email) ?? null,
      name: text(p.name) ?? null,
      metadata: object(p.metadata) as Record<string, string>,
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      test_clock: text(p.test_clock) ?? null,
    } as Stripe.Customer satisfies Stripe.Customer;
    customers.set(customer.id, customer);
    return customer;
  });
  // `tax` is an includable field: there only when asked for (`expand: ['tax']`).
  on('GET', /^\/v1\/customers\/([^/]+)$/, (p, [id = '']) => {
    const customer = customerOf(id);
    return list(p.expand).map(String).includes('tax') ? { ...customer, tax: taxOf(customer.address) } : customer;
  });
  on('POST', /^\/v1\/customers\/([^/]+)$/, (p, [id = '']) => {
    const customer = customerOf(id);
    const pm = text(object(p.invoice_settings).default_payment_method);
    if (pm !== undefined) {
      if (cardOf(pm)?.customer !== id) throw invalid(`No such PaymentMethod: '${pm}'`, 'invoice_settings[default_payment_method]');
      customer.invoice_settings.default_payment_method = pm;
    }
    if (p.metadata) customer.metadata = { ...customer.metadata, ...(object(p.metadata) as Record<string, string>) };
    // An empty string clears a field, as Stripe's form encoding does.
    if (p.email !== undefined) customer.email = text(p.email) || null;
    if (p.name !== undefined) customer.name = text(p.name) || null;
    if (p.address !== undefined) {
      const a = object(p.address);
      const field = (name: string) => text(a[name]) || null;
      const address = { line1: field('line1'), line2: field('line2'), city: field('city'), state: field('state'), postal_code: field('postal_code'), country: field('country') };
      // With `tax[validate_location]=immediately` an address Stripe Tax cannot place is refused, and nothing changes.
      if (text(object(p.tax).validate_location) === 'immediately' && taxOf(address).automatic_tax === 'unrecognized_location') {
        throw new StripeFailure(400, { type: 'invalid_request_error', code: 'customer_tax_location_invalid', message: "The customer's location isn't recognized.", param: 'address' });
      }
      customer.address = address;
    }
    return customer;
  });
  // Tax IDs: Stripe checks each type's format (a simpler check here: the kit checks formats itself first).
  on('GET', /^\/v1\/customers\/([^/]+)\/tax_ids$/, (_, [id = '']) => {
    customerOf(id);
    return page([...taxIds.values()].filter((t) => t.customer === id), `/v1/customers/${id}/tax_ids`);
  });
  on('POST', /^\/v1\/customers\/([^/]+)\/tax_ids$/, (p, [id = '']) => {
    customerOf(id);
    const type = text(p.type) ?? '';
    const value = text(p.value) ?? '';
    const euPrefix = /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)/;
    if (!/^[A-Z0-9][A-Z0-9 .-]{3,}$/.test(value) || (type === 'eu_vat' && !euPrefix.test(value))) {
      throw new StripeFailure(400, { type: 'invalid_request_error', code: 'tax_id_invalid', message: `Invalid value for ${type}.`, param: 'value' });
    }
    const verifiable = type === 'eu_vat' || type === 'gb_vat' || type === 'au_abn';
    const taxId = {
      id: newId('txi'),
      object: 'tax_id',
      country: type === 'eu_vat' ? value.slice(0, 2).replace('EL', 'GR') : null,
      created: now,
      customer: id,
      customer_account: null,
      livemode: false,
      owner: { type: 'customer', customer: id, customer_account: null },
      type: type as Stripe.TaxId.Type,
      value,
      verification: { status: verifiable ? 'pending' : 'unavailable', verified_address: null, verified_name: null },
    } satisfies Stripe.TaxId;
    taxIds.set(taxId.id, taxId);
    return taxId;
  });
  on('DELETE', /^\/v1\/customers\/([^/]+)\/tax_ids\/([^/]+)$/, (_, [id = '', taxId = '']) => {
    const known = taxIds.get(taxId);
    if (!known || known.customer !== id) throw missing('tax_id', taxId);
    taxIds.delete(taxId);
    return { id: taxId, object: 'tax_id', deleted: true };
  });
  on('GET', /^\/v1\/customers\/([^/]+)\/payment_methods$/, (_, [id = '']) => {
    customerOf(id);
    return page([...paymentMethods.values()].filter((pm) => pm.customer === id).map(publicCard), `/v1/customers/${id}/payment_methods`);
  });

  on('POST', /^\/v1\/products$/, (p) => {
    const product = {
      ...fixture('product'),
      id: text(p.id) ?? newId('prod'),
      name: text(p.name) ?? '',
      description: text(p.description) ?? null,
      active: flag(p.active) ?? true,
      metadata: object(p.metadata) as Record<string, string>,
      marketing_features: list(p.marketing_features).map((f) => ({ name: text(object(f).name) ?? '' })),
      created: now,
      default_price: null,
      tax_details: null, // newer than the fixtures
    } as Stripe.Product satisfies Stripe.Product;
    products.set(product.id, product);
    emit('product.created', product);
    return product;
  });
  on('GET', /^\/v1\/products$/, (_, __, q) => page([...products.values()].filter((pr) => q.get('active') !== 'true' || pr.active), '/v1/products'));
  on('POST', /^\/v1\/prices$/, (p) => {
    const recurring = object(p.recurring);
    const product = text(p.product) ?? '';
    if (!products.has(product)) throw missing('product', product);
    const price = {
      ...fixture('price'),
      id: newId('price'),
      product,
      currency: (text(p.currency) ?? 'usd').toLowerCase(),
      unit_amount: number(p.unit_amount) ?? 0,
      lookup_key: text(p.lookup_key) ?? null,
      active: true,
      type: 'recurring',
      billing_scheme: 'per_unit',
      metadata: object(p.metadata) as Record<string, string>,
      recurring: { interval: (text(recurring.interval) ?? 'month') as 'month', interval_count: 1, meter: null, usage_type: 'licensed', trial_period_days: null },
      created: now,
    } as Omit<Stripe.Price, 'unit_amount_decimal'> as Stripe.Price; // unit_amount_decimal is a Decimal object in the SDK, text on the wire: not modelled
    prices.set(price.id, price);
    emit('price.created', price);
    return price;
  });
  on('GET', /^\/v1\/prices$/, (p, __, q) => {
    const keys = list(p.lookup_keys).map(String);
    return page([...prices.values()].filter((pr) => (q.get('active') !== 'true' || pr.active) && (!keys.length || keys.includes(pr.lookup_key ?? ''))), '/v1/prices');
  });

  const publicCard = (pm: Stripe.PaymentMethod & { behavior?: Behavior }): Stripe.PaymentMethod => {
    const { behavior: _behavior, ...card } = pm;
    return card;
  };
  function testCard(id: string): Stripe.PaymentMethod & { behavior: Behavior } {
    const known = paymentMethods.get(id);
    if (known) return known;
    const test = TEST_CARDS[id as keyof typeof TEST_CARDS];
    if (!test) throw missing('payment_method', id);
    const base = fixture('payment_method') as Stripe.PaymentMethod;
    return {
      ...base,
      id,
      type: 'card',
      customer: null,
      created: now,
      card: { ...base.card!, brand: test.brand, display_brand: test.brand, last4: test.last4, exp_month: 12, exp_year: 2034 },
      behavior: test.behavior,
    };
  }
  on('GET', /^\/v1\/payment_methods\/([^/]+)$/, (_, [id = '']) => publicCard(testCard(id)));
  on('POST', /^\/v1\/payment_methods\/([^/]+)\/attach$/, (p, [id = '']) => {
    const customer = text(p.customer) ?? '';
    customerOf(customer);
    const source = testCard(id);
    if (source.customer && source.customer !== customer) throw invalid('This PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.');
    // A test token attaches as a new card of its own, as in Stripe's test mode.
    const card = { ...source, id: paymentMethods.has(id) ? id : newId('pm'), customer };
    paymentMethods.set(card.id, card);
    emit('payment_method.attached', publicCard(card));
    return publicCard(card);
  });
  on('POST', /^\/v1\/payment_methods\/([^/]+)\/detach$/, (_, [id = '']) => {
    const card = paymentMethods.get(id);
    if (!card?.customer) throw invalid('The payment method you provided is not attached to a customer so detachment is impossible.');
    const owner = customers.get(String(card.customer));
    if (owner?.invoice_settings.default_payment_method === id) owner.invoice_settings.default_payment_method = null;
    card.customer = null;
    emit('payment_method.detached', publicCard(card));
    return publicCard(card);
  });

  on('POST', /^\/v1\/setup_intents$/, (p) => {
    const intent = { ...fixture('setup_intent'), id: newId('seti'), customer: text(p.customer) ?? null, usage: text(p.usage) ?? 'off_session', status: 'requires_payment_method', created: now } as Stripe.SetupIntent;
    intent.client_secret = `${intent.id}_secret_dbl`;
    setupIntents.set(intent.id, intent);
    return intent;
  });

  // A payment of its own (a credit purchase), confirmed at once: on session, a card that asks
  // for 3-D Secure waits for the customer; off session, Stripe refuses it with authentication_required.
  on('POST', /^\/v1\/payment_intents$/, (p) => {
    const customer = text(p.customer) ?? '';
    customerOf(customer);
    const amount = number(p.amount);
    if (!amount || !Number.isInteger(amount) || amount < 50) throw invalid('Amount must be at least $0.50 usd', 'amount');
    const card = cardOf(text(p.payment_method));
    if (!card || card.customer !== customer) throw invalid('The provided PaymentMethod is not attached to this customer.', 'payment_method');
    const offSession = flag(p.off_session) === true;
    const pi = {
      ...fixture('payment_intent'),
      id: newId('pi'),
      amount,
      currency: text(p.currency) ?? 'usd',
      customer,
      payment_method: card.id,
      created: now,
      description: text(p.description) ?? null,
      metadata: object(p.metadata) as Record<string, string>,
      status: card.behavior === 'succeeds' ? 'succeeded' : card.behavior === 'declines' ? 'requires_payment_method' : 'requires_action',
    } as Stripe.PaymentIntent;
    pi.client_secret = `${pi.id}_secret_dbl`;
    if (card.behavior === 'authenticates' && offSession) pi.status = 'requires_payment_method';
    paymentIntents.set(pi.id, pi);
    emit(pi.status === 'succeeded' ? 'payment_intent.succeeded' : pi.status === 'requires_action' ? 'payment_intent.requires_action' : 'payment_intent.payment_failed', pi);
    if (card.behavior === 'declines') throw new StripeFailure(402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: pi });
    if (card.behavior === 'authenticates' && offSession) {
      throw new StripeFailure(402, { type: 'card_error', code: 'authentication_required', decline_code: 'authentication_required', message: 'Your card was declined. This transaction requires authentication.', payment_intent: pi });
    }
    return pi;
  });
  // Confirms a payment of its own again (after authentication failed): as at creation, by the card's behaviour.
  on('POST', /^\/v1\/payment_intents\/([^/]+)\/confirm$/, (p, [id = '']) => {
    const pi = paymentIntents.get(id);
    if (!pi || pi.invoice) throw missing('payment_intent', id);
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') throw invalid(`This PaymentIntent's status is ${pi.status}, so it cannot be confirmed.`);
    const card = cardOf(text(p.payment_method) ?? String(pi.payment_method));
    if (!card || card.customer !== pi.customer) throw invalid('The provided PaymentMethod is not attached to this customer.', 'payment_method');
    pi.payment_method = card.id;
    pi.status = card.behavior === 'succeeds' ? 'succeeded' : card.behavior === 'declines' ? 'requires_payment_method' : 'requires_action';
    if (card.behavior === 'declines') throw new StripeFailure(402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: pi });
    const { invoice: _invoice, ...intent } = pi;
    return intent;
  });
  on('GET', /^\/v1\/payment_intents$/, (_, __, q) =>
    page(
      [...paymentIntents.values()]
        .filter((pi) => !q.get('customer') || pi.customer === q.get('customer'))
        .reverse()
        .slice(0, Number(q.get('limit') ?? 10))
        .map(({ invoice: _invoice, ...intent }) => intent),
      '/v1/payment_intents',
    ),
  );
  on('GET', /^\/v1\/payment_intents\/([^/]+)$/, (_, [id = '']) => {
    const pi = paymentIntents.get(id);
    if (!pi) throw missing('payment_intent', id);
    const { invoice: _invoice, ...intent } = pi;
    return intent;
  });

  const credits = createCreditDouble({ newId, now: () => now, emit, customerOf, invalid, missing });
  for (const [method, path, handler] of credits.routes) on(method, path, handler);

  function cancellationFrom(p: Params): Stripe.Subscription.CancellationDetails | undefined {
    const c = object(p.cancellation_details);
    if (!p.cancellation_details) return undefined;
    return { comment: text(c.comment) || null, feedback: (text(c.feedback) || null) as Stripe.Subscription.CancellationDetails.Feedback | null, reason: 'cancellation_requested', feedback_option: null };
  }

  on('POST', /^\/v1\/subscriptions$/, (p) => {
    const customer = customerOf(text(p.customer) ?? '');
    const items = itemsFrom(p.items);
    if (!items.length) throw invalid('Missing required param: items.', 'items');
    const interval = priceOf(items[0]!.price).recurring?.interval ?? 'month';
    const end = addInterval(now, interval);
    const discounts = discountsFrom(p.discounts);
    const automaticTax = flag(object(p.automatic_tax).enabled) === true;
    if (automaticTax) taxRateFor(customer.id);
    const sub = {
      ...fixture('subscription'),
      id: newId('sub'),
      customer: customer.id,
      automatic_tax: { enabled: automaticTax, disabled_reason: null, liability: automaticTax ? { type: 'self' } : null },
      status: 'incomplete',
      created: now,
      start_date: now,
      billing_cycle_anchor: now,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      cancel_at_period_end: false,
      cancellation_details: { comment: null, feedback: null, reason: null, feedback_option: null },
      default_payment_method: text(p.default_payment_method) ?? null,
      discounts: discounts.map((d) => d.id),
      metadata: object(p.metadata) as Record<string, string>,
      pending_update: null,
      schedule: null,
      trial_end: null,
      trial_start: null,
      currency: priceOf(items[0]!.price).currency,
      items: { object: 'list', has_more: false, url: '/v1/subscription_items', data: [] },
      latest_invoice: null,
    } as unknown as Stripe.Subscription satisfies Stripe.Subscription;
    applyItems(sub, items);
    for (const item of sub.items.data) Object.assign(item, { current_period_start: now, current_period_end: end });
    (sub as { discountObjects?: Stripe.Discount[] }).discountObjects = discounts;
    subscriptions.set(sub.id, sub);
    for (const d of discounts) {
      const promo = d.promotion_code ? promotionCodes.get(String(d.promotion_code)) : undefined;
      if (promo) promo.times_redeemed++;
    }
    const invoice = invoiceFor(customer.id, items.map((i) => ({ price: priceOf(i.price), quantity: i.quantity, amount: (priceOf(i.price).unit_amount ?? 0) * i.quantity, proration: false, description: `${i.quantity} × ${i.price}` })), discounts, { start: now, end }, sub.id);
    sub.latest_invoice = invoice.id as string;
    spend(discounts);
    if (invoice.status === 'paid') sub.status = 'active';
    emit('customer.subscription.created', sub);
    if (text(p.payment_behavior) !== 'default_incomplete' && invoice.status !== 'paid') {
      collect(invoice, cardOf(sub.default_payment_method as string) ?? cardOf(customer.invoice_settings.default_payment_method as string));
    }
    return sub;
  });
  on('GET', /^\/v1\/subscriptions\/([^/]+)$/, (_, [id = '']) => subscriptionOf(id));
  on('GET', /^\/v1\/subscriptions$/, (_, __, q) =>
    page([...subscriptions.values()].filter((sub) => (!q.get('customer') || sub.customer === q.get('customer')) && (q.get('status') === 'all' || sub.status !== 'canceled')), '/v1/subscriptions'),
  );
  on('POST', /^\/v1\/subscriptions\/([^/]+)$/, (p, [id = '']) => {
    const sub = subscriptionOf(id);
    if (sub.status === 'canceled') throw invalid('A canceled subscription can only update its cancellation_details and metadata.');
    if (p.cancel_at_period_end !== undefined) {
      if (sub.schedule) throw invalid('The subscription is managed by the subscription schedule, and updating any cancelation behavior directly is not allowed.');
      sub.cancel_at_period_end = flag(p.cancel_at_period_end) ?? false;
      sub.cancel_at = sub.cancel_at_period_end ? periodOf(sub).end : null;
    }
    const details = cancellationFrom(p);
    if (details) sub.cancellation_details = details;
    if (p.default_payment_method !== undefined) sub.default_payment_method = text(p.default_payment_method) || null;
    if (p.metadata) sub.metadata = { ...sub.metadata, ...(object(p.metadata) as Record<string, string>) };
    if (p.discounts) (sub as { discountObjects?: Stripe.Discount[] }).discountObjects = discountsFrom(p.discounts);
    if (p.items) {
      if (sub.schedule) throw invalid('The subscription is managed by the subscription schedule; release it first.');
      const items = itemsFrom(p.items);
      const before = sub.items.data.map((i) => ({ price: i.price.id, quantity: i.quantity ?? 1 }));
      const period = periodOf(sub);
      const at = number(p.proration_date) ?? now;
      const fraction = Math.max(0, Math.min(1, (period.end - at) / Math.max(1, period.end - period.start)));
      const proration = Math.round((amountOf(items) - amountOf(before)) * fraction);
      if (text(p.proration_behavior) === 'always_invoice' && proration > 0) {
        const line: Line = { price: priceOf(items[0]!.price), quantity: items[0]!.quantity, amount: proration, proration: true, description: 'Remaining time' };
        const invoice = invoiceFor(String(sub.customer), [line], [], { start: at, end: period.end }, sub.id);
        sub.latest_invoice = invoice.id as string;
        const card = cardOf(sub.default_payment_method as string) ?? cardOf(customerOf(String(sub.customer)).invoice_settings.default_payment_method as string);
        if (text(p.payment_behavior) === 'pending_if_incomplete') {
          // The change waits for the payment: declined or 3-D Secure leaves it pending, not applied.
          (sub as { pendingItems?: unknown }).pendingItems = items;
          sub.pending_update = { billing_cycle_anchor: null, expires_at: now + DAY, subscription_items: null, trial_end: null, trial_from_plan: null } as Stripe.Subscription.PendingUpdate;
          try {
            collect(invoice, card);
          } catch (error) {
            if (!(error instanceof StripeFailure && error.status === 402)) throw error;
          }
          return sub;
        }
        collect(invoice, card);
      }
      applyItems(sub, items);
    }
    emit('customer.subscription.updated', sub);
    return sub;
  });
  on('DELETE', /^\/v1\/subscriptions\/([^/]+)$/, (p, [id = '']) => {
    const sub = subscriptionOf(id);
    // An incomplete subscription's first invoice is voided with it: nothing stays to be paid.
    const first = sub.status === 'incomplete' ? invoices.get(String(sub.latest_invoice)) : undefined;
    if (first?.status === 'open') first.status = 'void';
    sub.status = 'canceled';
    sub.canceled_at = now;
    sub.ended_at = now;
    const details = cancellationFrom(p);
    if (details) sub.cancellation_details = details;
    if (sub.schedule) releaseSchedule(String(sub.schedule));
    emit('customer.subscription.deleted', sub);
    return sub;
  });

  function scheduleOf(id: string): Stripe.SubscriptionSchedule {
    const schedule = schedules.get(id);
    if (!schedule) throw missing('subscription_schedule', id);
    return schedule;
  }
  function releaseSchedule(id: string): Stripe.SubscriptionSchedule {
    const schedule = scheduleOf(id);
    const sub = subscriptions.get(String(schedule.subscription));
    if (sub) sub.schedule = null;
    schedule.status = 'released';
    schedule.released_at = now;
    schedule.released_subscription = sub?.id ?? null;
    schedule.subscription = null;
    emit('subscription_schedule.released', schedule);
    return schedule;
  }
  on('POST', /^\/v1\/subscription_schedules$/, (p) => {
    const sub = subscriptionOf(text(p.from_subscription) ?? '');
    if (sub.schedule) throw invalid('You cannot migrate a subscription that is already attached to a schedule.');
    const period = periodOf(sub);
    const schedule = {
      ...fixture('subscription_schedule'),
      id: newId('sub_sched'),
      customer: String(sub.customer),
      subscription: sub.id,
      status: 'active',
      created: now,
      end_behavior: 'release',
      released_at: null,
      released_subscription: null,
      canceled_at: null,
      completed_at: null,
      current_phase: { start_date: period.start, end_date: period.end },
      phases: [{ start_date: period.start, end_date: period.end, items: sub.items.data.map((i) => ({ price: i.price.id, quantity: i.quantity })) }],
    } as unknown as Stripe.SubscriptionSchedule satisfies Stripe.SubscriptionSchedule;
    schedules.set(schedule.id, schedule);
    sub.schedule = schedule.id;
    return schedule;
  });
  on('GET', /^\/v1\/subscription_schedules\/([^/]+)$/, (_, [id = '']) => scheduleOf(id));
  on('POST', /^\/v1\/subscription_schedules\/([^/]+)$/, (p, [id = '']) => {
    const schedule = scheduleOf(id);
    if (schedule.status !== 'active' && schedule.status !== 'not_started') throw invalid(`You cannot update a subscription schedule that is ${schedule.status}.`);
    let start = schedule.phases[0]?.start_date ?? now;
    schedule.phases = list(p.phases).map((raw) => {
      const phase = object(raw);
      const items = itemsFrom(phase.items);
      const begin = number(phase.start_date) ?? start;
      const end = number(phase.end_date) ?? addInterval(begin, priceOf(items[0]!.price).recurring?.interval ?? 'month');
      start = end;
      const discounts = phase.discounts ? discountsFrom(phase.discounts) : undefined;
      return { start_date: begin, end_date: end, items: items.map((i) => ({ price: i.price, quantity: i.quantity })), ...(discounts ? { discountObjects: discounts } : {}) } as unknown as Stripe.SubscriptionSchedule.Phase;
    });
    if (p.end_behavior) schedule.end_behavior = text(p.end_behavior) as Stripe.SubscriptionSchedule.EndBehavior;
    emit('subscription_schedule.updated', schedule);
    return schedule;
  });
  on('POST', /^\/v1\/subscription_schedules\/([^/]+)\/release$/, (_, [id = '']) => releaseSchedule(id));

  on('POST', /^\/v1\/invoices\/create_preview$/, (p) => {
    const details = object(p.subscription_details);
    const subId = text(p.subscription);
    const customer = text(p.customer);
    if (!subId) {
      const items = itemsFrom(details.items);
      const interval = priceOf(items[0]?.price ?? '').recurring?.interval ?? 'month';
      const automaticTax = flag(object(p.automatic_tax).enabled) === true;
      return invoiceFor(customer ?? 'cus_preview', items.map((i) => ({ price: priceOf(i.price), quantity: i.quantity, amount: (priceOf(i.price).unit_amount ?? 0) * i.quantity, proration: false, description: i.price })), discountsFrom(p.discounts), { start: now, end: addInterval(now, interval) }, null, true, automaticTax);
    }
    const sub = subscriptionOf(subId);
    if (!details.items) {
      // The upcoming invoice: the renewal at the period end, with the next phase's items if a schedule changes them,
      // the discounts that still apply then, and tax as the subscription has it.
      const period = periodOf(sub);
      const schedule = sub.schedule ? schedules.get(String(sub.schedule)) : undefined;
      const next = schedule?.phases.find((phase) => phase.start_date === period.end);
      const renewing = next ? next.items.map((i) => ({ price: String(i.price), quantity: i.quantity ?? 1 })) : sub.items.data.map((i) => ({ price: i.price.id, quantity: i.quantity ?? 1 }));
      const discounts = ((next as { discountObjects?: Stripe.Discount[] } | undefined)?.discountObjects ?? (sub as { discountObjects?: Stripe.Discount[] }).discountObjects ?? []).filter((d) => stillApplies(d, period.end));
      const interval = priceOf(renewing[0]?.price ?? '').recurring?.interval ?? 'month';
      const lines = renewing.map((i) => ({ price: priceOf(i.price), quantity: i.quantity, amount: (priceOf(i.price).unit_amount ?? 0) * i.quantity, proration: false, description: i.price }));
      return invoiceFor(String(sub.customer), lines, discounts, { start: period.end, end: addInterval(period.end, interval) }, sub.id, true);
    }
    const items = itemsFrom(details.items);
    const before = sub.items.data.map((i) => ({ price: i.price.id, quantity: i.quantity ?? 1 }));
    const period = periodOf(sub);
    const at = number(details.proration_date) ?? now;
    const fraction = Math.max(0, Math.min(1, (period.end - at) / Math.max(1, period.end - period.start)));
    const proration = Math.round((amountOf(items) - amountOf(before)) * fraction);
    const line: Line = { price: priceOf(items[0]!.price), quantity: items[0]!.quantity, amount: proration, proration: true, description: 'Remaining time' };
    return invoiceFor(String(sub.customer), [line], [], { start: at, end: period.end }, sub.id, true);
  });
  on('GET', /^\/v1\/invoices$/, (_, __, q) => {
    const all = [...invoices.values()].filter((i) => i.customer === q.get('customer')).sort((a, b) => b.created - a.created || String(b.id).localeCompare(String(a.id)));
    const after = q.get('starting_after');
    const from = after ? all.findIndex((i) => i.id === after) + 1 : 0;
    const limit = Number(q.get('limit') ?? 10);
    const slice = all.slice(from, from + limit);
    return { ...page(slice, '/v1/invoices'), has_more: from + limit < all.length };
  });
  const invoiceOf = (id: string) => {
    const invoice = invoices.get(id);
    if (!invoice) throw missing('invoice', id);
    return invoice;
  };
  on('GET', /^\/v1\/invoices\/([^/]+)$/, (_, [id = '']) => invoiceOf(id));
  on('POST', /^\/v1\/invoices\/([^/]+)\/pay$/, (p, [id = '']) => {
    const invoice = invoiceOf(id);
    if (invoice.status === 'paid') throw invalid('Invoice is already paid.');
    const pm = text(p.payment_method);
    const card = pm ? cardOf(pm) : undefined;
    if (pm && card?.customer !== invoice.customer) throw missing('payment_method', pm);
    const subId = invoice.parent?.subscription_details?.subscription;
    const sub = typeof subId === 'string' ? subscriptions.get(subId) : undefined;
    collect(invoice, card ?? cardOf(sub?.default_payment_method as string) ?? cardOf(customerOf(String(invoice.customer)).invoice_settings.default_payment_method as string));
    return invoice;
  });

  on('POST', /^\/v1\/coupons$/, (p) => {
    const coupon = {
      ...fixture('coupon'),
      id: text(p.id) ?? newId('co'),
      name: text(p.name) ?? null,
      percent_off: number(p.percent_off) ?? null,
      amount_off: number(p.amount_off) ?? null,
      currency: text(p.currency) ?? null,
      duration: (text(p.duration) ?? 'once') as Stripe.Coupon.Duration,
      duration_in_months: number(p.duration_in_months) ?? null,
      applies_to: p.applies_to ? { products: list(object(p.applies_to).products).map(String) } : undefined,
      valid: true,
      created: now,
    } as Stripe.Coupon satisfies Stripe.Coupon;
    coupons.set(coupon.id, coupon);
    return coupon;
  });
  on('POST', /^\/v1\/promotion_codes$/, (p) => {
    const couponId = text(object(p.promotion).coupon) ?? '';
    const coupon = coupons.get(couponId);
    if (!coupon) throw missing('coupon', couponId);
    const promo = {
      ...fixture('promotion_code'),
      id: newId('promo'),
      code: text(p.code) ?? '',
      active: flag(p.active) ?? true,
      expires_at: number(p.expires_at) ?? null,
      max_redemptions: number(p.max_redemptions) ?? null,
      times_redeemed: 0,
      created: now,
      promotion: { type: 'coupon', coupon },
    } as Stripe.PromotionCode satisfies Stripe.PromotionCode;
    promotionCodes.set(promo.id, promo);
    return promo;
  });
  on('GET', /^\/v1\/promotion_codes$/, (_, __, q) =>
    page([...promotionCodes.values()].filter((promo) => (!q.get('code') || promo.code.toUpperCase() === q.get('code')?.toUpperCase()) && (q.get('active') !== 'true' || promo.active)), '/v1/promotion_codes'),
  );

  on('POST', /^\/v1\/billing\/meter_events$/, (p) => {
    const identifier = text(p.identifier) ?? newId('mev');
    const known = meterEvents.find((e) => e.identifier === identifier);
    if (known) return known; // Stripe deduplicates an identifier for 24 hours.
    const event = { ...fixture('billing.meter_event'), event_name: text(p.event_name) ?? '', identifier, payload: object(p.payload) as Record<string, string>, timestamp: number(p.timestamp) ?? now, created: now } as Stripe.Billing.MeterEvent satisfies Stripe.Billing.MeterEvent;
    meterEvents.push(event);
    return event;
  });

  function page<T>(data: T[], url: string): Stripe.ApiList<T> {
    return { object: 'list', data, has_more: false, url };
  }

  // ---- expansion -----------------------------------------------------------------------
  function expand(value: unknown, paths: string[]): unknown {
    const copy = structuredClone(value) as Record<string, unknown>;
    for (const path of paths) {
      const [head = '', ...rest] = path.split('.');
      if (head === 'data' && Array.isArray(copy.data)) {
        copy.data = copy.data.map((item) => expand(item, [rest.join('.')]));
        continue;
      }
      const id = copy[head];
      let expanded: unknown = id;
      if (typeof id === 'string') {
        expanded = invoices.get(id) ?? schedules.get(id) ?? subscriptions.get(id) ?? customers.get(id) ?? paymentIntents.get(id) ?? prices.get(id) ?? products.get(id) ?? cardOf(id) ?? credits.grantOf(id) ?? id;
      }
      if (head === 'payments' && id && typeof id === 'object') {
        const payments = id as Stripe.ApiList<Stripe.InvoicePayment>;
        expanded = { ...payments, data: payments.data.map((pay) => ({ ...pay, payment: { ...pay.payment, payment_intent: paymentIntents.get(String(pay.payment.payment_intent)) ?? pay.payment.payment_intent } })) };
      }
      copy[head] = rest.length && expanded && typeof expanded === 'object' && head !== 'payments' ? expand(expanded, [rest.join('.')]) : expanded;
    }
    if (copy.object === 'subscription') {
      const discounts = (value as { discountObjects?: Array<Stripe.Discount & { spent?: boolean }> }).discountObjects ?? [];
      copy.discounts = discounts.map(({ spent: _spent, ...d }) => (paths.includes('discounts') ? d : d.id));
    }
    delete copy.discountObjects;
    delete copy.pendingItems;
    return copy;
  }

  // ---- the fetch function --------------------------------------------------------------
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const bodyText = method === 'GET' ? '' : await request.text();
    const params = method === 'GET' || method === 'DELETE' ? { ...parseForm(url.search.slice(1)), ...parseForm(bodyText) } : parseForm(bodyText);
    requests.push(`${method} ${url.pathname}`);
    calls.push({ method, path: url.pathname, params, idempotencyKey: request.headers.get('idempotency-key') });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Request-Id': newId('req') } });
    if (!request.headers.get('authorization')?.startsWith('Bearer sk_test_')) {
      return json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } });
    }
    const key = method === 'POST' ? request.headers.get('idempotency-key') : null;
    const fingerprint = `${method} ${url.pathname} ${bodyText}`;
    if (key) {
      const seen = idempotency.get(key);
      if (seen && seen.params !== fingerprint) {
        return json(400, { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` } });
      }
      if (seen) return new Response(seen.body, { status: seen.status, headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' } });
    }
    const route = routes.find(([m, pattern]) => m === method && pattern.test(url.pathname));
    let status = 200;
    let body: unknown;
    try {
      if (!route) throw new StripeFailure(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${url.pathname}).` });
      const match = route[1].exec(url.pathname)!.slice(1).map(decodeURIComponent);
      const expandPaths = list(params.expand).map(String);
      body = expand(route[2](params, match, url.searchParams), expandPaths);
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      status = error.status;
      body = { error: error.body };
    }
    const text = JSON.stringify(body);
    // Stripe keeps the result of a key, error or not (but not a 500).
    if (key) idempotency.set(key, { params: fingerprint, status, body: text });
    return new Response(text, { status, headers: { 'Content-Type': 'application/json', 'Request-Id': newId('req') } });
  }

  const signer = new Stripe('sk_test_double_signer');

  return {
    /** The fetch function stripe-node is given: `Stripe.createFetchHttpClient(double.fetch)`. */
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => handle(new Request(input, init))) as typeof fetch,
    /** A stripe-node client on this double. */
    client: (key = 'sk_test_double'): Stripe => new Stripe(key, { httpClient: Stripe.createFetchHttpClient(async (input, init) => handle(new Request(input as RequestInfo, init))), maxNetworkRetries: 0 }),
    webhookSecret,
    requests,
    calls,
    /** Webhook events in the order they happened, with a valid signature for each. */
    async signedEvents(): Promise<Array<{ payload: string; signature: string; event: Stripe.Event }>> {
      return Promise.all(
        events.map(async (event) => {
          const payload = JSON.stringify(event);
          return { payload, signature: await signer.webhooks.generateTestHeaderStringAsync({ payload, secret: webhookSecret }) /* signed at delivery, on the wall clock, as Stripe does */, event };
        }),
      );
    },
    /** The customer completes 3-D Secure for a payment (what Stripe.js does in the browser). */
    completeAction(clientSecret: string): void {
      const pi = [...paymentIntents.values()].find((p) => p.client_secret === clientSecret);
      if (!pi || pi.status !== 'requires_action') throw new Error(`no payment waits for authentication under ${clientSecret}`);
      pi.status = 'succeeded';
      emit('payment_intent.succeeded', pi);
      if (!pi.invoice) return;
      const invoice = invoiceOf(pi.invoice);
      const payment = invoice.payments?.data[0];
      if (payment) payment.status = 'paid';
      markPaid(invoice);
    },
    /** The customer fails 3-D Secure for a payment of its own: it waits for another try (`requires_payment_method`). */
    failAction(clientSecret: string): void {
      const pi = [...paymentIntents.values()].find((p) => p.client_secret === clientSecret);
      if (!pi || pi.status !== 'requires_action' || pi.invoice) throw new Error(`no payment of its own waits for authentication under ${clientSecret}`);
      pi.status = 'requires_payment_method';
    },
    /** The test clock: renewals, scheduled phases and cancellations at the period end happen on the way. */
    advanceTo(date: Date): void {
      const target = Math.floor(date.getTime() / 1000);
      for (;;) {
        const due = [...subscriptions.values()].filter((s) => s.status !== 'canceled' && s.status !== 'incomplete' && periodOf(s).end <= target).sort((a, b) => periodOf(a).end - periodOf(b).end)[0];
        if (!due) break;
        now = periodOf(due).end;
        renew(due);
      }
      now = Math.max(now, target);
      credits.expireUntil(now);
    },
    /** Stripe makes an invoice with metered lines worth `amount` and applies the customer's credit to it (answers what was drawn). */
    applyCredit: (customer: string, amount: number) => credits.applyCredit(customer, amount),
    now: () => new Date(now * 1000),
    /** What the double holds, for tests that check what reached Stripe. */
    state: { customers, products, prices, paymentMethods, subscriptions, schedules, invoices, paymentIntents, coupons, promotionCodes, taxIds, meterEvents, events, creditGrants: credits.grants, creditTransactions: credits.transactions },
  };

  function renew(sub: Stripe.Subscription): void {
    if (sub.cancel_at_period_end) {
      sub.status = 'canceled';
      sub.ended_at = now;
      sub.canceled_at = now;
      emit('customer.subscription.deleted', sub);
      return;
    }
    const schedule = sub.schedule ? schedules.get(String(sub.schedule)) : undefined;
    const next = schedule?.phases.find((phase) => phase.start_date === now);
    if (schedule && next) {
      applyItems(sub, next.items.map((i) => ({ price: String(i.price), quantity: i.quantity ?? 1 })));
      const phaseDiscounts = (next as { discountObjects?: Stripe.Discount[] }).discountObjects;
      if (phaseDiscounts) (sub as { discountObjects?: Stripe.Discount[] }).discountObjects = phaseDiscounts;
      const last = schedule.phases[schedule.phases.length - 1] === next;
      if (last && schedule.end_behavior === 'release') releaseSchedule(schedule.id);
    }
    const interval = sub.items.data[0]?.price.recurring?.interval ?? 'month';
    const end = addInterval(now, interval);
    for (const item of sub.items.data) Object.assign(item, { current_period_start: now, current_period_end: end });
    const discounts = (sub as { discountObjects?: Stripe.Discount[] }).discountObjects ?? [];
    const kept = discounts.filter((d) => stillApplies(d));
    const invoice = invoiceFor(String(sub.customer), sub.items.data.map((i) => ({ price: i.price, quantity: i.quantity ?? 1, amount: (i.price.unit_amount ?? 0) * (i.quantity ?? 1), proration: false, description: i.price.id })), kept, { start: now, end }, sub.id);
    sub.latest_invoice = invoice.id as string;
    spend(kept);
    try {
      collect(invoice, cardOf(sub.default_payment_method as string) ?? cardOf(customerOf(String(sub.customer)).invoice_settings.default_payment_method as string));
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      sub.status = 'past_due';
      emit('customer.subscription.updated', sub);
    }
  }
}

export type StripeDouble = ReturnType<typeof createStripeDouble>;
