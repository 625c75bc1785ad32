/**
 * The billing simulator's business: quotes with proration, coupons, activation that
 * creates the subscription and its first invoice, tier changes, payment methods and
 * usage alerts, over the state that `createMemoryAdapter` holds. Loaded on demand by the
 * adapter's first call (see memory-adapter.ts).
 */
import { addInterval } from '../../core/dates.js';
import { BillingError } from '../../core/errors.js';
import type {
  ActivationResult,
  Coupon,
  Invoice,
  PaymentMethod,
  PlanSelection,
  Subscription,
} from '../../core/types.js';
import type { BillingAdapter, RequestOptions } from '../types.js';
import { hasPlan } from '../../core/plans.js';
import { charge, findTier, priceSelection, recurringPrice, type PricedQuote } from './pricing.js';
import { DEMO_METERS } from './catalogs.js';
import type { AdapterMethod, SimulatorState } from './memory-adapter.js';

const CARD_BRANDS: Record<string, string> = { '4': 'visa', '5': 'mastercard', '3': 'amex' };

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export function createSimulator({ state, faults, options }: SimulatorState): Omit<BillingAdapter, 'subscribeUsage'> {
  const quotes = new Map<string, PricedQuote>();
  const idempotent = new Map<string, { fingerprint: string; result: Promise<ActivationResult> }>();
  let sequence = 0;
  const clock = options.now ?? (() => new Date());
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

  function quoteFor(selection: PlanSelection): PricedQuote {
    const coupon = selection.couponCode ? findCoupon(selection.couponCode, selection) : undefined;
    const ttl = (options.quoteTtlMinutes ?? 15) * 60_000;
    const quote = priceSelection({
      catalog: state.catalog,
      subscription: state.subscription,
      selection,
      coupon,
      taxPercent: state.taxPercent ?? 0,
      now: now(),
      id: nextId('qt'),
      expiresAt: new Date(clock().getTime() + ttl).toISOString(),
    });
    quotes.set(quote.id ?? '', quote);
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
    const same =
      quote.selection.tierId === selection.tierId &&
      quote.selection.interval === selection.interval &&
      (quote.selection.seats ?? null) === (selection.seats ?? null) &&
      (quote.selection.couponCode ?? null) === (selection.couponCode ?? null);
    if (!same) throw new BillingError('conflict', 'The price quote is for another selection.', { status: 409 });
  }

  /** Runs a mutation once per idempotency key; a retry with the same key gets the first result. */
  function once(key: string, fingerprint: string, run: () => ActivationResult): Promise<ActivationResult> {
    const seen = idempotent.get(key);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return Promise.reject(new BillingError('invalid_request', 'This idempotency key was used for another request.', { status: 422 }));
      }
      return seen.result;
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
    });
  }

  function resetMeters(tierId: string): void {
    const tier = findTier(state.catalog, tierId);
    const pooled = tier.kind !== 'individual';
    const existing = new Map(state.usage.meters.map((m) => [m.key, m]));
    state.usage.meters = DEMO_METERS.map(([key, unit]) => ({
      key,
      unit,
      used: existing.get(key)?.used ?? 0,
      limit: tier.limits[key] ?? null,
      alertThresholds: existing.get(key)?.alertThresholds ?? [0.8, 1],
      ...(pooled ? { pooled: true } : {}),
    }));
    state.usage.updatedAt = now();
  }

  function attachCard(paymentMethodId: string): void {
    if (state.paymentMethods.some((pm) => pm.id === paymentMethodId)) {
      state.paymentMethods = state.paymentMethods.map((pm) => ({ ...pm, isDefault: pm.id === paymentMethodId }));
      return;
    }
    // Test payment methods carry the card's last four digits: pm_test_4242.
    const digits = /(\d{4})$/.exec(paymentMethodId)?.[1] ?? '4242';
    const card: PaymentMethod = {
      id: paymentMethodId,
      type: 'card',
      brand: CARD_BRANDS[digits[0] ?? '4'] ?? 'visa',
      last4: digits,
      expMonth: 12,
      expYear: clock().getUTCFullYear() + 3,
      isDefault: true,
    };
    state.paymentMethods = [card, ...state.paymentMethods.map((pm) => ({ ...pm, isDefault: false }))];
  }

  function nextPayment(selection: PlanSelection, coupon: Coupon | undefined, dueDate: string): Subscription['nextPayment'] {
    const price = recurringPrice(state.catalog, selection);
    const keepsDiscount = coupon && coupon.duration !== 'once';
    return { amount: charge(price, keepsDiscount ? coupon : undefined, state.taxPercent ?? 0).total, dueDate };
  }

  return {
    getCatalog: (o) => call('getCatalog', o, () => state.catalog),
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
        once(idempotencyKey, purchase, () => {
          if (hasPlan(state.subscription)) {
            throw new BillingError('conflict', 'This account already has an active subscription.', { status: 409 });
          }
          const { paymentMethodId, quoteId, ...selection } = body;
          checkQuote(quoteId, selection);
          if (!paymentMethodId && state.paymentMethods.length === 0) {
            throw new BillingError('invalid_request', 'A payment method is required.', { status: 400 });
          }
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
        once(idempotencyKey, JSON.stringify(body), () => {
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
  };
}
