/**
 * The billing simulator's business: quotes with proration, coupons, activation that
 * creates the subscription and its first invoice, tier changes, payment methods and
 * usage alerts, over the state that `createMemoryAdapter` holds. Loaded on demand by the
 * adapter's first call (see memory-adapter.ts).
 */
import { addInterval } from '../../core/dates.js';
import { BillingError } from '../../core/errors.js';
import { addressProblems, addressRequiredError } from '../../core/address.js';
import { CAPABILITIES, capabilityFor } from '../../core/capabilities.js';
import { isValidTaxId, normalizeTaxId } from '../../core/tax-ids.js';
import { SPEND_CAP_PROBLEMS, spendCapProblem } from '../../core/spend-caps.js';
import type {
  ActivationResult,
  BillingDetails,
  Coupon,
  Invoice,
  InvoicePaymentResult,
  PaymentMethod,
  PlanSelection,
  Subscription,
  TaxId,
} from '../../core/types.js';
import type { BillingAdapter, RequestOptions } from '../types.js';
import { hasPlan, sameSelection } from '../../core/plans.js';
import { charge, findTier, recurringPrice } from './pricing.js';
import { priceSelection, type PricedQuote } from './quotes.js';
import { DEMO_METERS, demoOveragePrices } from './catalogs.js';
import { dailyUsage } from './daily.js';
import { localizeDemoCatalog } from './catalog-text.js';
import { createCredits } from './credits.js';
import { $locale } from '../../i18n/localization.js';
import type { AdapterMethod, SimulatorState } from './memory-adapter.js';

/** A test card's brand from its first digit (Stripe's test numbers: 4 Visa, 5 and 2 Mastercard, 3 Amex). */
const CARD_BRANDS: Record<string, string> = { '4': 'visa', '5': 'mastercard', '2': 'mastercard', '3': 'amex' };

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function createSimulator(shared: SimulatorState): Omit<BillingAdapter, 'subscribeUsage'> {
  const { state, faults, options } = shared;
  const quotes = new Map<string, PricedQuote>();
  const idempotent = new Map<string, { fingerprint: string; result: Promise<unknown> }>();
  /** Cards confirmed in this simulator (3-D Secure done then); cards from the snapshot were not. */
  const authenticated = new Set<string>();
  /** Payments waiting for the customer's 3-D Secure, by what they pay (an invoice id, `credits`). */
  const awaitingAction = new Map<string, { card: string; secret: string }>();
  let sequence = 0;
  const clock = options.now ?? (() => new Date());
  const language = () => (typeof options.locale === 'function' ? options.locale() : (options.locale ?? $locale.get()));
  const now = () => clock().toISOString();
  const nextId = (prefix: string) => `${prefix}_${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  function latency(): number {
    const l = options.latencyMs ?? 0;
    return typeof l === 'number' ? l : l.min + Math.random() * (l.max - l.min);
  }

  /** Waits the simulated latency, honours aborts and injected faults, then runs `work`. */
  async function call<T>(method: AdapterMethod, o: RequestOptions | undefined, work: () => T): Promise<T> {
    const signal = o?.signal;
    if (signal?.aborted) throw abortError(signal);
    const fault = faults.get(method);
    const active = fault && (typeof fault.spec !== 'object' || fault.spec.times === undefined || fault.used < fault.spec.times);
    if (fault && active) fault.used++;
    const code = active ? (typeof fault.spec === 'object' ? fault.spec.code : fault.spec) : undefined;
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal as AbortSignal));
      };
      // A hanging call only ends by abort.
      const timer = code === 'hang' ? undefined : setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, latency());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const needs = options.capabilities && capabilityFor(method);
    if (needs && !options.capabilities?.includes(needs)) throw new BillingError('forbidden', 'You may not do this for this account.', { status: 403 });
    if (code && code !== 'hang') {
      const message = (typeof fault?.spec === 'object' && fault.spec.message) || `Simulated ${code} failure.`;
      throw new BillingError(code, message);
    }
    // Results are copies so callers can never mutate the simulator's state.
    return structuredClone(work());
  }

  function findCoupon(code: string, selection: PlanSelection): Coupon {
    const coupon = state.coupons?.find((c) => c.code.toUpperCase() === code.trim().toUpperCase());
    if (!coupon) throw new BillingError('coupon_invalid', `The code "${code}" is not valid.`, { status: 422 });
    if (coupon.expired) throw new BillingError('coupon_invalid', `The code "${code}" has expired.`, { status: 422 });
    if (coupon.appliesTo && !coupon.appliesTo.includes(selection.tierId)) {
      throw new BillingError('coupon_invalid', `The code "${code}" does not apply to this tier.`, { status: 422 });
    }
    const { expired: _expired, appliesTo: _appliesTo, ...plain } = coupon;
    return plain;
  }

  /** Where tax goes by the customer's country and no address is on file, it cannot be worked out yet. */
  const addressRequired = (): boolean => !!state.taxByCountry && !state.billingDetails?.address;
  /** Where tax was worked out for (the address's country), kept with each quote: bought after it changed, a quote is priced again. */
  const taxPlace = (): string => (state.taxByCountry ? (state.billingDetails?.address?.country ?? '') : '');
  const quotedTaxPlace = new Map<string, string>();
  const taxPercent = (): number =>
    state.taxByCountry ? (state.taxByCountry[state.billingDetails?.address?.country ?? ''] ?? 0) : (state.taxPercent ?? 0);

  function quoteFor(selection: PlanSelection): PricedQuote {
    const coupon = selection.couponCode ? findCoupon(selection.couponCode, selection) : undefined;
    const ttl = (options.quoteTtlMinutes ?? 15) * 60_000;
    const quote = priceSelection({
      catalog: state.catalog,
      subscription: state.subscription,
      selection,
      coupon,
      taxPercent: taxPercent(),
      now: now(),
      id: nextId('qt'),
      expiresAt: new Date(clock().getTime() + ttl).toISOString(),
    });
    if (addressRequired()) quote.addressRequired = true;
    quotes.set(quote.id ?? '', quote);
    quotedTaxPlace.set(quote.id ?? '', taxPlace());
    return quote;
  }

  /** A quote the caller named must exist, match the selection and not have expired. */
  function checkQuote(quoteId: string | undefined, selection: PlanSelection): void {
    if (!quoteId) return;
    const quote = quotes.get(quoteId);
    if (!quote) throw new BillingError('conflict', 'The price quote is unknown; ask for a new one.', { status: 409 });
    if (quote.expiresAt && quote.expiresAt < now()) {
      throw new BillingError('conflict', 'The price quote has expired; ask for a new one.', { status: 409 });
    }
    const same = sameSelection(quote.selection, selection) && (quote.selection.couponCode ?? null) === (selection.couponCode ?? null);
    if (!same) throw new BillingError('conflict', 'The price quote is for another selection.', { status: 409 });
    if (quotedTaxPlace.get(quoteId) !== taxPlace()) {
      throw new BillingError('conflict', 'The billing address changed since the price was quoted; ask for a new one.', { status: 409 });
    }
  }

  /** Runs a mutation once per idempotency key; a retry with the same key gets the first result. */
  function once<T>(key: string, fingerprint: string, run: () => T): Promise<T> {
    const seen = idempotent.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return Promise.reject(new BillingError('invalid_request', 'This idempotency key was used for another request.', { status: 422 }));
      }
      return seen.result as Promise<T>;
    }
    const result = (async () => run())();
    idempotent.set(key, { fingerprint, result });
    // A failed attempt may be retried with the same key.
    result.catch(() => idempotent.delete(key));
    return result;
  }

  function addInvoice(total: Invoice['total'], periodStart: string, periodEnd: string): void {
    const id = nextId('in');
    const number = `TEC-${String(state.invoices.length + 1).padStart(4, '0')}`;
    state.invoices.unshift({
      id,
      number,
      status: 'paid',
      total,
      amountDue: { amount: 0, currency: total.currency },
      createdAt: now(),
      periodStart,
      periodEnd,
      pdfUrl: `https://billing.tectra.example/invoices/${id}.pdf`,
      hostedUrl: `https://billing.tectra.example/invoices/${id}`,
      ...recipient(),
    });
  }

  /** Who a new invoice is made out to: the billing details as they are now, when there are any. */
  function recipient(): Pick<Invoice, 'billedTo'> {
    const { email, name, address, taxIds } = billingDetails();
    if (!email && !name && !address && !taxIds.length) return {};
    return { billedTo: { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}), taxIds: taxIds.map(({ type, value }) => ({ type, value })) } };
  }

  function resetMeters(tierId: string): void {
    const tier = findTier(state.catalog, tierId);
    const pooled = tier.kind !== 'individual';
    const existing = new Map(state.usage.meters.map((m) => [m.key, m]));
    const prices = demoOveragePrices(state.catalog.currency);
    state.usage.meters = DEMO_METERS.map(([key, unit]) => {
      const before = existing.get(key);
      const limit = tier.limits[key] ?? null;
      const overagePrice = limit === null ? undefined : (before?.overagePrice ?? prices[key]);
      // A cap stays with its meter while the meter has a limit to cap at.
      const spendCap = limit === null ? undefined : before?.spendCap;
      return {
        key,
        unit,
        used: before?.used ?? 0,
        limit,
        alertThresholds: before?.alertThresholds ?? [0.8, 1],
        ...(overagePrice ? { overagePrice } : {}),
        ...(spendCap ? { spendCap } : {}),
        ...(pooled ? { pooled: true } : {}),
      };
    });
    state.usage.updatedAt = now();
  }

  function attachCard(paymentMethodId: string): void {
    authenticated.add(paymentMethodId);
    if (state.paymentMethods.some((pm) => pm.id === paymentMethodId)) {
      state.paymentMethods = state.paymentMethods.map((pm) => ({ ...pm, isDefault: pm.id === paymentMethodId }));
      return;
    }
    // Test payment methods carry what the test card form read: pm_test_4242, or
    // pm_test_4_4242_1229 (first digit, last four, expiry MMYY).
    const parts = /^pm_test_(?:(\d)_)?(\d{4})(?:_(\d{2})(\d{2}))?$/.exec(paymentMethodId);
    const last4 = parts?.[2] ?? /(\d{4})$/.exec(paymentMethodId)?.[1] ?? '4242';
    const typed = parts?.[3] ? { expMonth: Number(parts[3]), expYear: 2000 + Number(parts[4]) } : undefined;
    const card: PaymentMethod = {
      id: paymentMethodId,
      type: 'card',
      brand: CARD_BRANDS[parts?.[1] ?? '4'] ?? 'visa',
      last4,
      ...(typed ?? { expMonth: 12, expYear: clock().getUTCFullYear() + 3 }),
      isDefault: true,
    };
    state.paymentMethods = [card, ...state.paymentMethods.map((pm) => ({ ...pm, isDefault: false }))];
  }

  function expired(pm: PaymentMethod): boolean {
    if (pm.expYear === undefined || pm.expMonth === undefined) return false;
    const at = clock();
    return pm.expYear < at.getUTCFullYear() || (pm.expYear === at.getUTCFullYear() && pm.expMonth < at.getUTCMonth() + 1);
  }

  /** The subscription's selection, for its next payment. */
  function planOf(sub: Subscription): PlanSelection {
    return { tierId: sub.tierId ?? '', interval: sub.interval ?? 'month', ...(sub.seats === undefined ? {} : { seats: sub.seats }) };
  }

  function lifecycle(key: string, fingerprint: string, run: () => void): Promise<Subscription> {
    return once(key, fingerprint, () => {
      run();
      return structuredClone(state.subscription);
    }).then((s) => structuredClone(s));
  }

  /** The card a payment names, else the default one (404 for an unknown card, 400 without any). */
  function cardFor(paymentMethodId: string | undefined): PaymentMethod {
    const card = paymentMethodId
      ? state.paymentMethods.find((pm) => pm.id === paymentMethodId)
      : state.paymentMethods.find((pm) => pm.isDefault);
    if (!card) {
      throw paymentMethodId
        ? new BillingError('not_found', 'That payment method does not exist.', { status: 404 })
        : new BillingError('invalid_request', 'A payment method is required.', { status: 400 });
    }
    return card;
  }

  /**
   * Charges a saved card for `payment` (an invoice, a credit purchase): declined when expired
   * or ending 0002; a card ending 3184 asks for 3-D Secure first (the client secret answered)
   * and goes through on the call after the customer authenticated (`completedAction`).
   */
  function chargeCard(card: PaymentMethod, payment: string, completedAction: string | undefined): { clientSecret: string } | undefined {
    if (expired(card)) throw new BillingError('card_declined', 'The card has expired.', { status: 402 });
    if (card.last4 === '0002') throw new BillingError('card_declined', 'The card was declined.', { status: 402 });
    if (card.last4 === '3184' && !authenticated.has(card.id)) {
      const waiting = awaitingAction.get(payment);
      if (!waiting || waiting.card !== card.id || waiting.secret !== completedAction) {
        const secret = nextId(`${payment}_pi`) + '_secret_test';
        awaitingAction.set(payment, { card: card.id, secret });
        return { clientSecret: secret };
      }
      awaitingAction.delete(payment);
    }
    return undefined;
  }

  function payOpenInvoice(id: string, paymentMethodId: string | undefined, completedAction: string | undefined): InvoicePaymentResult {
    const invoice = state.invoices.find((i) => i.id === id);
    if (!invoice) throw new BillingError('not_found', 'That invoice does not exist.', { status: 404 });
    if (invoice.status === 'paid') return { status: 'succeeded', invoice: structuredClone(invoice), subscription: structuredClone(state.subscription) };
    if (invoice.status !== 'open') throw new BillingError('conflict', 'Only an open invoice can be paid.', { status: 409 });
    const action = chargeCard(cardFor(paymentMethodId), id, completedAction);
    if (action) return { status: 'requires_action', ...action };
    invoice.status = 'paid';
    invoice.amountDue = { amount: 0, currency: invoice.amountDue.currency };
    const stillOpen = state.invoices.some((i) => i.status === 'open');
    if (state.subscription.status === 'past_due' && !stillOpen) state.subscription = { ...state.subscription, status: 'active' };
    return { status: 'succeeded', invoice: structuredClone(invoice), subscription: structuredClone(state.subscription) };
  }

  function nextPayment(selection: PlanSelection, coupon: Coupon | undefined, dueDate: string): Subscription['nextPayment'] {
    const price = recurringPrice(state.catalog, selection);
    const keepsDiscount = coupon && coupon.duration !== 'once';
    return { amount: charge(price, keepsDiscount ? coupon : undefined, taxPercent()).total, dueDate };
  }

  const { afterUsage, ...credits } = createCredits({ state, call, once, nextId, now, cardFor, chargeCard, findCoupon });
  shared.afterUsage = afterUsage;

  return {
    ...credits,
    getCapabilities: (o) =>
      call('getCapabilities', o, () => ({ ...(options.role ? { role: options.role } : {}), granted: [...(options.capabilities ?? CAPABILITIES)] })),
    getCatalog: (o) => call('getCatalog', o, () => localizeDemoCatalog(state.catalog, language())),
    getSubscription: (o) => call('getSubscription', o, () => state.subscription),
    getUsage: (o) => call('getUsage', o, () => state.usage),
    listInvoices: (query, o) =>
      call('listInvoices', o, () => {
        const sorted = [...state.invoices].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const start = query.cursor ? Number(/^c(\d+)$/.exec(query.cursor)?.[1] ?? Number.NaN) : 0;
        if (!Number.isInteger(start) || start < 0) throw new BillingError('invalid_request', 'Unknown cursor.', { status: 400 });
        const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
        const items = sorted.slice(start, start + limit);
        const next = start + items.length;
        return { items, nextCursor: next < sorted.length ? `c${next}` : null };
      }),
    listPaymentMethods: (o) => call('listPaymentMethods', o, () => state.paymentMethods),
    validateCoupon: (code, selection, o) => call('validateCoupon', o, () => findCoupon(code, selection)),
    previewChange: (selection, o) =>
      call('previewChange', o, () => {
        const { kind: _kind, ...quote } = quoteFor(selection);
        return quote;
      }),
    createSetupIntent: (o) =>
      call('createSetupIntent', o, () => ({ provider: 'test' as const, clientSecret: `${nextId('seti')}_secret_test` })),

    activate: (request, o) => {
      const { idempotencyKey, ...body } = request;
      // The same purchase is the same tier, interval, seats and coupon: a retry with another
      // quote or card (after a reload) gets the first result, not a second subscription.
      const purchase = JSON.stringify([body.tierId, body.interval, body.seats ?? null, body.couponCode ?? null]);
      return call('activate', o, () => body).then(() =>
        once<ActivationResult>(idempotencyKey, purchase, () => {
          if (hasPlan(state.subscription)) {
            throw new BillingError('conflict', 'This account already has an active subscription.', { status: 409 });
          }
          const { paymentMethodId, quoteId, ...selection } = body;
          checkQuote(quoteId, selection);
          if (!paymentMethodId && state.paymentMethods.length === 0) {
            throw new BillingError('invalid_request', 'A payment method is required.', { status: 400 });
          }
          if (addressRequired()) throw addressRequiredError();
          const quote = quoteFor(selection);
          if (paymentMethodId) attachCard(paymentMethodId);
          const start = now();
          const end = addInterval(start, selection.interval);
          const coupon = selection.couponCode ? findCoupon(selection.couponCode, selection) : undefined;
          state.subscription = {
            status: 'active',
            tierId: selection.tierId,
            interval: selection.interval,
            ...(selection.seats === undefined ? {} : { seats: selection.seats }),
            currentPeriod: { start, end },
            nextPayment: nextPayment(selection, coupon, end),
            ...(coupon ? { discount: coupon } : {}),
            timeZone: state.subscription.timeZone ?? 'UTC',
          };
          addInvoice(quote.dueNow, start, end);
          resetMeters(selection.tierId);
          return { status: 'succeeded', subscription: structuredClone(state.subscription) };
        }),
      ).then((result) => structuredClone(result));
    },

    changeTier: (request, o) => {
      const { idempotencyKey, ...body } = request;
      return call('changeTier', o, () => body).then(() =>
        once<ActivationResult>(idempotencyKey, JSON.stringify(body), () => {
          const sub = state.subscription;
          if (!hasPlan(sub)) throw new BillingError('conflict', 'There is no subscription to change.', { status: 409 });
          const { quoteId, ...selection } = body;
          checkQuote(quoteId, selection);
          const quote = quoteFor(selection);
          if (quote.kind === 'same') throw new BillingError('invalid_request', 'That is already the current tier.', { status: 400 });
          if (quote.kind === 'downgrade') {
            state.subscription = {
              ...sub,
              scheduledChange: {
                tierId: selection.tierId,
                interval: selection.interval,
                ...(selection.seats === undefined ? {} : { seats: selection.seats }),
                effectiveAt: quote.effectiveAt ?? quote.nextPaymentDate,
              },
              nextPayment: nextPayment(selection, sub.discount, quote.nextPaymentDate),
            };
          } else {
            const start = now();
            const intervalChanged = sub.interval !== selection.interval;
            const period = intervalChanged
              ? { start, end: addInterval(start, selection.interval) }
              : (sub.currentPeriod ?? { start, end: quote.nextPaymentDate });
            const { scheduledChange: _dropped, seats: _seats, ...rest } = sub;
            state.subscription = {
              ...rest,
              tierId: selection.tierId,
              interval: selection.interval,
              ...(selection.seats === undefined ? {} : { seats: selection.seats }),
              currentPeriod: period,
              nextPayment: nextPayment(selection, sub.discount, quote.nextPaymentDate),
            };
            if (quote.dueNow.amount > 0) addInvoice(quote.dueNow, start, period.end);
            resetMeters(selection.tierId);
          }
          return { status: 'succeeded', subscription: structuredClone(state.subscription) };
        }),
      ).then((result) => structuredClone(result));
    },

    setDefaultPaymentMethod: (id, o) =>
      call('setDefaultPaymentMethod', o, () => {
        if (!state.paymentMethods.some((pm) => pm.id === id)) {
          throw new BillingError('not_found', 'That payment method does not exist.', { status: 404 });
        }
        state.paymentMethods = state.paymentMethods.map((pm) => ({ ...pm, isDefault: pm.id === id }));
      }),
    removePaymentMethod: (id, o) =>
      call('removePaymentMethod', o, () => {
        const target = state.paymentMethods.find((pm) => pm.id === id);
        if (!target) throw new BillingError('not_found', 'That payment method does not exist.', { status: 404 });
        if (state.paymentMethods.length === 1 && hasPlan(state.subscription)) {
          throw new BillingError('conflict', 'The only card of an active subscription cannot be removed; add another card first.', {
            status: 409,
          });
        }
        const rest = state.paymentMethods.filter((pm) => pm.id !== id);
        if (target.isDefault && rest[0]) rest[0] = { ...rest[0], isDefault: true };
        state.paymentMethods = rest;
      }),
    addPaymentMethod: (paymentMethodId, o) =>
      call('addPaymentMethod', o, () => {
        if (!/^pm_[\w-]+$/.test(paymentMethodId)) {
          throw new BillingError('invalid_request', 'That is not a payment method id.', { status: 400 });
        }
        attachCard(paymentMethodId);
      }),

    cancelSubscription: (request, o) => {
      const { idempotencyKey, ...body } = request;
      return call('cancelSubscription', o, () => body).then(() =>
        lifecycle(idempotencyKey, JSON.stringify(['cancel', body]), () => {
          const sub = state.subscription;
          if (!hasPlan(sub)) throw new BillingError('conflict', 'There is no plan to cancel.', { status: 409 });
          const at = now();
          const { scheduledChange: _change, nextPayment: _next, cancelAtPeriodEnd: _flag, ...rest } = sub;
          state.subscription = body.atPeriodEnd
            ? { ...rest, cancelAtPeriodEnd: true }
            : { ...rest, status: 'canceled', ...(sub.currentPeriod ? { currentPeriod: { start: sub.currentPeriod.start, end: at } } : {}) };
          state.cancellation = {
            at,
            atPeriodEnd: body.atPeriodEnd,
            ...(body.reason ? { reason: body.reason } : {}),
            ...(body.comment ? { comment: body.comment } : {}),
          };
        }),
      );
    },
    resumeSubscription: (request, o) =>
      call('resumeSubscription', o, () => undefined).then(() =>
        lifecycle(request.idempotencyKey, 'resume', () => {
          const sub = state.subscription;
          if (!hasPlan(sub) || !sub.cancelAtPeriodEnd) {
            throw new BillingError('conflict', 'Only a plan set to end at the period end can be resumed.', { status: 409 });
          }
          const { cancelAtPeriodEnd: _flag, ...rest } = sub;
          const due = sub.currentPeriod?.end ?? now();
          state.subscription = { ...rest, nextPayment: nextPayment(planOf(sub), sub.discount, due) };
          delete state.cancellation;
        }),
      ),
    cancelScheduledChange: (request, o) =>
      call('cancelScheduledChange', o, () => undefined).then(() =>
        lifecycle(request.idempotencyKey, 'keep', () => {
          const sub = state.subscription;
          if (!sub.scheduledChange) throw new BillingError('conflict', 'There is no scheduled change.', { status: 409 });
          const { scheduledChange: _change, ...rest } = sub;
          const due = sub.nextPayment?.dueDate ?? sub.currentPeriod?.end ?? now();
          state.subscription = { ...rest, nextPayment: nextPayment(planOf(sub), sub.discount, due) };
        }),
      ),
    payInvoice: (id, request, o) => {
      const { idempotencyKey, ...body } = request;
      return call('payInvoice', o, () => body).then(() =>
        once(idempotencyKey, JSON.stringify([id, body.paymentMethodId ?? null, body.completedAction ?? null]), () =>
          payOpenInvoice(id, body.paymentMethodId, body.completedAction),
        ),
      ).then((result) => structuredClone(result));
    },
    setUsageAlerts: (meter, thresholds, o) =>
      call('setUsageAlerts', o, () => {
        const target = state.usage.meters.find((m) => m.key === meter);
        if (!target) throw new BillingError('not_found', `There is no meter "${meter}".`, { status: 404 });
        const valid = thresholds.every((t) => Number.isFinite(t) && t > 0 && t <= 1);
        if (!valid || new Set(thresholds).size !== thresholds.length) {
          throw new BillingError('invalid_request', 'Thresholds are distinct fractions between 0 and 1.', { status: 400 });
        }
        target.alertThresholds = [...thresholds].sort((a, b) => a - b);
      }),

    getDailyUsage: (o) => call('getDailyUsage', o, () => dailyUsage(state, now())),
    getMemberUsage: (o) =>
      call('getMemberUsage', o, () => ({ period: { ...state.usage.period }, members: state.members ?? [] })),
    setMemberLimit: (memberId, meter, limit, o) =>
      call('setMemberLimit', o, () => {
        const member = state.members?.find((m) => m.id === memberId);
        if (!member) throw new BillingError('not_found', `There is no member "${memberId}".`, { status: 404 });
        if (!state.usage.meters.some((m) => m.key === meter)) throw new BillingError('not_found', `There is no meter "${meter}".`, { status: 404 });
        if (limit !== null && !(Number.isFinite(limit) && limit >= 0)) throw new BillingError('invalid_request', 'limit: a number of units, 0 or more', { status: 400 });
        const { [meter]: _old, ...rest } = member.limits ?? {};
        member.limits = limit === null ? rest : { ...rest, [meter]: limit };
      }),
    setSpendCap: (meter, cap, o) =>
      call('setSpendCap', o, () => {
        const target = state.usage.meters.find((m) => m.key === meter);
        if (!target) throw new BillingError('not_found', `There is no meter "${meter}".`, { status: 404 });
        const problem = cap && spendCapProblem(cap, target);
        if (problem) throw new BillingError('invalid_request', `cap: ${SPEND_CAP_PROBLEMS[problem]}`, { status: 400 });
        if (cap) target.spendCap = structuredClone(cap);
        else delete target.spendCap;
      }),

    getBillingDetails: (o) => call('getBillingDetails', o, () => billingDetails()),
    updateBillingDetails: ({ idempotencyKey, ...update }, o) =>
      call('updateBillingDetails', o, () => update).then(() =>
        once(idempotencyKey, JSON.stringify(['details', update]), () => {
          const [problem] = update.address ? addressProblems(update.address) : [];
          if (problem) throw new BillingError('invalid_request', `address.${problem[0]}: ${problem[1]}`, { status: 400 });
          // A field sent replaces what is on file; a field left out is kept (as Stripe's customer update).
          const { email, name, ...rest } = { ...billingDetails(), ...update };
          // An empty email or name clears it, as Stripe clears a field sent empty.
          state.billingDetails = { ...rest, ...(email ? { email } : {}), ...(name ? { name } : {}) };
          return billingDetails();
        }),
      ),
    addTaxId: ({ idempotencyKey, type, value }, o) =>
      call('addTaxId', o, () => ({ type, value })).then(() =>
        once(idempotencyKey, JSON.stringify(['tax id', type, value]), () => {
          if (!isValidTaxId(type, value)) throw new BillingError('invalid_request', `value: not a valid ${type} number`, { status: 400 });
          const details = billingDetails();
          const normalized = normalizeTaxId(type, value);
          if (details.taxIds.some((t) => t.type === type && t.value === normalized)) {
            throw new BillingError('conflict', 'That tax ID is on file already.', { status: 409 });
          }
          // The simulator's tax authority knows every well-formed VAT number.
          const taxId: TaxId = { id: nextId('txi'), type, value: normalized, ...(type.endsWith('_vat') ? { verification: 'verified' as const } : {}) };
          state.billingDetails = { ...details, taxIds: [...details.taxIds, taxId] };
          return structuredClone(taxId);
        }),
      ),
    removeTaxId: (id, o) =>
      call('removeTaxId', o, () => {
        const details = billingDetails();
        if (!details.taxIds.some((t) => t.id === id)) throw new BillingError('not_found', 'That tax ID does not exist.', { status: 404 });
        state.billingDetails = { ...details, taxIds: details.taxIds.filter((t) => t.id !== id) };
      }),
  };

  function billingDetails(): BillingDetails {
    return structuredClone(state.billingDetails ?? { taxIds: [] });
  }
}
