// The Stripe engine's side of things nobody clicks: webhooks (a Dashboard subscription taking
// over, old or foreign events, a failed apply delivered again), usage as the meters and the
// outbox see it, and the lease that keeps two machines from changing one plan at once.
import Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCatalog } from '../../src/adapters/memory/catalogs.js';
import { createMemoryStripeState, createStripeEngine, setUpStripeCatalog, WebhookSignatureError, type StripeEngineOptions } from '../../src/server/index.js';
import { createStripeDouble } from '../stripe-double/double.js';

afterEach(() => vi.useRealTimers());

async function stripeSetup(options: Partial<StripeEngineOptions> = {}) {
  const double = createStripeDouble();
  const stripe = double.client();
  await setUpStripeCatalog(stripe, demoCatalog());
  const state = options.state ?? createMemoryStripeState();
  const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state, usageFlushMs: 60_000, ...options });
  /** Delivers the double's events of a type (the latest first when `latest`), as Stripe would, signed. */
  const deliver = async (type: string, pick: 'first' | 'last' = 'last') => {
    const events = (await double.signedEvents()).filter((e) => e.event.type === type);
    const event = pick === 'first' ? events[0] : events[events.length - 1];
    if (!event) throw new Error(`no ${type} event`);
    return engine.receiveWebhook?.(event.payload, event.signature, double.webhookSecret);
  };
  return { double, stripe, state, engine, deliver, adapter: (account = 'alice') => engine.adapterFor(account) };
}

describe('the Stripe engine’s webhooks', () => {
  it('lets a subscription made in the Dashboard take over from an ended one, once per event, and never lets an old one back', async () => {
    const { adapter, stripe, double, deliver } = await stripeSetup();
    const alice = await adapter('alice');
    await alice.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    await alice.cancelSubscription({ atPeriodEnd: false, idempotencyKey: 'c' });
    expect((await alice.getSubscription()).status).toBe('canceled');
    // Support sells Alice a Team plan in the Dashboard.
    const customer = [...double.state.customers.keys()][0] ?? '';
    const card = (await alice.listPaymentMethods())[0]?.id ?? '';
    await stripe.subscriptions.create({ customer, items: [{ price: [...double.state.prices.values()].find((p) => p.lookup_key === 'tectra_team_month')?.id ?? '', quantity: 5 }], default_payment_method: card });
    expect(await deliver('customer.subscription.created')).toBe('applied');
    expect(await alice.getSubscription()).toMatchObject({ status: 'active', tierId: 'team', seats: 5 });
    expect(await deliver('customer.subscription.created')).toBe('duplicate');
    // The first subscription's events, arriving late, change nothing.
    expect(await deliver('customer.subscription.created', 'first')).toBe('applied');
    expect(await deliver('customer.subscription.deleted')).toBe('applied');
    expect(await alice.getSubscription()).toMatchObject({ status: 'active', tierId: 'team' });
  });

  it('ignores events about customers it does not know and about things it does not keep', async () => {
    const { stripe, double, deliver } = await stripeSetup();
    const customer = await stripe.customers.create({ email: 'someone@example.com' });
    await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.subscriptions.create({ customer: customer.id, items: [{ price: [...double.state.prices.keys()][0] ?? '' }], default_payment_method: [...double.state.paymentMethods.keys()][0] ?? '' });
    expect(await deliver('customer.subscription.created')).toBe('ignored');
    expect(await deliver('payment_method.attached')).toBe('ignored');
  });

  it('reads the catalog again after a product or price event, and caches it otherwise', async () => {
    const { adapter, double, deliver, stripe } = await stripeSetup();
    const alice = await adapter('alice');
    const setupReads = double.requests.filter((r) => r === 'GET /v1/products').length;
    const reads = () => double.requests.filter((r) => r === 'GET /v1/products').length - setupReads;
    await alice.getCatalog();
    await alice.getCatalog();
    expect(reads()).toBe(1);
    expect(await deliver('product.created')).toBe('applied');
    await alice.getCatalog();
    expect(reads()).toBe(2);
    await stripe.prices.create({ product: [...double.state.products.keys()][0] ?? '', currency: 'usd', unit_amount: 100, recurring: { interval: 'month' } });
    expect(await deliver('price.created')).toBe('applied');
    await alice.getCatalog();
    expect(reads()).toBe(3);
  });

  it('reads the catalog again when its cache is older than catalogTtlMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T10:00:00Z') });
    const { adapter, double } = await stripeSetup({ catalogTtlMs: 60_000 });
    const alice = await adapter('alice');
    const setupReads = double.requests.filter((r) => r === 'GET /v1/products').length;
    const reads = () => double.requests.filter((r) => r === 'GET /v1/products').length - setupReads;
    await alice.getCatalog();
    vi.setSystemTime(new Date('2026-12-04T10:00:59.999Z'));
    await alice.getCatalog();
    expect(reads()).toBe(1);
    vi.setSystemTime(new Date('2026-12-04T10:01:00.000Z'));
    await alice.getCatalog();
    expect(reads()).toBe(2);
  });

  it('refuses a forged delivery, and takes a delivery again when applying it failed', async () => {
    const { adapter, double, deliver, engine, stripe } = await stripeSetup();
    const alice = await adapter('alice');
    await alice.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    const [event] = (await double.signedEvents()).filter((e) => e.event.type === 'customer.subscription.created');
    await expect(engine.receiveWebhook?.(event!.payload.replace('"pro', '"team'), event!.signature, double.webhookSecret)).rejects.toBeInstanceOf(WebhookSignatureError);
    await expect(engine.receiveWebhook?.(event!.payload, event!.signature, 'whsec_other')).rejects.toBeInstanceOf(WebhookSignatureError);
    vi.spyOn(stripe.subscriptions, 'retrieve').mockRejectedValueOnce(Object.assign(new Error('Stripe is unavailable'), { type: 'StripeAPIError' }));
    await expect(deliver('customer.subscription.created')).rejects.toThrow('Stripe is unavailable');
    expect(await deliver('customer.subscription.created')).toBe('applied');
    expect(await deliver('customer.subscription.created')).toBe('duplicate');
  });

  it('verifies with the secret it is given, not another', async () => {
    const { engine } = await stripeSetup();
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'invoice.paid', data: { object: {} } });
    const signature = await new Stripe('sk_test_x').webhooks.generateTestHeaderStringAsync({ payload, secret: 'whsec_mine' });
    expect(await engine.receiveWebhook?.(payload, signature, 'whsec_mine')).toBe('ignored');
  });
});

describe('the Stripe engine’s usage', () => {
  it('answers the plan’s meters (pooled on Team) over its period, and no meters without a plan', async () => {
    const { adapter, double } = await stripeSetup();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T10:00:00Z') });
    expect(await (await adapter('nobody')).getUsage()).toEqual({ meters: [], period: { start: '2026-12-04T10:00:00.000Z', end: '2026-12-04T10:00:00.000Z' }, updatedAt: '2026-12-04T10:00:00.000Z' });
    vi.useRealTimers();
    const alice = await adapter('alice');
    await alice.activate({ tierId: 'team', interval: 'month', seats: 3, paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    await alice.setUsageAlerts('input_tokens', [0.5, 0.9]);
    const item = [...double.state.subscriptions.values()][0]!.items.data[0]!;
    const usage = await alice.getUsage();
    expect(usage.period).toEqual({ start: new Date(item.current_period_start * 1000).toISOString(), end: new Date(item.current_period_end * 1000).toISOString() });
    expect(usage.meters).toEqual([
      { key: 'input_tokens', used: 0, limit: 50_000_000, unit: 'tokens', pooled: true, alertThresholds: [0.5, 0.9] },
      { key: 'output_tokens', used: 0, limit: 12_000_000, unit: 'tokens', pooled: true },
      { key: 'integrations', used: 0, limit: 50, unit: 'count', pooled: true },
      { key: 'transcription_minutes', used: 0, limit: 3_000, unit: 'minutes', pooled: true },
    ]);
    const bob = await adapter('bob');
    await bob.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'b' });
    expect((await bob.getUsage()).meters.every((m) => m.pooled === undefined)).toBe(true);
  });

  it('answers each record’s reading for alerts, counts what is not written yet once, and nothing for a meter the plan lacks', async () => {
    const { adapter, engine, double } = await stripeSetup();
    const alice = await adapter('alice');
    expect(await engine.recordUsage('alice', 'input_tokens', 10)).toBeUndefined();
    await alice.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    await alice.setUsageAlerts('input_tokens', [0.8]);
    const item = [...double.state.subscriptions.values()][0]!.items.data[0]!;
    const period = { start: new Date(item.current_period_start * 1000).toISOString(), end: new Date(item.current_period_end * 1000).toISOString() };
    expect(await engine.recordUsage('alice', 'input_tokens', 400)).toEqual({ before: 0, after: 400, limit: 10_000_000, thresholds: [0.8], cap: null, period });
    expect(await engine.recordUsage('alice', 'input_tokens', 100)).toEqual({ before: 400, after: 500, limit: 10_000_000, thresholds: [0.8], cap: null, period });
    expect(await engine.recordUsage('alice', 'output_tokens', 1)).toMatchObject({ thresholds: [] });
    expect(await engine.recordUsage('alice', 'seats_used' as 'input_tokens', 1)).toBeUndefined();
    // Before and after the flush, each unit once.
    expect((await alice.getUsage()).meters.find((m) => m.key === 'input_tokens')?.used).toBe(500);
    await engine.flushUsage();
    expect((await alice.getUsage()).meters.find((m) => m.key === 'input_tokens')?.used).toBe(500);
  });

  it('sends a meter event once: not again on the next flush, none for zero, and one refused for good does not hold up the others', async () => {
    const onUsageError = vi.fn();
    const { adapter, engine, double, stripe } = await stripeSetup({ onUsageError, meterEventName: (meter) => `tectra.${meter}` });
    for (const account of ['alice', 'bob']) await (await adapter(account)).activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: account });
    await engine.recordUsage('alice', 'input_tokens', 0);
    await engine.flushUsage();
    expect(double.state.meterEvents).toHaveLength(0);
    await engine.recordUsage('alice', 'input_tokens', 7);
    await engine.recordUsage('bob', 'input_tokens', 9);
    const create = vi.spyOn(stripe.billing.meterEvents, 'create');
    create.mockRejectedValueOnce(Object.assign(new Error('No such customer'), { type: 'StripeInvalidRequestError' }));
    await engine.flushUsage();
    expect(onUsageError).toHaveBeenCalledOnce();
    expect(double.state.meterEvents.map((e) => [e.event_name, e.payload.value])).toEqual([['tectra.input_tokens', '9']]);
    await engine.flushUsage();
    expect(create).toHaveBeenCalledTimes(2);
    expect(double.state.meterEvents).toHaveLength(1);
  });

  it('flushes by itself after usageFlushMs', async () => {
    const { adapter, engine, double } = await stripeSetup({ usageFlushMs: 20 });
    await (await adapter('alice')).activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    await engine.recordUsage('alice', 'input_tokens', 3);
    await engine.recordUsage('alice', 'input_tokens', 4);
    await vi.waitFor(() => expect(double.state.meterEvents.map((e) => e.payload.value)).toEqual(['7']), { timeout: 5_000 });
  });
});

describe('the Stripe engine’s lease', () => {
  it('waits for another machine’s change, gives up after 10 s with a 409 to retry, and takes over a lease that ran out', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], now: new Date('2026-12-04T10:00:00Z') });
    const state = createMemoryStripeState();
    const { adapter } = await stripeSetup({ state });
    const alice = await adapter('alice');
    // Another machine holds Alice's lease for 30 s.
    expect(await state.acquireLease('alice', 'machine-2', 30_000)).toBe(true);
    expect(await state.acquireLease('alice', 'machine-3', 30_000)).toBe(false);
    const waiting = alice.setUsageAlerts('input_tokens', [0.5]).then(
      () => 'done',
      (error: { code: string; message: string; retryAfterMs?: number }) => [error.code, error.message, error.retryAfterMs],
    );
    await vi.advanceTimersByTimeAsync(9_975);
    expect(await Promise.race([waiting, Promise.resolve('still waiting')])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(100);
    expect(await waiting).toEqual(['conflict', 'Another change to this plan is still running. Try again in a moment.', 1_000]);
    // The other machine died: 30 s after it took the lease, it is anyone's.
    vi.setSystemTime(new Date('2026-12-04T10:00:30.001Z'));
    const next = alice.setUsageAlerts('input_tokens', [0.5]);
    await vi.advanceTimersByTimeAsync(50);
    await next;
    expect((await state.alerts('alice')).input_tokens).toEqual([0.5]);
    // Released after the change: machine 2 may take it now.
    expect(await state.acquireLease('alice', 'machine-2', 30_000)).toBe(true);
    await state.releaseLease('alice', 'machine-3');
    expect(await state.acquireLease('alice', 'machine-4', 30_000)).toBe(false);
  });
});
