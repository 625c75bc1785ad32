/**
 * The Stripe engine: the contract for one account at a time, over Stripe Billing with the
 * official SDK (`stripe`, an optional peer dependency; the engine is handed a client, so it
 * imports no Stripe code itself). The mapping is SERVER.md's:
 * - catalog: products and recurring prices (`stripe-catalog.ts`), cached until a product or
 *   price webhook says otherwise;
 * - activate: a customer per account, `subscriptions.create` with `default_incomplete`, then
 *   the first invoice paid with the card; 3-D Secure answers `requires_action` with the
 *   payment's client secret, a decline answers `card_declined` and leaves the incomplete
 *   subscription to be paid with another card under the same key;
 * - upgrade: `subscriptions.update` with `always_invoice` at the quote's proration date and
 *   `pending_if_incomplete`; downgrade or fewer seats: a schedule from the period end;
 * - cancel and resume: `cancel_at_period_end` (or cancel now), reasons as cancellation details;
 * - cards: setup intents, the customer's list, default and detach, each checked to be the
 *   account's own card first; invoices: the customer's list, `invoices.pay`.
 * Stripe calls carry keys derived from the request's Idempotency-Key and their purpose.
 */
import type Stripe from 'stripe';
import type { BillingAdapter } from '../adapters/types.js';
import { BillingError } from '../core/errors.js';
import { addressRequiredError } from '../core/address.js';
import { discountFor, recurringPrice } from '../adapters/memory/pricing.js';
import { DEMO_METERS } from '../adapters/memory/catalogs.js';
import { changeKind, findTierIn, hasPlan, priceFor, sameSelection } from '../core/plans.js';
import type {
  Address,
  BillingDetails,
  Catalog,
  Coupon,
  Invoice,
  Meter,
  MemberUsage,
  MeterKey,
  Money,
  PaymentMethod,
  PlanSelection,
  OveragePrice,
  Quote,
  SpendCap,
  Subscription,
  SubscriptionStatus,
  TaxId,
  TaxIdType,
  Tier,
} from '../core/types.js';
import { WebhookSignatureError, type BillingEngine } from './engine.js';
import { capUnits } from '../core/spend-caps.js';
import { TAX_ID_TYPES } from '../core/tax-ids.js';
import { readStripeCatalog, type StripeCatalog } from './stripe-catalog.js';
import { createStripeCredits, type StripeCreditOffer } from './stripe-credits.js';
import { createMemoryStripeState, type StripeAccountRecord, type StripeEngineState } from './stripe-state.js';

export interface StripeEngineOptions {
  /** A stripe-node client (`new Stripe(secretKey)`), pinned to its API version. */
  stripe: Stripe;
  /** Your publishable key, sent to the browser with each setup intent (Stripe.js). */
  publishableKey: string;
  /** Where the engine keeps what it must beside Stripe (default: in memory, for one process and tests). */
  state?: StripeEngineState;
  /** Minutes a quote holds its price (default 30). */
  quoteTtlMinutes?: number;
  /** Extra fields for each new Stripe customer (email, name, a test clock in tests). */
  customerParams?(accountId: string): Partial<Stripe.CustomerCreateParams> | Promise<Partial<Stripe.CustomerCreateParams>>;
  /** How long the catalog is cached when no webhook invalidates it (default 5 minutes). */
  catalogTtlMs?: number;
  /** The Stripe meter event name for each of the kit's meters (default the meter key). */
  meterEventName?(meter: MeterKey): string;
  /** How long usage is aggregated before it is sent to Stripe's meters (default 1 s). */
  usageFlushMs?: number;
  /** A meter event Stripe refused (for your logs); the usage is kept locally either way. */
  onUsageError?(error: unknown): void;
  /**
   * The account's members, for usage by member (your directory: Stripe knows none). A member
   * who used a meter without being listed shows under their id.
   */
  /**
   * The prepaid credit an account may buy, sold as Stripe credit grants (`stripe-credits.ts`);
   * an account without an offer has no credit (`GET /credits` answers 204).
   */
  credits?(accountId: string): StripeCreditOffer | undefined | Promise<StripeCreditOffer | undefined>;
  /**
   * Stripe Tax: new subscriptions and their previews have automatic tax, by the customer's
   * billing address. Until Stripe can place the customer a quote says `addressRequired` and a
   * purchase is refused; an address Stripe cannot place is refused when saved. Needs Stripe
   * Tax set up with your registrations (default off: no tax). A function decides per account
   * (say, only for the accounts your EU entity bills).
   */
  automaticTax?: boolean | ((accountId: string) => boolean | Promise<boolean>);
  members?(accountId: string): Array<{ id: string; name: string; email?: string }> | Promise<Array<{ id: string; name: string; email?: string }>>;
}

/** Where a member's share of a meter is counted, beside the meter's own counter. */
const memberCounter = (member: string, meter: string) => `member:${member}:${meter}`;
/** Where a UTC day's use of a meter is counted (for usage by day), beside the meter's own counter. */
const dayCounter = (day: string, meter: string) => `day:${day}:${meter}`;

/** Today's UTC date (`YYYY-MM-DD`), worked out once a day: usage is recorded thousands of times a second. */
const utcDay = (() => {
  let day = '';
  let from = 0;
  let until = 0;
  return (): string => {
    const now = Date.now();
    // Worked out again when the clock leaves the day, either way (a clock set back, in tests or by NTP).
    if (now >= until || now < from) {
      day = new Date(now).toISOString().slice(0, 10);
      from = Date.parse(`${day}T00:00:00Z`);
      until = from + 86_400_000;
    }
    return day;
  };
})();

export interface StripeEngine extends BillingEngine {
  /** Sends the usage aggregated so far to Stripe's meters now (on shutdown, in tests). */
  flushUsage(): Promise<void>;
  receiveWebhook(rawBody: string, signature: string, secret: string): Promise<'applied' | 'duplicate' | 'ignored'>;
}

const STATUS: Record<Stripe.Subscription.Status, SubscriptionStatus> = {
  active: 'active',
  trialing: 'trialing',
  past_due: 'past_due',
  unpaid: 'past_due',
  paused: 'past_due',
  incomplete: 'incomplete',
  incomplete_expired: 'none',
  canceled: 'canceled',
};

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const idOf = (value: string | { id?: string } | null | undefined): string | undefined =>
  typeof value === 'string' ? value : value?.id ?? undefined;

/** The code of a card error the customer should hear about; anything else stays a provider failure. */
function cardErrorCode(error: unknown): string | undefined {
  const e = error as { type?: string; code?: string };
  return e?.type === 'StripeCardError' && e.code ? e.code : undefined;
}

const DECLINED = () => new BillingError('card_declined', 'The card was declined. Try another card.', { status: 402 });
const NOT_FOUND = (what: string) => new BillingError('not_found', `That ${what} does not exist.`, { status: 404 });

/** A Stripe object by id, or the contract's not_found when Stripe has no such object. */
async function retrieveOrNotFound<T>(what: string, retrieve: () => Promise<T>): Promise<T> {
  try {
    return await retrieve();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) throw NOT_FOUND(what);
    throw error;
  }
}

/** Credit is no tier's product: a promotion code limited to products does not apply to it. */
const CREDIT_PRODUCT = 'tectra_credit';

/** The unit of each of the kit's meters (a meter of your own counts). */
const UNITS = new Map<string, Meter['unit']>(DEMO_METERS);

/** Stripe refused automatic tax for a customer it cannot place: the kit's answer that the address comes first. */
function addressOrThrow(error: unknown): never {
  if ((error as { code?: string }).code === 'customer_tax_location_invalid') throw addressRequiredError();
  throw error;
}

async function derivedKey(accountId: string, purpose: string, key: string): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([accountId, purpose, key]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `tectra_${purpose}_${Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function createStripeEngine(options: StripeEngineOptions): StripeEngine {
  const { stripe, publishableKey } = options;
  const state = options.state ?? createMemoryStripeState();
  const ttl = (options.quoteTtlMinutes ?? 30) * 60_000;
  const catalogTtl = options.catalogTtlMs ?? 5 * 60_000;
  let cached: { at: number; value: Promise<StripeCatalog> } | undefined;
  /** One change at a time per account in this process (other machines are kept out by the lease below). */
  const locks = new Map<string, Promise<unknown>>();

  function catalog(): Promise<StripeCatalog> {
    if (cached && Date.now() - cached.at < catalogTtl) return cached.value;
    const value = readStripeCatalog(stripe);
    cached = { at: Date.now(), value };
    value.catch(() => (cached = undefined));
    return value;
  }

  /**
   * One change at a time per account: in this process by a promise chain, across machines by
   * a lease in the state (two tabs buying at once on two machines must not make two plans).
   */
  async function leased<T>(accountId: string, run: () => Promise<T>): Promise<T> {
    const holder = crypto.randomUUID();
    const deadline = Date.now() + 10_000;
    while (!(await state.acquireLease(accountId, holder, 30_000))) {
      if (Date.now() > deadline) throw new BillingError('conflict', 'Another change to this plan is still running. Try again in a moment.', { status: 409, retryAfterMs: 1_000 });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // Renewed while the change runs: a slow Stripe must not let another machine in halfway.
    const renew = setInterval(() => void state.acquireLease(accountId, holder, 30_000).catch(() => undefined), 10_000);
    (renew as { unref?: () => void }).unref?.();
    try {
      return await run();
    } finally {
      clearInterval(renew);
      await state.releaseLease(accountId, holder);
    }
  }

  function locked<T>(accountId: string, run: () => Promise<T>): Promise<T> {
    const previous = locks.get(accountId) ?? Promise.resolve();
    // Whatever a change did, usage is next recorded against the plan as Stripe has it.
    const next = previous.catch(() => undefined).then(() => leased(accountId, run)).finally(() => forgetContext(accountId));
    const settled = next.catch(() => undefined);
    locks.set(accountId, settled);
    void settled.then(() => locks.get(accountId) === settled && locks.delete(accountId));
    return next;
  }

  /** What recording usage needs about an account, read from Stripe at most once a minute (and after every change). */
  interface UsageContext {
    at: number;
    customerId?: string;
    period: { start: string; end: string };
    limits: Record<string, number | null>;
    alerts: Record<string, number[]>;
    caps: Record<string, SpendCap>;
    overage: Record<string, OveragePrice>;
    /** Members' own limits (by member, then meter) and use (by `memberCounter`). */
    memberLimits: Record<string, Record<string, number>>;
    memberUsed: Record<string, number>;
    /** Use by day (by `dayCounter`). */
    dayUsed: Record<string, number>;
    /** Team tiers share one allowance. */
    pooled: boolean;
    /** Use so far as this process knows it: the stored counters and what it has not written yet. */
    used: Record<string, number>;
  }
  const contexts = new Map<string, Promise<UsageContext>>();
  const forgetContext = (accountId: string) => contexts.delete(accountId);

  // Usage is aggregated before it is written (AI-token rates are thousands of records a
  // second): counters per account, period and meter, and one meter event per customer and
  // meter, written every `usageFlushMs`. Meter events wait in the outbox with an identifier
  // assigned before their first send, so a resend after a failure is counted once by Stripe.
  type Counted = { accountId: string; periodStart: string; meter: MeterKey; value: number };
  type Metered = { customerId: string; meter: MeterKey; value: number; timestamp: number };
  const counters = new Map<string, Counted>();
  const metered = new Map<string, Metered>();
  // Joined with a control character no id holds (cheaper than JSON at thousands of records a second).
  const counterKey = (c: Omit<Counted, 'value'>) => `${c.accountId}\u0001${c.periodStart}\u0001${c.meter}`;
  const meteredKey = (e: Omit<Metered, 'value'>) => `${e.customerId} ${e.meter} ${e.timestamp}`;
  /** Adds an amount to its aggregate in a map, starting one when it is the first. */
  function aggregate<T extends { value: number }>(map: Map<string, T>, key: string, entry: T): void {
    const known = map.get(key);
    if (known) known.value += entry.value;
    else map.set(key, { ...entry });
  }
  /** When the usage waiting for this flush began (seconds). */
  let windowStart: number | undefined;
  /** Counters on their way to the state, still counted as unwritten until they are there. */
  const writing = new Map<string, number>();
  let writesDone = 0;
  const unwritten = (accountId: string, periodStart: string, meter: string) => {
    const key = counterKey({ accountId, periodStart, meter });
    return (counters.get(key)?.value ?? 0) + (writing.get(key) ?? 0);
  };

  async function readContext(accountId: string): Promise<UsageContext> {
    const account = await state.account(accountId);
    const [c, sub, alerts, caps, memberLimits] = await Promise.all([
      catalog(),
      account.subscriptionId ? stripe.subscriptions.retrieve(account.subscriptionId) : undefined,
      state.alerts(accountId),
      state.spendCaps(accountId),
      state.memberLimits(accountId),
    ]);
    const item = sub && sub.status !== 'canceled' && sub.status !== 'incomplete_expired' ? sub.items.data[0] : undefined;
    const tier = findTierIn(c.catalog, item ? c.tierOfPrice.get(item.price.id) : undefined);
    const period = item ? { start: iso(item.current_period_start), end: iso(item.current_period_end) } : { start: 'none', end: 'none' };
    // Read again if a write landed meanwhile: it would be in neither the read nor the unwritten.
    let stored: Record<string, number>;
    let seen: number;
    do {
      seen = writesDone;
      stored = await state.usage(accountId, period.start);
    } while (seen !== writesDone);
    const limits = tier?.limits ?? {};
    const used = Object.fromEntries(Object.keys(limits).map((meter) => [meter, (stored[meter] ?? 0) + unwritten(accountId, period.start, meter)]));
    const overage = (tier && c.overageOf.get(tier.id)) ?? {};
    // Members' shares and days: those stored, and those still on their way there.
    const pendingKeys = [...counters.values()].filter((c) => c.accountId === accountId && c.periodStart === period.start).map((c) => c.meter);
    const writingKeys = [...writing.keys()].map((key) => key.split('\u0001') as [string, string, string]).filter(([a, p]) => a === accountId && p === period.start).map(([, , m]) => m);
    const keys = [...new Set([...Object.keys(stored), ...pendingKeys, ...writingKeys])];
    const countedAs = (prefix: string) =>
      Object.fromEntries(keys.filter((key) => key.startsWith(prefix)).map((key) => [key, (stored[key] ?? 0) + unwritten(accountId, period.start, key)]));
    const memberUsed = countedAs('member:');
    const dayUsed = countedAs('day:');
    return {
      at: Date.now(),
      ...(account.customerId ? { customerId: account.customerId } : {}),
      period,
      limits,
      alerts,
      caps,
      overage,
      memberLimits,
      memberUsed,
      dayUsed,
      pooled: !!tier && tier.kind !== 'individual',
      used,
    };
  }
  /** The account's usage read again now (what a reader asks for), and kept for the records that follow. */
  async function freshContext(accountId: string): Promise<UsageContext> {
    const context = await readContext(accountId);
    contexts.set(accountId, Promise.resolve(context));
    return context;
  }
  /** The period usage is shown for: the plan's, or this moment for an account without one. */
  const shownPeriod = (context: UsageContext) => {
    const now = new Date().toISOString();
    return context.period.start === 'none' ? { start: now, end: now } : context.period;
  };

  async function usageContext(accountId: string): Promise<UsageContext> {
    const known = contexts.get(accountId);
    if (known) {
      const context = await known;
      if (Date.now() - context.at < 60_000 && (context.period.end === 'none' || context.period.end > new Date().toISOString())) return context;
    }
    const fresh = readContext(accountId);
    contexts.set(accountId, fresh);
    fresh.catch(() => contexts.get(accountId) === fresh && contexts.delete(accountId));
    return fresh;
  }

  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> = Promise.resolve();
  function flushSoon(): void {
    if (flushTimer) return;
    flushTimer = setTimeout(() => void flushUsage().catch(() => undefined), options.usageFlushMs ?? 1_000);
    (flushTimer as { unref?: () => void }).unref?.();
  }
  /** Puts usage that could not be written back, to be written with the next flush (nothing recorded is dropped). */
  function putBack(counted: Counted[], events: Metered[]): void {
    for (const c of counted) aggregate(counters, counterKey(c), c);
    for (const e of events) aggregate(metered, meteredKey(e), e);
  }

  async function writeAndSend(): Promise<void> {
    const counted = [...counters.values()];
    counters.clear();
    const pending = [...metered.values()];
    metered.clear();
    windowStart = undefined;
    // Counters and outbox rows first: once they are stored, a crash loses nothing.
    for (const [index, c] of counted.entries()) {
      const key = counterKey(c);
      writing.set(key, (writing.get(key) ?? 0) + c.value);
      try {
        await state.addUsage(c.accountId, c.periodStart, c.meter, c.value);
      } catch (error) {
        putBack(counted.slice(index), pending);
        options.onUsageError?.(error);
        flushSoon();
        return;
      } finally {
        const left = (writing.get(key) ?? 0) - c.value;
        if (left) writing.set(key, left);
        else writing.delete(key);
        writesDone++;
      }
    }
    try {
      if (pending.length) await state.queueMeterEvents(pending.map((e) => ({ ...e, identifier: `tectra_${crypto.randomUUID()}` })));
    } catch (error) {
      putBack([], pending);
      options.onUsageError?.(error);
      flushSoon();
      return;
    }
    const waiting = await state.unsentMeterEvents(1_000);
    const done: string[] = [];
    try {
      for (const entry of waiting) {
        try {
          await stripe.billing.meterEvents.create({
            event_name: options.meterEventName?.(entry.meter) ?? entry.meter,
            payload: { stripe_customer_id: entry.customerId, value: String(entry.value) },
            identifier: entry.identifier,
            timestamp: entry.timestamp,
          });
        } catch (error) {
          options.onUsageError?.(error);
          // Refused for good (a deleted customer, a meter that is gone): kept out of the way, not retried forever.
          if ((error as { type?: string }).type === 'StripeInvalidRequestError') {
            done.push(entry.identifier);
            continue;
          }
          // Stripe out of reach: the rest stay in the outbox under their identifiers, for the next flush.
          flushSoon();
          break;
        }
        done.push(entry.identifier);
      }
    } finally {
      if (done.length) await state.markMeterEventsSent(done);
    }
  }
  function flushUsage(): Promise<void> {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    flushing = flushing.then(writeAndSend, writeAndSend);
    return flushing;
  }

  return {
    adapterFor: (accountId) => adapter(accountId),
    recordUsage: async (accountId, meter, value, member) => {
      const context = await usageContext(accountId);
      const limit = context.limits[meter];
      const before = context.used[meter] ?? 0;
      const cap = limit === undefined ? null : capUnits({ limit, spendCap: context.caps[meter], overagePrice: context.overage[meter] });
      const counted = { accountId, periodStart: context.period.start, meter, value };
      aggregate(counters, counterKey(counted), counted);
      if (limit !== undefined && value > 0) {
        // The day's share: one more counter, so usage by day costs no extra reads.
        const daily = { ...counted, meter: dayCounter(utcDay(), meter) };
        aggregate(counters, counterKey(daily), daily);
        context.dayUsed[daily.meter] = (context.dayUsed[daily.meter] ?? 0) + value;
      }
      let own: { used: number; limit: number | null } | undefined;
      if (member && limit !== undefined) {
        // The member's share is one more counter, stored and read beside the meter's.
        const key = memberCounter(member, meter);
        const share = { ...counted, meter: key };
        if (value > 0) aggregate(counters, counterKey(share), share);
        const used = (context.memberUsed[key] = (context.memberUsed[key] ?? 0) + value);
        own = { used, limit: context.memberLimits[member]?.[meter] ?? null };
      }
      // What Stripe bills stops at the spend cap: usage past it is counted, never charged.
      const billable = cap === null ? value : Math.max(0, Math.min(before + value, cap) - before);
      if (context.customerId && billable > 0) {
        // One event per customer, meter and flush window, stamped with when its usage began (Stripe bills it to that period).
        const event = { customerId: context.customerId, meter, value: billable, timestamp: (windowStart ??= Math.floor(Date.now() / 1000)) };
        aggregate(metered, meteredKey(event), event);
      }
      flushSoon();
      if (limit === undefined) return undefined;
      context.used[meter] = before + value;
      return { before, after: before + value, limit, thresholds: context.alerts[meter] ?? [], cap, ...(own ? { member: own } : {}), period: context.period };
    },
    flushUsage,
    receiveWebhook: async (rawBody, signature, secret) => {
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signature, secret);
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      if (!(await state.firstDelivery(event.id))) return 'duplicate';
      try {
        return await applyWebhookEvent(event);
      } catch (error) {
        await state.forgetDelivery(event.id);
        throw error;
      }
    },
  };

  /**
   * What an event changes here. Stripe is read through on every request, so events arriving
   * late or out of order cannot roll anything back: they drop the catalog cache or tell
   * which subscription is an account's (one created outside the kit, in the Dashboard).
   */
  async function applyWebhookEvent(event: Stripe.Event): Promise<'applied' | 'ignored'> {
    if (event.type.startsWith('product.') || event.type.startsWith('price.')) {
      cached = undefined;
      return 'applied';
    }
    if (event.type === 'billing.credit_balance_transaction.created' && options.credits) {
      // Credit went down (Stripe applied it to an invoice, or some expired): recharge if it is low and turned on.
      const txn = event.data.object as Stripe.Billing.CreditBalanceTransaction;
      // Credit added (a grant, a voided invoice giving credit back) lowers nothing.
      if (txn.type === 'credit' || txn.credit) return 'ignored';
      const grant = await stripe.billing.creditGrants.retrieve(idOf(txn.credit_grant) ?? '');
      const accountId = await state.accountOfCustomer(idOf(grant.customer) ?? '');
      if (!accountId) return 'ignored';
      // An account offered no credit (any more) has nothing to recharge: not a failure Stripe should retry.
      return locked(accountId, async () => {
        const credits = await offeredCredits(accountId);
        if (!credits) return 'ignored' as const;
        await credits.rechargeIfLow();
        return 'applied' as const;
      });
    }
    if (!event.type.startsWith('customer.subscription.')) return 'ignored';
    const sub = event.data.object as Stripe.Subscription;
    const accountId = await state.accountOfCustomer(idOf(sub.customer) ?? '');
    if (!accountId) return 'ignored';
    // Under the account's lock, as every change: a purchase saving its plan is not overwritten.
    return locked(accountId, async () => {
      const account = await state.account(accountId);
      const live = account.subscriptionId ? await stripe.subscriptions.retrieve(account.subscriptionId) : undefined;
      // A newer subscription takes over from an ended one; an old event never replaces a live one.
      if (!live || (live.status === 'canceled' && sub.id !== live.id && sub.created >= live.created)) {
        await state.saveAccount({ accountId, subscriptionId: sub.id });
      }
      return 'applied' as const;
    });
  }

  /** The account's Stripe customer, made on its first purchase. */
  async function customerFor(accountId: string, record: StripeAccountRecord): Promise<string> {
    if (record.customerId) return record.customerId;
    const extra = (await options.customerParams?.(accountId)) ?? {};
    const created = await stripe.customers.create(
      { ...extra, metadata: { ...extra.metadata, tectra_account: accountId } },
      // Keyed by the account alone: two first requests at once (two machines) make one customer.
      { idempotencyKey: await derivedKey(accountId, 'customer', 'first') },
    );
    record.customerId = created.id;
    await state.saveAccount(record);
    return created.id;
  }

  async function promotion(code: string | undefined, productId: string | undefined): Promise<{ id: string; coupon: Stripe.Coupon; code: string; promo: Stripe.PromotionCode } | undefined> {
    if (!code) return undefined;
    const found = await stripe.promotionCodes.list({ code: code.trim(), active: true, limit: 1, expand: ['data.promotion.coupon'] });
    const promo = found.data[0];
    const coupon = promo?.promotion.coupon;
    const now = Date.now() / 1000;
    if (!promo || !coupon || typeof coupon !== 'object' || (promo.expires_at !== null && promo.expires_at <= now)) {
      throw new BillingError('coupon_invalid', `The code "${code}" is not valid.`, { status: 422 });
    }
    if (coupon.applies_to && productId && !coupon.applies_to.products.includes(productId)) {
      throw new BillingError('coupon_invalid', `The code "${code}" does not apply to this tier.`, { status: 422 });
    }
    return { id: promo.id, coupon, code: promo.code, promo };
  }

  /** The account's own card: attached to its customer (a test token or a fresh card is attached now). */
  async function ownCard(customerId: string, paymentMethodId: string, attach: boolean): Promise<Stripe.PaymentMethod> {
    const card = await retrieveOrNotFound('card', () => stripe.paymentMethods.retrieve(paymentMethodId));
    const owner = idOf(card.customer);
    if (owner === customerId) return card;
    // A card reaches the account's customer through its own setup intent (Stripe.js attaches it).
    // Only Stripe's test tokens (pm_card_visa, ...) are attached here: an unattached card
    // someone else tokenized is not this account's to use.
    if (owner || !attach || !/^pm_card_\w+$/.test(paymentMethodId)) throw NOT_FOUND('card');
    return stripe.paymentMethods.attach(paymentMethodId, { customer: customerId });
  }

  /** The account's credit, or not_found when it is offered none. */
  async function creditsFor(accountId: string) {
    const credits = await offeredCredits(accountId);
    if (!credits) throw new BillingError('not_found', 'This account has no prepaid credit.', { status: 404 });
    return credits;
  }

  /** The account's credit, or undefined when it is offered none. */
  async function offeredCredits(accountId: string) {
    const offer = await options.credits?.(accountId);
    if (!offer) return undefined;
    return createStripeCredits({
      stripe,
      state,
      accountId,
      offer,
      customerId: async () => (await state.account(accountId)).customerId,
      ensureCustomer: async () => customerFor(accountId, await state.account(accountId)),
      ownCard: (customerId, paymentMethodId) => ownCard(customerId, paymentMethodId, true),
      // A code limited to some tiers does not apply to credit. Stripe counts and restricts a code where it
      // applies it (subscriptions, invoices); a credit purchase is a payment of its own, so a code limited in
      // any other way (redemptions, a customer, first purchases, a minimum) is not taken for credit either.
      coupon: async (code) => {
        const found = (await promotion(code, CREDIT_PRODUCT))!;
        const { promo, coupon } = found;
        const r = promo.restrictions;
        if (promo.max_redemptions !== null || coupon.max_redemptions !== null || promo.customer || r?.first_time_transaction || r?.minimum_amount) {
          throw new BillingError('coupon_invalid', `The code "${code}" cannot be used for credit.`, { status: 422 });
        }
        return couponOf(coupon, found.code);
      },
      key: (purpose, key) => derivedKey(accountId, purpose, key),
    });
  }

  function adapter(accountId: string): BillingAdapter {
    const account = () => state.account(accountId);
    const customer = (record: StripeAccountRecord) => customerFor(accountId, record);

    async function liveSubscription(record: StripeAccountRecord): Promise<Stripe.Subscription | undefined> {
      if (!record.subscriptionId) return undefined;
      return stripe.subscriptions.retrieve(record.subscriptionId, { expand: ['schedule', 'discounts'] });
    }

    function selectionOf(c: StripeCatalog, items: Array<{ price: string; quantity?: number | null }>): PlanSelection | undefined {
      const item = items[0];
      if (!item) return undefined;
      const tier = findTierIn(c.catalog, c.tierOfPrice.get(item.price));
      const price = [...c.priceOf.values()].find((p) => p.id === item.price);
      if (!tier || !price?.recurring) return undefined;
      const interval = price.recurring.interval === 'year' ? 'year' : 'month';
      return { tierId: tier.id, interval, ...(tier.seats ? { seats: item.quantity ?? tier.seats.min } : {}) };
    }

    function toSubscription(c: StripeCatalog, sub: Stripe.Subscription | undefined, record: StripeAccountRecord): Subscription {
      const status: SubscriptionStatus = (sub && STATUS[sub.status]) ?? 'none';
      const item = sub?.items.data[0];
      const selection = item && selectionOf(c, [{ price: item.price.id, quantity: item.quantity ?? null }]);
      if (!sub || !item || !selection || status === 'none') return { status: 'none' };
      const result: Subscription = {
        status,
        ...selection,
        currentPeriod: { start: iso(item.current_period_start), end: iso(item.current_period_end) },
        ...(sub.trial_end ? { trialEnd: iso(sub.trial_end) } : {}),
        ...(sub.cancel_at_period_end ? { cancelAtPeriodEnd: true } : {}),
        ...(record.timeZone ? { timeZone: record.timeZone } : {}),
      };
      const schedule = typeof sub.schedule === 'object' ? sub.schedule : undefined;
      const next = schedule?.phases.find((phase) => phase.start_date >= item.current_period_end);
      const scheduled = next && selectionOf(c, next.items.map((i) => ({ price: idOf(i.price) ?? '', quantity: i.quantity ?? null })));
      if (scheduled && next) result.scheduledChange = { ...scheduled, effectiveAt: iso(next.start_date) };
      const renewing = scheduled ?? selection;
      const tier = findTierIn(c.catalog, renewing.tierId);
      const price = tier && priceFor(tier, renewing.interval);
      if (price && status !== 'canceled' && !sub.cancel_at_period_end) {
        const units = price.perSeat ? renewing.seats ?? 1 : 1;
        result.nextPayment = { amount: { amount: price.amount.amount * units, currency: price.amount.currency }, dueDate: iso(item.current_period_end) };
      }
      const discount = (sub.discounts ?? []).find((d): d is Stripe.Discount => typeof d === 'object');
      const coupon = discount?.source.coupon;
      if (coupon && typeof coupon === 'object') result.discount = couponOf(coupon);
      return result;
    }

    async function readSubscription(): Promise<Subscription> {
      const record = await account();
      const [c, sub] = await Promise.all([catalog(), liveSubscription(record)]);
      const result = toSubscription(c, sub, record);
      // Where the plan's price alone is not what the next invoice asks (tax, a discount, a scheduled change): Stripe's upcoming invoice.
      if (sub && result.nextPayment && (sub.automatic_tax?.enabled || result.discount || result.scheduledChange)) {
        const upcoming = await stripe.invoices.createPreview({ customer: idOf(sub.customer) ?? '', subscription: sub.id });
        result.nextPayment = { ...result.nextPayment, amount: money(upcoming.amount_due, upcoming.currency) };
      }
      return result;
    }

    /** The tier, its Stripe price, the seats and the recurring amount for a selection, or a clear 400 (the simulator's seat rule). */
    function resolve(c: StripeCatalog, selection: PlanSelection): { tier: Tier; price: Stripe.Price; quantity: number; recurring: Money } {
      const tier = findTierIn(c.catalog, selection.tierId);
      const price = c.priceOf.get(`${selection.tierId}/${selection.interval}`);
      if (!tier || !price) throw new BillingError('invalid_request', 'That tier is not offered for this interval.', { status: 400 });
      const recurring = recurringPrice(c.catalog, selection);
      return { tier, price, quantity: tier.seats ? (selection.seats ?? tier.seats.min) : 1, recurring };
    }

    const money = (amount: number, currency: string): Money => ({ amount, currency: currency.toUpperCase() });
    const sum = (list: Array<{ amount: number }> | null | undefined) => (list ?? []).reduce((s, x) => s + x.amount, 0);

    async function priceQuote(selection: PlanSelection): Promise<Quote & { prorationDate?: number; taxLocation?: string }> {
      const record = await account();
      const [c, sub] = await Promise.all([catalog(), liveSubscription(record)]);
      const { price, quantity, recurring } = resolve(c, selection);
      const productId = c.productOf.get(selection.tierId);
      const promo = await promotion(selection.couponCode, productId);
      const current = toSubscription(c, sub, record);
      const kind = changeKind(c.catalog, current, selection);
      const currency = price.currency;
      // Taxed: where the customer is placed goes with the quote, so a purchase after the address changed is priced again.
      const { taxed: automaticTax, location } = await taxPlacement(record.customerId);
      const unplaced = automaticTax && !location;
      const base = { id: `quo_${crypto.randomUUID().replaceAll('-', '')}`, selection, expiresAt: new Date(Date.now() + ttl).toISOString(), ...(location ? { taxLocation: location } : {}) };
      /** The plan as a first invoice would bill it: Stripe refuses automatic tax for a customer it cannot place, so that is priced without it, and said so. */
      const planPreview = () =>
        stripe.invoices.createPreview({
          ...(record.customerId ? { customer: record.customerId } : { customer_details: {} }),
          subscription_details: { items: [{ price: price.id, quantity }] },
          ...(promo ? { discounts: [{ promotion_code: promo.id }] } : {}),
          ...(location ? { automatic_tax: { enabled: true } } : {}),
        });
      if (kind === 'new' || !sub) {
        const preview = await planPreview();
        const end = preview.lines.data[0]?.period.end ?? preview.period_end;
        return {
          ...base,
          subtotal: money(preview.subtotal, currency),
          discount: money(sum(preview.total_discount_amounts), currency),
          tax: money(sum(preview.total_taxes), currency),
          proration: money(0, currency),
          total: money(preview.total, currency),
          dueNow: money(preview.amount_due, currency),
          nextPaymentDate: iso(end),
          effectiveAt: new Date().toISOString(),
          ...(unplaced ? { addressRequired: true } : {}),
        };
      }
      const item = sub.items.data[0]!;
      const discount = discountFor(recurring, promo && couponOf(promo.coupon)).amount;
      // A taxed plan's price says its tax, as Stripe works it out where the customer is.
      const taxedPlan = location ? await planPreview() : undefined;
      const plain = taxedPlan
        ? { subtotal: money(taxedPlan.subtotal, currency), discount: money(sum(taxedPlan.total_discount_amounts), currency), tax: money(sum(taxedPlan.total_taxes), currency), total: money(taxedPlan.total, currency) }
        : { subtotal: recurring, discount: money(discount, currency), tax: money(0, currency), total: money(recurring.amount - discount, currency) };
      if (kind !== 'upgrade') {
        return { ...base, ...plain, proration: money(0, currency), dueNow: money(0, currency), nextPaymentDate: iso(item.current_period_end), effectiveAt: iso(kind === 'same' ? Date.now() / 1000 : item.current_period_end) };
      }
      const prorationDate = Math.floor(Date.now() / 1000);
      const preview = await stripe.invoices.createPreview({
        customer: idOf(sub.customer) ?? '',
        subscription: sub.id,
        subscription_details: { items: [{ id: item.id, price: price.id, quantity }], proration_behavior: 'always_invoice', proration_date: prorationDate },
      });
      return {
        ...base,
        ...plain,
        proration: money(preview.total, currency),
        dueNow: money(Math.max(0, preview.amount_due), currency),
        nextPaymentDate: iso(item.current_period_end),
        effectiveAt: iso(prorationDate),
        prorationDate,
      };
    }

    /** Whether the account's subscriptions have Stripe's automatic tax (the `automaticTax` option). */
    async function taxed(): Promise<boolean> {
      const option = options.automaticTax;
      return typeof option === 'function' ? option(accountId) : option === true;
    }

    /**
     * Where Stripe Tax places the customer, as a key of the address it goes by ("DE||10117"), or
     * undefined when it cannot (no customer yet, an address it does not recognize, its own failure).
     */
    async function taxLocation(customerId: string | undefined): Promise<string | undefined> {
      if (!customerId) return undefined;
      const cust = await stripe.customers.retrieve(customerId, { expand: ['tax'] });
      if ('deleted' in cust && cust.deleted) return undefined;
      const { tax, address } = cust as Stripe.Customer;
      if (tax?.automatic_tax !== 'supported' && tax?.automatic_tax !== 'not_collecting') return undefined;
      return [address?.country, address?.state, address?.postal_code].map((part) => part ?? '').join('|');
    }

    /** Whether the account is taxed and, if so, where Stripe Tax places its customer (none when it cannot): what quotes and purchases go by. */
    async function taxPlacement(customerId: string | undefined): Promise<{ taxed: boolean; location: string | undefined }> {
      return (await taxed()) ? { taxed: true, location: await taxLocation(customerId) } : { taxed: false, location: undefined };
    }

    async function checkQuote(quoteId: string | undefined, selection: PlanSelection, location?: string): Promise<number | undefined> {
      if (!quoteId) return undefined;
      const quote = await state.quote(quoteId);
      if (!quote || quote.accountId !== accountId) throw new BillingError('conflict', 'The price quote is unknown; ask for a new one.', { status: 409 });
      if (quote.expiresAt < new Date().toISOString()) throw new BillingError('conflict', 'The price quote has expired; ask for a new one.', { status: 409 });
      if (quote.used) throw new BillingError('conflict', 'The price quote was used for a change already; ask for a new one.', { status: 409 });
      if (!sameSelection(quote.selection, selection) || (quote.selection.couponCode ?? null) !== (selection.couponCode ?? null)) {
        throw new BillingError('conflict', 'The price quote is for another selection.', { status: 409 });
      }
      if ((quote.taxLocation ?? '') !== (location ?? '')) {
        throw new BillingError('conflict', 'The billing address changed since the price was quoted; ask for a new one.', { status: 409 });
      }
      return quote.prorationDate;
    }

    /** A change went through: its quote is spent (a second change cannot reuse its price or proration date). */
    async function succeeded(quoteId: string | undefined): Promise<{ status: 'succeeded'; subscription: Subscription }> {
      const quote = quoteId ? await state.quote(quoteId) : undefined;
      if (quote) await state.saveQuote({ ...quote, used: true });
      return { status: 'succeeded', subscription: await readSubscription() };
    }

    /** Whether an incomplete subscription is for exactly this price, seats and promotion code. */
    function samePurchase(sub: Stripe.Subscription, priceId: string, quantity: number, promotionCodeId: string | undefined, location: string | undefined): boolean {
      const item = sub.items.data[0];
      const codes = (sub.discounts ?? []).map((d) => (typeof d === 'object' ? idOf(d.promotion_code) : undefined)).filter(Boolean);
      // Its first invoice was taxed where the customer was then: another address is another price.
      const sameTax = (sub.metadata?.tectra_tax_location ?? '') === (location ?? '');
      return sub.items.data.length === 1 && item?.price.id === priceId && (item.quantity ?? 1) === quantity && (codes[0] ?? undefined) === promotionCodeId && codes.length <= 1 && sameTax;
    }

    /** The card renewals and invoices are charged to: the customer's default, and the subscription's (which Stripe prefers). */
    async function makeDefault(record: StripeAccountRecord, cardId: string): Promise<void> {
      await stripe.customers.update(record.customerId ?? '', { invoice_settings: { default_payment_method: cardId } });
      const sub = await liveSubscription(record);
      if (sub && sub.status !== 'canceled' && sub.status !== 'incomplete_expired') await stripe.subscriptions.update(sub.id, { default_payment_method: cardId });
    }

    /** Pays an invoice: succeeded, or 3-D Secure's client secret; a decline is `card_declined`. */
    async function pay(invoiceId: string, paymentMethod: string | undefined, key: string): Promise<{ requiresAction?: string }> {
      try {
        await stripe.invoices.pay(invoiceId, paymentMethod ? { payment_method: paymentMethod } : {}, { idempotencyKey: await derivedKey(accountId, `pay_${invoiceId}_${paymentMethod ?? 'default'}`, key) });
        return {};
      } catch (error) {
        const code = cardErrorCode(error);
        if (code === 'invoice_payment_intent_requires_action') return { requiresAction: await clientSecretOf(invoiceId) };
        if (code) throw DECLINED();
        throw error;
      }
    }

    async function clientSecretOf(invoiceId: string): Promise<string> {
      const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ['confirmation_secret'] });
      const secret = invoice.confirmation_secret?.client_secret;
      if (!secret) throw new BillingError('server', 'The payment could not be started.', { status: 502 });
      return secret;
    }

    function toTaxId(taxId: Stripe.TaxId): TaxId {
      const status = taxId.verification?.status;
      const verification = VERIFICATIONS.find((known) => known === status);
      return { id: taxId.id, type: taxId.type as TaxIdType, value: taxId.value, ...(verification ? { verification } : {}) };
    }

    function toInvoice(invoice: Stripe.Invoice): Invoice {
      const currency = invoice.currency;
      return {
        id: invoice.id ?? '',
        number: invoice.number ?? invoice.id ?? '',
        status: (invoice.status ?? 'draft') as Invoice['status'],
        total: money(invoice.total, currency),
        amountDue: money(invoice.amount_remaining, currency),
        createdAt: iso(invoice.created),
        periodStart: iso(invoice.lines.data[0]?.period.start ?? invoice.period_start),
        periodEnd: iso(invoice.lines.data[0]?.period.end ?? invoice.period_end),
        ...(invoice.invoice_pdf ? { pdfUrl: invoice.invoice_pdf } : {}),
        ...(invoice.hosted_invoice_url ? { hostedUrl: invoice.hosted_invoice_url } : {}),
        ...(invoice.due_date ? { dueDate: iso(invoice.due_date) } : {}),
        ...recipientOf(invoice),
      };
    }

    /** Who Stripe made the invoice out to (its copy of the customer's details), when it names anyone. */
    function recipientOf(invoice: Stripe.Invoice): Pick<Invoice, 'billedTo'> {
      const address = addressOf(invoice.customer_address);
      const taxIds = (invoice.customer_tax_ids ?? []).filter((t) => t.value && TAX_ID_TYPE_NAMES.has(t.type)).map((t) => ({ type: t.type as TaxIdType, value: t.value ?? '' }));
      const { customer_name: name, customer_email: email } = invoice;
      if (!name && !email && !address && !taxIds.length) return {};
      return { billedTo: { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}), taxIds } };
    }

    async function usageNow(): Promise<{ meters: Meter[]; period: { start: string; end: string } }> {
      const context = await freshContext(accountId);
      const { used } = context;
      const meters = Object.entries(context.limits).map(([key, limit]): Meter => ({
        key,
        used: used[key] ?? 0,
        limit,
        unit: UNITS.get(key) ?? 'count',
        ...(context.pooled ? { pooled: true } : {}),
        ...(context.alerts[key] ? { alertThresholds: context.alerts[key] } : {}),
        ...(limit !== null && context.overage[key] ? { overagePrice: context.overage[key] } : {}),
        ...(limit !== null && context.caps[key] ? { spendCap: context.caps[key] } : {}),
      }));
      return { meters, period: shownPeriod(context) };
    }

    const self: BillingAdapter = {
      getCatalog: async () => structuredClone((await catalog()).catalog) as Catalog,
      getSubscription: readSubscription,
      getUsage: async () => ({ ...(await usageNow()), updatedAt: new Date().toISOString() }),
      listInvoices: async (query) => {
        const record = await account();
        if (!record.customerId) return { items: [], nextCursor: null };
        const page = await stripe.invoices.list({ customer: record.customerId, limit: query.limit ?? 20, ...(query.cursor ? { starting_after: query.cursor } : {}) });
        const items = page.data.filter((i) => i.status !== 'draft').map(toInvoice);
        return { items, nextCursor: page.has_more ? page.data[page.data.length - 1]?.id ?? null : null };
      },
      listPaymentMethods: async () => {
        const record = await account();
        if (!record.customerId) return [];
        const [list, cust] = await Promise.all([
          stripe.customers.listPaymentMethods(record.customerId, { type: 'card', limit: 100 }),
          stripe.customers.retrieve(record.customerId),
        ]);
        const fallback = 'deleted' in cust ? undefined : idOf(cust.invoice_settings.default_payment_method);
        return list.data.map((pm): PaymentMethod => ({
          id: pm.id,
          type: pm.type,
          last4: pm.card?.last4 ?? '',
          ...(pm.card ? { brand: pm.card.brand, expMonth: pm.card.exp_month, expYear: pm.card.exp_year } : {}),
          isDefault: pm.id === fallback,
        }));
      },
      validateCoupon: async (code, selection) => {
        const c = await catalog();
        resolve(c, selection);
        const promo = await promotion(code, c.productOf.get(selection.tierId));
        if (!promo) throw new BillingError('coupon_invalid', 'Enter a code.', { status: 422 });
        return couponOf(promo.coupon, promo.code);
      },
      previewChange: async (selection) => {
        const { prorationDate, taxLocation: location, ...quote } = await priceQuote(selection);
        await state.saveQuote({ id: quote.id ?? '', accountId, selection, ...(prorationDate ? { prorationDate } : {}), ...(location ? { taxLocation: location } : {}), expiresAt: quote.expiresAt ?? '', used: false });
        return quote;
      },
      createSetupIntent: () =>
        // Under the lock: a first setup intent may create the customer while a purchase saves the plan.
        locked(accountId, async () => {
          const record = await account();
          const customerId = await customer(record);
          const intent = await stripe.setupIntents.create({ customer: customerId, usage: 'off_session' });
          return { provider: 'stripe', publishableKey, clientSecret: intent.client_secret ?? '' };
        }),
      activate: (request) =>
        locked(accountId, async () => {
          const record = await account();
          const c = await catalog();
          const { price, quantity } = resolve(c, request);
          const { taxed: automaticTax, location } = await taxPlacement(record.customerId);
          if (automaticTax && !location) throw addressRequiredError();
          await checkQuote(request.quoteId, request, location);
          let sub = await liveSubscription(record);
          if (sub && sub.status !== 'incomplete' && sub.status !== 'incomplete_expired' && sub.status !== 'canceled') {
            throw new BillingError('conflict', 'This account already has a plan; change it instead.', { status: 409 });
          }
          const customerId = await customer(record);
          const card = request.paymentMethodId ? await ownCard(customerId, request.paymentMethodId, true) : undefined;
          if (!card) throw new BillingError('invalid_request', 'Add a card to subscribe.', { status: 400 });
          const promo = await promotion(request.couponCode, c.productOf.get(request.tierId));
          if (sub?.status === 'incomplete' && !samePurchase(sub, price.id, quantity, promo?.id, location)) {
            // Declined for another choice: that unpaid subscription goes, this one is made (never paying the old choice).
            await stripe.subscriptions.cancel(sub.id);
            sub = undefined;
          }
          if (sub?.status !== 'incomplete') {
            // Keyed without the card: a retry with another card after a decline pays this same subscription.
            sub = await stripe.subscriptions.create(
              {
                customer: customerId,
                items: [{ price: price.id, quantity }],
                payment_behavior: 'default_incomplete',
                payment_settings: { save_default_payment_method: 'on_subscription' },
                default_payment_method: card.id,
                ...(promo ? { discounts: [{ promotion_code: promo.id }] } : {}),
                ...(location ? { automatic_tax: { enabled: true } } : {}),
                metadata: { tectra_account: accountId, ...(location ? { tectra_tax_location: location } : {}) },
              },
              // Keyed with where it is taxed too: after the address changed, the same key makes the new price's subscription.
              { idempotencyKey: await derivedKey(accountId, 'subscription', `${request.idempotencyKey}${location ? `|${location}` : ''}`) },
            ).catch(addressOrThrow);
            await state.saveAccount({ ...record, customerId, subscriptionId: sub.id });
          } else if (idOf(sub.default_payment_method) !== card.id) {
            await stripe.subscriptions.update(sub.id, { default_payment_method: card.id });
          }
          const invoiceId = idOf(sub.latest_invoice);
          if (sub.status === 'incomplete' && invoiceId) {
            const paid = await pay(invoiceId, card.id, request.idempotencyKey);
            if (paid.requiresAction) return { status: 'requires_action', clientSecret: paid.requiresAction };
          }
          if (!idOf((await stripe.customers.retrieve(customerId) as Stripe.Customer).invoice_settings?.default_payment_method)) {
            await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });
          }
          return succeeded(request.quoteId);
        }),
      changeTier: (request) =>
        locked(accountId, async () => {
          const record = await account();
          const [c, sub] = await Promise.all([catalog(), liveSubscription(record)]);
          const current = toSubscription(c, sub, record);
          if (!sub || !hasPlan(current)) {
            throw new BillingError('conflict', 'There is no plan to change.', { status: 409 });
          }
          const { price, quantity } = resolve(c, request);
          const { location } = await taxPlacement(record.customerId);
          const prorationDate = await checkQuote(request.quoteId, request, location);
          // A code on a change is the plan's discount from then on (the quote showed it).
          const promo = await promotion(request.couponCode, c.productOf.get(request.tierId));
          const discounts = promo ? { discounts: [{ promotion_code: promo.id }] } : {};
          const kind = changeKind(c.catalog, current, request);
          const item = sub.items.data[0]!;
          const scheduleId = idOf(sub.schedule);
          if (kind === 'same') {
            // Keeping the current plan drops a scheduled change.
            if (scheduleId) await stripe.subscriptionSchedules.release(scheduleId);
            return succeeded(request.quoteId);
          }
          if (kind === 'upgrade') {
            if (scheduleId) await stripe.subscriptionSchedules.release(scheduleId);
            const updated = await stripe.subscriptions.update(
              sub.id,
              {
                items: [{ id: item.id, price: price.id, quantity }],
                ...discounts,
                proration_behavior: 'always_invoice',
                ...(prorationDate ? { proration_date: prorationDate } : {}),
                payment_behavior: 'pending_if_incomplete',
              },
              { idempotencyKey: await derivedKey(accountId, 'upgrade', request.idempotencyKey) },
            );
            if (updated.pending_update) {
              const invoiceId = idOf(updated.latest_invoice) ?? '';
              const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ['payments.data.payment.payment_intent', 'confirmation_secret'] });
              const intent = invoice.payments?.data[0]?.payment.payment_intent;
              if (typeof intent === 'object' && intent?.status === 'requires_action' && invoice.confirmation_secret) {
                return { status: 'requires_action', clientSecret: invoice.confirmation_secret.client_secret };
              }
              throw DECLINED();
            }
            return succeeded(request.quoteId);
          }
          // A downgrade or fewer seats: from the period end, through a schedule (its phases taxed as the subscription is).
          const phaseTax = sub.automatic_tax?.enabled ? { automatic_tax: { enabled: true } } : {};
          const schedule = scheduleId ? await stripe.subscriptionSchedules.retrieve(scheduleId) : await stripe.subscriptionSchedules.create({ from_subscription: sub.id });
          const first = schedule.phases[0];
          await stripe.subscriptionSchedules.update(
            schedule.id,
            {
              end_behavior: 'release',
              phases: [
                { items: [{ price: item.price.id, quantity: item.quantity ?? 1 }], start_date: first?.start_date ?? item.current_period_start, end_date: item.current_period_end, ...phaseTax },
                { items: [{ price: price.id, quantity }], start_date: item.current_period_end, ...discounts, ...phaseTax },
              ],
            },
            { idempotencyKey: await derivedKey(accountId, 'downgrade', request.idempotencyKey) },
          );
          return succeeded(request.quoteId);
        }),
      setDefaultPaymentMethod: (id) =>
        locked(accountId, async () => {
          const record = await account();
          if (!record.customerId) throw NOT_FOUND('card');
          await ownCard(record.customerId, id, false);
          await makeDefault(record, id);
        }),
      removePaymentMethod: (id) =>
        locked(accountId, async () => {
          const record = await account();
          if (!record.customerId) throw NOT_FOUND('card');
          await ownCard(record.customerId, id, false);
          const cards = await self.listPaymentMethods();
          const current = await readSubscription();
          if (cards.length === 1 && hasPlan(current)) {
            throw new BillingError('conflict', 'The only card of an active subscription cannot be removed; add another card first.', { status: 409 });
          }
          await stripe.paymentMethods.detach(id);
          const next = cards.find((card) => card.id !== id);
          // Under this change's lock already: the unlocked step, not the public method (which would wait for itself).
          if (cards.find((card) => card.id === id)?.isDefault && next) await makeDefault(record, next.id);
        }),
      addPaymentMethod: (paymentMethodId) =>
        locked(accountId, async () => {
          const record = await account();
          const customerId = await customer(record);
          const card = await ownCard(customerId, paymentMethodId, true);
          await makeDefault(record, card.id);
        }),
      setUsageAlerts: (meter, thresholds) => locked(accountId, () => state.setAlerts(accountId, meter, thresholds)),
      // Kept here, beside the alerts (Stripe has no spend caps); the route has checked it against the meter.
      setSpendCap: (meter, cap) => locked(accountId, () => state.setSpendCap(accountId, meter, cap)),
      getMemberUsage: async () => {
        const context = await freshContext(accountId);
        const listed = (await options.members?.(accountId)) ?? [];
        const byId = new Map<string, MemberUsage>(listed.map((m) => [m.id, { id: m.id, name: m.name || m.id, ...(m.email ? { email: m.email } : {}), used: {} }]));
        const memberOf = (id: string) => byId.get(id) ?? byId.set(id, { id, name: id, used: {} }).get(id)!;
        for (const [key, used] of Object.entries(context.memberUsed)) {
          const [, id = '', meter = ''] = /^member:(.*):([^:]+)$/.exec(key) ?? [];
          if (id && meter in context.limits) memberOf(id).used[meter] = used;
        }
        for (const [id, limits] of Object.entries(context.memberLimits)) if (Object.keys(limits).length) memberOf(id).limits = { ...limits };
        return { period: shownPeriod(context), members: [...byId.values()] };
      },
      getDailyUsage: async () => {
        const context = await freshContext(accountId);
        const days = new Map<string, Record<string, number>>();
        for (const [key, used] of Object.entries(context.dayUsed)) {
          const [, date = '', meter = ''] = /^day:(\d{4}-\d{2}-\d{2}):(.+)$/.exec(key) ?? [];
          if (date && meter in context.limits && used > 0) (days.get(date) ?? days.set(date, {}).get(date)!)[meter] = used;
        }
        return { period: shownPeriod(context), days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, used]) => ({ date, used })) };
      },
      setMemberLimit: (member, meter, limit) => locked(accountId, () => state.setMemberLimit(accountId, member, meter, limit)),
      ...(options.credits
        ? {
            getCredits: async () => (await creditsFor(accountId)).getCredits(),
            listCreditEntries: async (query) => (await creditsFor(accountId)).listCreditEntries(query),
            purchaseCredits: (request) => locked(accountId, async () => (await creditsFor(accountId)).purchaseCredits(request)),
            setAutoRecharge: (request) => locked(accountId, async () => (await creditsFor(accountId)).setAutoRecharge(request)),
          }
        : {}),
      cancelSubscription: (request) =>
        locked(accountId, async () => {
          const record = await account();
          const sub = await liveSubscription(record);
          const current = sub && toSubscription(await catalog(), sub, record);
          if (!sub || !hasPlan(current)) {
            throw new BillingError('conflict', 'There is no plan to cancel.', { status: 409 });
          }
          const details = {
            ...(request.reason ? { feedback: FEEDBACK[request.reason] } : {}),
            ...(request.comment ? { comment: request.comment } : {}),
          };
          const key = { idempotencyKey: await derivedKey(accountId, 'cancel', request.idempotencyKey) };
          if (!request.atPeriodEnd) {
            await stripe.subscriptions.cancel(sub.id, { cancellation_details: details }, key);
          } else {
            const scheduleId = idOf(sub.schedule);
            if (scheduleId) await stripe.subscriptionSchedules.release(scheduleId);
            await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true, cancellation_details: details }, key);
          }
          return readSubscription();
        }),
      resumeSubscription: (request) =>
        locked(accountId, async () => {
          const record = await account();
          const sub = await liveSubscription(record);
          if (!sub?.cancel_at_period_end || sub.status === 'canceled') throw new BillingError('conflict', 'The plan is not set to end.', { status: 409 });
          await stripe.subscriptions.update(sub.id, { cancel_at_period_end: false }, { idempotencyKey: await derivedKey(accountId, 'resume', request.idempotencyKey) });
          return readSubscription();
        }),
      cancelScheduledChange: (request) =>
        locked(accountId, async () => {
          void request;
          const record = await account();
          const sub = await liveSubscription(record);
          const scheduleId = idOf(sub?.schedule);
          if (!scheduleId) throw new BillingError('conflict', 'There is no scheduled change.', { status: 409 });
          await stripe.subscriptionSchedules.release(scheduleId);
          return readSubscription();
        }),
      payInvoice: (id, request) =>
        locked(accountId, async () => {
          const record = await account();
          const invoice = await retrieveOrNotFound('invoice', () => stripe.invoices.retrieve(id));
          // Another customer's invoice is not found, not forbidden: ids do not leak.
          if (!record.customerId || idOf(invoice.customer) !== record.customerId) throw NOT_FOUND('invoice');
          if (invoice.status !== 'paid') {
            if (invoice.status !== 'open') throw new BillingError('conflict', 'This invoice cannot be paid.', { status: 409 });
            if (request.completedAction) {
              // The customer authenticated in the browser; Stripe has the outcome (read through, not by webhook).
              throw new BillingError('authentication_failed', 'The card could not be authenticated.', { status: 422 });
            }
            const card = request.paymentMethodId ? (await ownCard(record.customerId, request.paymentMethodId, false)).id : undefined;
            const paid = await pay(id, card, request.idempotencyKey);
            if (paid.requiresAction) return { status: 'requires_action', clientSecret: paid.requiresAction };
          }
          return { status: 'succeeded', invoice: toInvoice(await stripe.invoices.retrieve(id)), subscription: await readSubscription() };
        }),
      getBillingDetails: async () => {
        const record = await account();
        return record.customerId ? billingDetailsOf(record.customerId) : { taxIds: [] };
      },
      updateBillingDetails: ({ idempotencyKey, email, name, address }) =>
        locked(accountId, async () => {
          const customerId = await customer(await account());
          await stripe.customers.update(
            customerId,
            {
              ...(email !== undefined ? { email } : {}),
              ...(name !== undefined ? { name } : {}),
              // Stripe clears a field sent empty: an address replaces the one on file whole.
              ...(address ? { address: { line1: address.line1, line2: address.line2 ?? '', city: address.city, state: address.state ?? '', postal_code: address.postalCode ?? '', country: address.country } } : {}),
              // With Stripe Tax, an address it cannot place is refused now, not at the purchase.
              ...(address && (await taxed()) ? { tax: { validate_location: 'immediately' as const } } : {}),
            },
            { idempotencyKey: await derivedKey(accountId, 'details', idempotencyKey) },
          ).catch((error: unknown) => {
            if ((error as { code?: string }).code === 'customer_tax_location_invalid') {
              throw new BillingError('invalid_request', 'address: This address cannot be placed for tax. Check the postal code and the country.', { status: 400 });
            }
            throw error;
          });
          return billingDetailsOf(customerId);
        }),
      addTaxId: ({ idempotencyKey, type, value }) =>
        locked(accountId, async () => {
          const customerId = await customer(await account());
          const known = await stripe.customers.listTaxIds(customerId, { limit: 100 });
          if (known.data.some((t) => t.type === type && t.value === value)) throw new BillingError('conflict', 'That tax ID is on file already.', { status: 409 });
          try {
            const created = await stripe.customers.createTaxId(customerId, { type, value }, { idempotencyKey: await derivedKey(accountId, 'tax_id', idempotencyKey) });
            return toTaxId(created);
          } catch (error) {
            if ((error as { code?: string }).code === 'tax_id_invalid') throw new BillingError('invalid_request', `value: not a valid ${type} number`, { status: 400 });
            throw error;
          }
        }),
      removeTaxId: (id) =>
        locked(accountId, async () => {
          const record = await account();
          const known = record.customerId ? await stripe.customers.listTaxIds(record.customerId, { limit: 100 }) : undefined;
          // Only the account's own: another customer's tax ID is not found, as its cards are.
          if (!record.customerId || !known?.data.some((t) => t.id === id)) throw NOT_FOUND('tax ID');
          await stripe.customers.deleteTaxId(record.customerId, id);
        }),
    };
    return self;

    async function billingDetailsOf(customerId: string): Promise<BillingDetails> {
      const [cust, taxIds] = await Promise.all([stripe.customers.retrieve(customerId), stripe.customers.listTaxIds(customerId, { limit: 100 })]);
      const c = 'deleted' in cust ? undefined : cust;
      const address = addressOf(c?.address);
      return {
        ...(c?.email ? { email: c.email } : {}),
        ...(c?.name ? { name: c.name } : {}),
        ...(address ? { address } : {}),
        taxIds: taxIds.data.map(toTaxId),
      };
    }
  }
}

function couponOf(coupon: Stripe.Coupon, code?: string): Coupon {
  return {
    code: code ?? coupon.name ?? coupon.id,
    ...(coupon.percent_off !== null ? { percentOff: coupon.percent_off } : {}),
    ...(coupon.amount_off !== null && coupon.currency ? { amountOff: { amount: coupon.amount_off, currency: coupon.currency.toUpperCase() } } : {}),
    duration: coupon.duration === 'repeating' ? 'repeating' : coupon.duration === 'forever' ? 'forever' : 'once',
    ...(coupon.duration_in_months !== null ? { durationInMonths: coupon.duration_in_months } : {}),
  };
}

/** A Stripe address (a customer's, or an invoice's copy) as the kit's, when it has a street and a country. */
function addressOf(a: Stripe.Address | null | undefined): Address | undefined {
  if (!a?.line1 || !a.country) return undefined;
  return {
    line1: a.line1,
    ...(a.line2 ? { line2: a.line2 } : {}),
    city: a.city ?? '',
    ...(a.state ? { state: a.state } : {}),
    ...(a.postal_code ? { postalCode: a.postal_code } : {}),
    country: a.country,
  };
}

/** The tax ID types the kit knows (Stripe has more: one of those is left off an invoice's recipient). */
const TAX_ID_TYPE_NAMES = new Set<string>(Object.keys(TAX_ID_TYPES));

const VERIFICATIONS = ['pending', 'verified', 'unverified', 'unavailable'] as const;

const FEEDBACK: Record<NonNullable<Parameters<BillingAdapter['cancelSubscription']>[0]['reason']>, Stripe.SubscriptionCancelParams.CancellationDetails.Feedback> = {
  too_expensive: 'too_expensive',
  missing_features: 'missing_features',
  switched_service: 'switched_service',
  unused: 'unused',
  too_complex: 'too_complex',
  low_quality: 'low_quality',
  customer_service: 'customer_service',
  other: 'other',
};
