/**
 * The first purchase's state machine, in Node with fake timers: what reaches the backend
 * (how many activations, with which key), what the purchase store says after each step,
 * and the read-back that decides success. No DOM, no sleeping.
 */
import { atom, map } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../../src/core/errors.js';
import type { ActivationRequest, ActivationResult, PlanSelection, Quote, Subscription } from '../../../src/core/types.js';
import { createCheckout, type CheckoutState, type PurchasePayment, type PurchaseState } from '../../../src/state/checkout.js';
import type { Resource } from '../../../src/state/resource.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const usd = (amount: number) => ({ amount, currency: 'USD' });
const PRO: PlanSelection = { tierId: 'pro', interval: 'month' };

function quoteFor(selection: PlanSelection, extra: Partial<Quote> = {}): Quote {
  return {
    id: `q_${selection.tierId}`,
    selection,
    subtotal: usd(2000), discount: usd(0), tax: usd(0), proration: usd(0), total: usd(2000), dueNow: usd(2000),
    nextPaymentDate: '2026-04-10T12:00:00Z',
    expiresAt: new Date(NOW + 15 * 60_000).toISOString(),
    ...extra,
  };
}
const live = (tierId: string): Subscription => ({ status: 'active', tierId, interval: 'month' });

function setup(options: { quote?: (s: PlanSelection) => Quote; activate?: (r: ActivationRequest) => Promise<ActivationResult>; subscription?: () => Subscription | undefined } = {}) {
  const stores = { $checkout: map<CheckoutState>({}), $checkoutQuote: atom<Resource<Quote>>({ status: 'idle' }), $purchase: map<PurchaseState>({ status: 'idle' }) };
  const storage = new Map<string, string>();
  let backend: Subscription | undefined = { status: 'none' };
  const deps = {
    quote: vi.fn(async (selection: PlanSelection) => (options.quote ?? quoteFor)(selection)),
    activate: vi.fn(options.activate ?? (async (request: ActivationRequest) => {
      backend = live(request.tierId);
      return { status: 'succeeded', subscription: backend } as ActivationResult;
    })),
    readSubscription: vi.fn(async () => (options.subscription ? options.subscription() : backend)),
    afterActivation: vi.fn(async () => undefined),
    storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) },
    pollIntervalMs: 1000,
    pollAttempts: 3,
  };
  const checkout = createCheckout(deps, stores);
  const payment: PurchasePayment = { confirmCard: vi.fn(async () => 'pm_visa'), handleNextAction: vi.fn(async () => undefined) };
  /** Chooses a tier and waits for its quote, as the tier picker and payment form do. */
  async function choose(selection: PlanSelection) {
    stores.$checkout.set({ selection });
    await checkout.requote();
  }
  return { stores, storage, deps, checkout, payment, choose, setBackend: (s: Subscription | undefined) => (backend = s) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('createCheckout', () => {
  it('buys once: the card, one activation with the quote and a key, then the read-back says succeeded', async () => {
    const { checkout, payment, deps, stores, choose, storage } = setup();
    await choose(PRO);
    const result = await checkout.purchase(payment);
    expect(result).toEqual(live('pro'));
    expect(deps.activate).toHaveBeenCalledTimes(1);
    expect(deps.activate.mock.calls[0]![0]).toMatchObject({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_visa', quoteId: 'q_pro' });
    expect(deps.activate.mock.calls[0]![0].idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(stores.$purchase.get()).toMatchObject({ status: 'succeeded', subscription: live('pro') });
    expect(stores.$checkout.get(), 'the selection is cleared').toEqual({});
    expect(deps.afterActivation).toHaveBeenCalledTimes(1);
    expect(storage.size, 'the key is dropped once bought').toBe(0);
  });

  it('two clicks are one purchase', async () => {
    const { checkout, payment, deps, choose } = setup();
    await choose(PRO);
    const [a, b] = await Promise.all([checkout.purchase(payment), checkout.purchase(payment)]);
    expect(a).toEqual(b);
    expect(deps.activate).toHaveBeenCalledTimes(1);
    expect(payment.confirmCard).toHaveBeenCalledTimes(1);
  });

  it('refuses an expired quote: nothing is charged, the price is quoted again and the user told to review it', async () => {
    const { checkout, payment, deps, stores, choose } = setup();
    await choose(PRO);
    vi.setSystemTime(NOW + 16 * 60_000);
    await checkout.purchase(payment);
    expect(deps.activate).not.toHaveBeenCalled();
    expect(payment.confirmCard).not.toHaveBeenCalled();
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'conflict' } });
    expect(deps.quote, 'quoted again').toHaveBeenCalledTimes(2);
  });

  it('a quote that needs the address first is not bought: no card step, no activation, the user told why', async () => {
    const { checkout, payment, deps, stores, choose } = setup({ quote: (s) => quoteFor(s, { addressRequired: true }) });
    await choose(PRO);
    await checkout.purchase(payment);
    expect(payment.confirmCard).not.toHaveBeenCalled();
    expect(deps.activate).not.toHaveBeenCalled();
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'invalid_request', message: expect.stringMatching(/address/) } });
  });

  it('a purchase the backend refuses as asked (an address it needs) prices the checkout again; a lost answer does not', async () => {
    let refusal = new BillingError('invalid_request', 'address: Enter a billing address first.', { status: 400 });
    const { checkout, payment, deps, choose } = setup({
      activate: async () => {
        throw refusal;
      },
    });
    await choose(PRO);
    await checkout.purchase(payment);
    await vi.waitFor(() => expect(deps.quote).toHaveBeenCalledTimes(2));
    refusal = new BillingError('network', 'offline');
    await checkout.purchase(payment);
    await vi.runAllTimersAsync();
    expect(deps.quote).toHaveBeenCalledTimes(2);
  });

  it('refuses a quote for another selection', async () => {
    const { checkout, payment, deps, stores, choose } = setup({ quote: () => quoteFor({ tierId: 'starter', interval: 'month' }) });
    await choose(PRO);
    await checkout.purchase(payment);
    expect(deps.activate).not.toHaveBeenCalled();
    expect(stores.$purchase.get().error?.code).toBe('conflict');
  });

  it('a lost answer is a purchase when the backend reads the tier bought as live, and asks nothing again', async () => {
    const { checkout, payment, deps, stores, choose, setBackend } = setup({
      activate: async (request) => {
        setBackend(live(request.tierId));
        throw new BillingError('network', 'The billing service could not be reached.');
      },
    });
    await choose(PRO);
    const result = await checkout.purchase(payment);
    expect(result).toEqual(live('pro'));
    expect(deps.activate).toHaveBeenCalledTimes(1);
    expect(stores.$purchase.get().status).toBe('succeeded');
  });

  it('a lost answer is not a purchase when the live plan is another tier: it fails, keeping the card and the key for the retry', async () => {
    const { checkout, payment, deps, stores, choose, storage } = setup({
      activate: async () => {
        throw new BillingError('timeout', 'The billing service took too long to answer.');
      },
      subscription: () => live('starter'),
    });
    await choose(PRO);
    expect(await checkout.purchase(payment)).toBeUndefined();
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'timeout' }, paymentMethodId: 'pm_visa' });
    const key = deps.activate.mock.calls[0]![0].idempotencyKey;
    expect([...storage.values()]).toEqual([key]);

    // The retry: the same key, and the card is not confirmed again.
    deps.activate.mockImplementationOnce(async (request) => ({ status: 'succeeded', subscription: live(request.tierId) }));
    deps.readSubscription.mockImplementation(async () => live('pro'));
    await checkout.purchase(payment);
    expect(deps.activate).toHaveBeenCalledTimes(2);
    expect(deps.activate.mock.calls[1]![0].idempotencyKey).toBe(key);
    expect(payment.confirmCard).toHaveBeenCalledTimes(1);
    expect(stores.$purchase.get().status).toBe('succeeded');
  });

  it('a card declined in the card step fails before anything is charged', async () => {
    const { checkout, payment, stores, deps, choose } = setup();
    await choose(PRO);
    vi.mocked(payment.confirmCard).mockRejectedValueOnce(new BillingError('card_declined', 'Your card was declined.'));
    await checkout.purchase(payment);
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'card_declined' } });
    expect(stores.$purchase.get().paymentMethodId).toBeUndefined();
    expect(deps.activate).not.toHaveBeenCalled();
  });

  it('a card the bank declines at the charge (402) is forgotten: the retry asks for another card and keeps the key', async () => {
    const { checkout, payment, stores, deps, choose } = setup({
      activate: async () => {
        throw new BillingError('card_declined', 'Your card was declined.', { status: 402 });
      },
    });
    await choose(PRO);
    await checkout.purchase(payment);
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'card_declined' } });
    expect(stores.$purchase.get().paymentMethodId).toBeUndefined();

    vi.mocked(payment.confirmCard).mockResolvedValueOnce('pm_mastercard');
    deps.activate.mockImplementationOnce(async (request) => ({ status: 'succeeded', subscription: live(request.tierId) }));
    deps.readSubscription.mockImplementation(async () => live('pro'));
    await checkout.purchase(payment);
    expect(payment.confirmCard).toHaveBeenCalledTimes(2);
    expect(deps.activate.mock.calls[1]![0]).toMatchObject({ paymentMethodId: 'pm_mastercard', idempotencyKey: deps.activate.mock.calls[0]![0].idempotencyKey });
  });

  it('3-D Secure: authenticating while the bank asks, then the read-back decides', async () => {
    const { checkout, payment, stores, choose, setBackend } = setup({ activate: async () => ({ status: 'requires_action', clientSecret: 'pi_1_secret' }) });
    await choose(PRO);
    const seen: string[] = [];
    stores.$purchase.listen((s) => seen.push(s.status));
    vi.mocked(payment.handleNextAction).mockImplementationOnce(async () => void setBackend(live('pro')));
    await checkout.purchase(payment);
    expect(payment.handleNextAction).toHaveBeenCalledWith('pi_1_secret');
    expect(seen).toEqual(['confirming', 'activating', 'authenticating', 'activating', 'succeeded']);
  });

  it('polls the read-back at its interval, and says pending (never failed) when the plan is not live yet', async () => {
    const { checkout, payment, deps, stores, choose } = setup({ activate: async () => ({ status: 'succeeded', subscription: live('pro') }), subscription: () => ({ status: 'incomplete' }) });
    await choose(PRO);
    const done = checkout.purchase(payment);
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.readSubscription).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(deps.readSubscription, 'not before the interval').toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(deps.readSubscription).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await done).toBeUndefined();
    expect(deps.readSubscription).toHaveBeenCalledTimes(3);
    expect(stores.$purchase.get()).toMatchObject({ status: 'pending', paymentMethodId: 'pm_visa' });
  });

  it('a newer selection drops the older quote’s late answer', async () => {
    const answers: Array<() => void> = [];
    const own = setup();
    own.deps.quote.mockImplementation((selection: PlanSelection) => new Promise<Quote>((resolve) => answers.push(() => resolve(quoteFor(selection)))));
    own.stores.$checkout.set({ selection: PRO });
    const first = own.checkout.requote();
    own.stores.$checkout.set({ selection: { tierId: 'team', interval: 'year' } });
    const second = own.checkout.requote();
    answers[1]!();
    await second;
    answers[0]!();
    await first;
    expect(own.stores.$checkoutQuote.get()).toMatchObject({ status: 'ready', data: { selection: { tierId: 'team' } } });
  });
});

describe('createCheckout: the quote it keeps fresh', () => {
  it('quotes the selection with its coupon, again on every change that matters, never for the same one, and stops', async () => {
    const { checkout, deps, stores } = setup();
    const stop = checkout.watchQuote();
    expect(stores.$checkoutQuote.get(), 'nothing chosen: idle').toEqual({ status: 'idle' });
    stores.$checkout.set({ selection: PRO });
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.quote).toHaveBeenCalledTimes(1);
    stores.$checkout.setKey('proceed', 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.quote, 'the same selection').toHaveBeenCalledTimes(1);
    stores.$checkout.setKey('coupon', { code: 'WELCOME20', percentOff: 20, duration: 'once' });
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.quote).toHaveBeenCalledTimes(2);
    expect(deps.quote.mock.calls[1]![0]).toEqual({ ...PRO, couponCode: 'WELCOME20' });
    expect(stores.$checkoutQuote.get()).toMatchObject({ status: 'ready', data: { selection: { couponCode: 'WELCOME20' } } });
    stores.$checkout.set({});
    await vi.advanceTimersByTimeAsync(0);
    expect(stores.$checkoutQuote.get()).toEqual({ status: 'idle' });
    stop();
    stores.$checkout.set({ selection: PRO });
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.quote, 'stopped').toHaveBeenCalledTimes(2);
  });

  it('a failed quote is an error state; the one before it stays shown while the next loads', async () => {
    const { checkout, deps, stores, choose } = setup();
    await choose(PRO);
    deps.quote.mockRejectedValueOnce(new BillingError('server', 'down'));
    stores.$checkout.set({ selection: { tierId: 'team', interval: 'month' } });
    const next = checkout.requote();
    expect(stores.$checkoutQuote.get()).toMatchObject({ status: 'loading', data: { selection: PRO } });
    await next;
    expect(stores.$checkoutQuote.get()).toMatchObject({ status: 'error', error: { code: 'server' } });
  });

  it('buying with nothing chosen says so; resetting while a purchase runs changes nothing', async () => {
    const { checkout, payment, stores, choose, deps } = setup();
    await checkout.purchase(payment);
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'invalid_request', message: 'Choose a tier first.' } });
    checkout.resetPurchase();
    expect(stores.$purchase.get()).toEqual({ status: 'idle' });
    await choose(PRO);
    let finish!: () => void;
    deps.activate.mockImplementationOnce(async (request) => {
      await new Promise<void>((resolve) => (finish = resolve));
      return { status: 'succeeded', subscription: live(request.tierId) };
    });
    deps.readSubscription.mockImplementation(async () => live('pro'));
    const running = checkout.purchase(payment);
    await vi.advanceTimersByTimeAsync(0);
    checkout.resetPurchase();
    expect(stores.$purchase.get().status).toBe('activating');
    finish();
    await running;
    expect(stores.$purchase.get().status).toBe('succeeded');
  });

  it('without sessionStorage (Node, a sandboxed frame) the key lives in memory, still one per purchase', async () => {
    const stores = { $checkout: map<CheckoutState>({ selection: PRO }), $checkoutQuote: atom<Resource<Quote>>({ status: 'idle' }), $purchase: map<PurchaseState>({ status: 'idle' }) };
    const activate = vi.fn(async (_request: ActivationRequest): Promise<ActivationResult> => {
      throw new BillingError('server', 'down');
    });
    const checkout = createCheckout(
      { quote: async (selection) => quoteFor(selection), activate, readSubscription: async () => ({ status: 'none' }), afterActivation: async () => undefined, pollAttempts: 1 },
      stores,
    );
    const payment: PurchasePayment = { confirmCard: async () => 'pm_visa', handleNextAction: async () => undefined };
    await checkout.requote();
    await checkout.purchase(payment);
    await checkout.purchase(payment);
    expect(activate).toHaveBeenCalledTimes(2);
    expect(activate.mock.calls[1]![0].idempotencyKey).toBe(activate.mock.calls[0]![0].idempotencyKey);
  });
});

describe('createCheckout: one key per purchase', () => {
  const failing = async (): Promise<ActivationResult> => {
    throw new BillingError('server', 'down');
  };

  it('another number of seats, interval or coupon is another purchase with another key; the code in any case is the same', async () => {
    const { checkout, payment, deps, choose, storage } = setup({ activate: failing });
    const keyFor = async (selection: PlanSelection) => {
      await choose(selection);
      await checkout.purchase(payment);
      return deps.activate.mock.calls.at(-1)![0].idempotencyKey;
    };
    const three = await keyFor({ tierId: 'team', interval: 'month', seats: 3 });
    expect(await keyFor({ tierId: 'team', interval: 'month', seats: 3 }), 'the retry of the same purchase').toBe(three);
    const five = await keyFor({ tierId: 'team', interval: 'month', seats: 5 });
    const yearly = await keyFor({ tierId: 'team', interval: 'year', seats: 3 });
    const coupon = await keyFor({ tierId: 'team', interval: 'month', seats: 3, couponCode: 'welcome20' });
    expect(new Set([three, five, yearly, coupon]).size).toBe(4);
    expect(await keyFor({ tierId: 'team', interval: 'month', seats: 3, couponCode: 'WELCOME20' })).toBe(coupon);
    // Kept under the kit's own names, beside whatever else the page keeps in sessionStorage.
    expect([...storage.keys()].every((k) => k.startsWith('tectra.checkout.'))).toBe(true);
    expect(storage.size).toBe(4);
  });

  it('a quote for other seats is not bought', async () => {
    const { checkout, payment, deps, stores, choose } = setup({ quote: (s) => quoteFor({ ...s, seats: 2 }) });
    await choose({ tierId: 'team', interval: 'month', seats: 4 });
    await checkout.purchase(payment);
    expect(deps.activate).not.toHaveBeenCalled();
    expect(stores.$purchase.get().error?.code).toBe('conflict');
    expect(stores.$purchase.get().error?.message).toBe('The price changed; please review it before paying.');
  });

  it('a quote without an expiry stays buyable; one that expires this very millisecond does not', async () => {
    const forever = setup({ quote: (s) => quoteFor(s, { expiresAt: undefined }) });
    await forever.choose(PRO);
    vi.setSystemTime(NOW + 24 * 3600_000);
    await forever.checkout.purchase(forever.payment);
    expect(forever.deps.activate).toHaveBeenCalledTimes(1);

    vi.setSystemTime(NOW);
    const edge = setup({ quote: (s) => quoteFor(s, { expiresAt: new Date(NOW + 60_000).toISOString() }) });
    await edge.choose(PRO);
    vi.setSystemTime(NOW + 60_000);
    await edge.checkout.purchase(edge.payment);
    expect(edge.deps.activate).not.toHaveBeenCalled();
  });

  it('a lost answer with a trialing plan on the tier bought is a purchase', async () => {
    const trialing: Subscription = { status: 'trialing', tierId: 'pro', interval: 'month' };
    const { checkout, payment, stores, choose } = setup({
      activate: async () => {
        throw new BillingError('timeout', 'slow');
      },
      subscription: () => trialing,
    });
    await choose(PRO);
    expect(await checkout.purchase(payment)).toEqual(trialing);
    expect(stores.$purchase.get().status).toBe('succeeded');
  });

  it('a refusal (not a lost answer) is a failure even when a plan reads live, and the backend is not read back for it', async () => {
    const { checkout, payment, deps, stores, choose } = setup({
      activate: async () => {
        throw new BillingError('invalid_request', 'No such tier.', { retryable: false });
      },
      subscription: () => live('pro'),
    });
    await choose(PRO);
    expect(await checkout.purchase(payment)).toBeUndefined();
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'invalid_request' }, paymentMethodId: 'pm_visa' });
    expect(deps.readSubscription).not.toHaveBeenCalled();
  });

  it('a failure keeps the quote it was for, so the review stays on screen', async () => {
    const { checkout, payment, stores, choose } = setup({ activate: failing });
    await choose(PRO);
    await checkout.purchase(payment);
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', quote: { id: 'q_pro' } });
  });

  it('a challenge the customer fails forgets the card, whatever the error says', async () => {
    const { checkout, payment, stores, choose } = setup({ activate: async () => ({ status: 'requires_action', clientSecret: 'pi_1_secret' }) });
    await choose(PRO);
    vi.mocked(payment.handleNextAction).mockRejectedValueOnce(new BillingError('network', 'The bank did not answer.'));
    await checkout.purchase(payment);
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'network' } });
    expect(stores.$purchase.get().paymentMethodId).toBeUndefined();
  });

  it('a late failure of a quote already replaced is not shown', async () => {
    const { checkout, deps, stores } = setup();
    let failOld!: () => void;
    deps.quote.mockImplementationOnce(() => new Promise<Quote>((_resolve, reject) => (failOld = () => reject(new BillingError('server', 'down')))));
    stores.$checkout.set({ selection: PRO });
    const old = checkout.requote();
    stores.$checkout.set({ selection: { tierId: 'team', interval: 'month' } });
    await checkout.requote();
    failOld();
    await old;
    expect(stores.$checkoutQuote.get()).toMatchObject({ status: 'ready', data: { selection: { tierId: 'team' } } });
  });

  it('an aborted quote is not an error', async () => {
    const { checkout, deps, stores } = setup();
    deps.quote.mockImplementationOnce(async () => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    stores.$checkout.set({ selection: PRO });
    await checkout.requote();
    expect(stores.$checkoutQuote.get().status).toBe('loading');
  });

  it('polls once a second unless told otherwise', async () => {
    const stores = { $checkout: map<CheckoutState>({ selection: PRO }), $checkoutQuote: atom<Resource<Quote>>({ status: 'idle' }), $purchase: map<PurchaseState>({ status: 'idle' }) };
    const readSubscription = vi.fn(async (): Promise<Subscription> => ({ status: 'incomplete' }));
    const checkout = createCheckout(
      { quote: async (selection) => quoteFor(selection), activate: async () => ({ status: 'succeeded', subscription: live('pro') }), readSubscription, afterActivation: async () => undefined, pollAttempts: 2 },
      stores,
    );
    await checkout.requote();
    void checkout.purchase({ confirmCard: async () => 'pm_visa', handleNextAction: async () => undefined });
    await vi.advanceTimersByTimeAsync(999);
    expect(readSubscription).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(readSubscription).toHaveBeenCalledTimes(2);
  });
});

describe('createCheckout: after a purchase', () => {
  it('without sessionStorage, the same purchase made again later gets a new key (the old one is dropped once bought)', async () => {
    const stores = { $checkout: map<CheckoutState>({ selection: PRO }), $checkoutQuote: atom<Resource<Quote>>({ status: 'idle' }), $purchase: map<PurchaseState>({ status: 'idle' }) };
    let backend: Subscription = { status: 'none' };
    const activate = vi.fn(async (request: ActivationRequest): Promise<ActivationResult> => {
      backend = live(request.tierId);
      return { status: 'succeeded', subscription: backend };
    });
    const checkout = createCheckout({ quote: async (selection) => quoteFor(selection), activate, readSubscription: async () => backend, afterActivation: async () => undefined, pollAttempts: 1 }, stores);
    const payment: PurchasePayment = { confirmCard: async () => 'pm_visa', handleNextAction: async () => undefined };
    await checkout.requote();
    await checkout.purchase(payment);
    // Canceled since, and bought again on the same page.
    backend = { status: 'canceled', tierId: 'pro', interval: 'month' };
    stores.$checkout.set({ selection: PRO });
    await checkout.requote();
    await checkout.purchase(payment);
    expect(activate).toHaveBeenCalledTimes(2);
    expect(activate.mock.calls[1]![0].idempotencyKey).not.toBe(activate.mock.calls[0]![0].idempotencyKey);
  });

  it('a lost answer whose read-back fails too reports the lost answer, not a crash', async () => {
    const { checkout, payment, stores, deps, choose } = setup({
      activate: async () => {
        throw new BillingError('timeout', 'slow');
      },
    });
    await choose(PRO);
    deps.readSubscription.mockRejectedValue(new BillingError('network', 'down'));
    await checkout.purchase(payment);
    expect(stores.$purchase.get()).toMatchObject({ status: 'failed', error: { code: 'timeout' }, paymentMethodId: 'pm_visa' });
  });

  it('a replaced quote request is aborted, so the backend can stop working on it', async () => {
    const { checkout, deps, stores } = setup();
    deps.quote.mockImplementationOnce(() => new Promise<Quote>(() => {}));
    stores.$checkout.set({ selection: PRO });
    void checkout.requote();
    stores.$checkout.set({ selection: { tierId: 'team', interval: 'month' } });
    await checkout.requote();
    const signal = (deps.quote.mock.calls[0] as unknown as [PlanSelection, { signal: AbortSignal }])[1].signal;
    expect(signal.aborted).toBe(true);
  });
});
