// The Stripe engine's own rules, on the Stripe double: the catalog round trip, a setup that
// can run again, and usage that reaches Stripe's meters once even when a send fails.
import { describe, expect, it, vi } from 'vitest';
import { demoCatalog, demoCreditPacks } from '../../src/adapters/memory/catalogs.js';
import { demoCoupons } from '../../src/adapters/memory/scenarios.js';
import { createBillingHandler, createMemoryStore, createMemoryStripeState, createPGliteStore, createStripeEngine, setUpStripeCatalog } from '../../src/server/index.js';
import { createStripeDouble } from '../stripe-double/double.js';

/** The Stripe engine selling the demo's credit to alice, who has saved `card` (a Stripe test token). */
async function sellingCredit(card: string) {
  const double = createStripeDouble();
  const stripe = double.client();
  await setUpStripeCatalog(stripe, demoCatalog(), demoCoupons('USD'));
  const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state: createMemoryStripeState(), credits: () => demoCreditPacks() });
  const adapter = await engine.adapterFor('alice');
  await adapter.addPaymentMethod!(card);
  return { double, stripe, adapter };
}

describe('the Stripe engine', () => {
  it('serves the catalog it was set up with, and a second setup creates nothing', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog(), demoCoupons('USD'));
    const counts = () => [double.state.products.size, double.state.prices.size, double.state.promotionCodes.size];
    expect(counts()).toEqual([5, 8, 5]);
    await setUpStripeCatalog(stripe, demoCatalog(), demoCoupons('USD'));
    expect(counts()).toEqual([5, 8, 5]);
    const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1' });
    const adapter = await engine.adapterFor('alice');
    expect(await adapter.getCatalog()).toEqual(demoCatalog());
    expect(await adapter.createSetupIntent()).toMatchObject({ provider: 'stripe', publishableKey: 'pk_test_1', clientSecret: expect.stringMatching(/^seti_.+_secret_/) });
  });

  it('with Stripe Tax: an address Stripe cannot place is refused when saved (naming the address, nothing changed), and subscriptions are taxed on renewal too', async () => {
    const double = createStripeDouble({ taxRates: { GB: 20 } });
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state: createMemoryStripeState(), automaticTax: true });
    const adapter = await engine.adapterFor('alice');
    const london = { line1: '1 Poultry', city: 'London', postalCode: 'EC2R 8AH', country: 'GB' };
    await adapter.updateBillingDetails!({ address: london, idempotencyKey: 'd1' });
    // The handler checks formats first; Stripe is the judge of where an address is (here a US one without its ZIP code).
    const refused = await adapter.updateBillingDetails!({ address: { line1: '1 Main St', city: 'Springfield', state: 'IL', country: 'US' }, idempotencyKey: 'd2' }).catch((e: { code: string; message: string }) => e);
    expect(refused).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/^address:/) });
    expect((await adapter.getBillingDetails!()).address).toEqual(london);
    const quote = await adapter.previewChange({ tierId: 'pro', interval: 'month' });
    expect([quote.tax.amount, quote.dueNow.amount, quote.addressRequired]).toEqual([980, 5880, undefined]);
    await adapter.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', quoteId: quote.id ?? '', idempotencyKey: 'k1' });
    const sub = [...double.state.subscriptions.values()][0];
    double.advanceTo(new Date((sub?.items.data[0]?.current_period_end ?? 0) * 1000 + 1000));
    expect((await adapter.listInvoices({})).items.map((i) => i.total.amount)).toEqual([5880, 5880]);
  });

  it('counts usage on the UTC day it was recorded, across midnight and when the clock is set back', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state: createMemoryStripeState(), usageFlushMs: 60_000 });
    const adapter = await engine.adapterFor('alice');
    await adapter.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.UTC(2030, 0, 1, 23, 59, 59)));
      await engine.recordUsage('alice', 'input_tokens', 5);
      vi.setSystemTime(new Date(Date.UTC(2030, 0, 2, 0, 0, 1)));
      await engine.recordUsage('alice', 'input_tokens', 7);
      vi.setSystemTime(new Date(Date.UTC(2030, 0, 1, 12)));
      await engine.recordUsage('alice', 'input_tokens', 1);
    } finally {
      vi.useRealTimers();
    }
    const days = (await adapter.getDailyUsage!()).days.filter((d) => d.date.startsWith('2030'));
    expect(days).toEqual([
      { date: '2030-01-01', used: { input_tokens: 6 } },
      { date: '2030-01-02', used: { input_tokens: 7 } },
    ]);
  });

  it('takes for credit only codes it can honour: none limited in redemptions, and none that would pay for all of it', async () => {
    const { double, stripe, adapter } = await sellingCredit('pm_card_visa');
    const limited = await stripe.coupons.create({ name: 'ONCE', duration: 'once', percent_off: 10 });
    await stripe.promotionCodes.create({ code: 'ONCE', promotion: { type: 'coupon', coupon: limited.id }, max_redemptions: 1 });
    const whole = await stripe.coupons.create({ name: 'FREE', duration: 'once', percent_off: 100 });
    await stripe.promotionCodes.create({ code: 'FREE', promotion: { type: 'coupon', coupon: whole.id } });
    for (const couponCode of ['ONCE', 'FREE', 'ONCE']) {
      const refused = await adapter.purchaseCredits!({ packId: 'credit_10', couponCode, idempotencyKey: `k-${couponCode}-${Math.random()}` }).catch((e: { code: string }) => e.code);
      expect(refused, couponCode).toBe('coupon_invalid');
    }
    expect(double.state.paymentIntents.size, 'nothing was charged').toBe(0);
    expect((await adapter.getCredits!()).balance.amount).toBe(0);
  });

  it('reads every credit grant, not the newest page: the soonest expiry among 130 grants is the oldest one', async () => {
    const { double, stripe, adapter } = await sellingCredit('pm_card_visa');
    await adapter.purchaseCredits!({ packId: 'credit_10', idempotencyKey: 'first' });
    const customer = [...double.state.customers.keys()][0]!;
    const soon = Math.floor(Date.now() / 1000) + 86_400;
    const grant = (expires_at: number) =>
      stripe.billing.creditGrants.create({ customer, amount: { type: 'monetary', monetary: { value: 100, currency: 'usd' } }, applicability_config: { scope: { price_type: 'metered' } }, category: 'promotional', expires_at });
    await grant(soon);
    for (let i = 0; i < 129; i++) await grant(soon + 365 * 86_400);
    const credits = await adapter.getCredits!();
    expect(credits.nextExpiry?.at).toBe(new Date(soon * 1000).toISOString());
  });

  it('grants a paid recharge whose grant failed the next time, without charging again', async () => {
    const { double, stripe, adapter } = await sellingCredit('pm_card_visa');
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const grant = vi.spyOn(stripe.billing.creditGrants, 'create').mockRejectedValueOnce(Object.assign(new Error('Stripe is unavailable'), { type: 'StripeAPIError' }));
    const setting = { enabled: true, threshold: usd(500), amount: usd(2500) };
    await expect(adapter.setAutoRecharge!({ ...setting, idempotencyKey: 'a' })).rejects.toThrow('Stripe is unavailable');
    expect(double.state.paymentIntents.size, 'charged once').toBe(1);
    // Another default card since: Stripe's key for the charge would differ, so only the engine can tell it was paid.
    await adapter.addPaymentMethod!('pm_card_mastercard');
    const credits = await adapter.setAutoRecharge!({ ...setting, idempotencyKey: 'b' });
    expect(credits.balance.amount).toBe(2500);
    expect(double.state.paymentIntents.size, 'not charged again').toBe(1);
    expect(grant).toHaveBeenCalledTimes(2);
  });

  it('asks the bank again when the same purchase is tried again after 3-D Secure failed, then grants it once', async () => {
    const { double, adapter } = await sellingCredit('pm_card_authenticationRequired');
    const [card] = await adapter.listPaymentMethods();
    const body = { packId: 'credit_25', paymentMethodId: card!.id, idempotencyKey: 'buy-1' };
    const first = await adapter.purchaseCredits!(body);
    if (first.status !== 'requires_action') throw new Error('no 3-D Secure');
    double.failAction(first.clientSecret);
    // The page repeats the same purchase under the same key (Stripe would replay its first answer).
    const again = await adapter.purchaseCredits!(body);
    expect(again.status).toBe('requires_action');
    expect([...double.state.paymentIntents.values()].map((pi) => pi.status)).toEqual(['requires_action']);
    double.completeAction(first.clientSecret);
    const done = await adapter.purchaseCredits!({ ...body, completedAction: first.clientSecret });
    expect(done).toMatchObject({ status: 'succeeded', credits: { balance: { amount: 2500 } } });
    expect(double.state.paymentIntents.size, 'one payment').toBe(1);
  });

  it('sends usage to the meters aggregated, and resends a refused batch under the same identifier', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const onUsageError = vi.fn();
    const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state: createMemoryStripeState(), usageFlushMs: 60_000, onUsageError });
    const adapter = await engine.adapterFor('alice');
    await adapter.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    for (let i = 0; i < 1_000; i++) await engine.recordUsage('alice', 'input_tokens', 5);
    const create = vi.spyOn(stripe.billing.meterEvents, 'create');
    create.mockRejectedValueOnce(Object.assign(new Error('Stripe is unavailable'), { type: 'StripeAPIError' }));
    await engine.flushUsage();
    expect(onUsageError).toHaveBeenCalledOnce();
    expect(double.state.meterEvents).toHaveLength(0);
    const refused = create.mock.calls[0]?.[0].identifier;
    await engine.flushUsage();
    expect(double.state.meterEvents.map((e) => [e.identifier, e.payload.value])).toEqual([[refused, '5000']]);
    const usage = await adapter.getUsage();
    expect(usage.meters.find((m) => m.key === 'input_tokens')?.used).toBe(5_000);
    expect(double.state.meterEvents[0]?.timestamp).toBeGreaterThan(0);
  });

  it('keeps usage whose counters could not be written, and writes it with the next flush', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const state = createMemoryStripeState();
    const onUsageError = vi.fn();
    const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state, usageFlushMs: 60_000, onUsageError });
    const adapter = await engine.adapterFor('alice');
    await adapter.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    await engine.recordUsage('alice', 'input_tokens', 100);
    await engine.recordUsage('alice', 'transcription_minutes', 2.5);
    vi.spyOn(state, 'addUsage').mockRejectedValueOnce(new Error('the database is restarting'));
    await engine.flushUsage();
    expect(onUsageError).toHaveBeenCalledOnce();
    expect(double.state.meterEvents).toHaveLength(0);
    await engine.recordUsage('alice', 'input_tokens', 1);
    await engine.flushUsage();
    const used = (await adapter.getUsage()).meters;
    expect(used.find((m) => m.key === 'input_tokens')?.used).toBe(101);
    expect(used.find((m) => m.key === 'transcription_minutes')?.used).toBe(2.5);
    const sent = (meter: string) => double.state.meterEvents.filter((e) => e.event_name === meter).reduce((sum, e) => sum + Number(e.payload.value), 0);
    expect([sent('input_tokens'), sent('transcription_minutes')]).toEqual([101, 2.5]);
  });

  it('answers 503 with Retry-After when Stripe cannot be reached, and logs what Stripe said', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const onError = vi.fn();
    const handler = createBillingHandler({ engine: createStripeEngine({ stripe, publishableKey: 'pk_test_1' }), store: createMemoryStore(), identify: () => ({ accountId: 'alice' }), onError });
    vi.spyOn(stripe.products, 'list').mockImplementation(() => {
      throw Object.assign(new Error('An error occurred with our connection to Stripe. req_123'), { type: 'StripeConnectionError' });
    });
    const response = await handler(new Request('http://billing.test/api/billing/catalog'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    const text = await response.text();
    expect(text).not.toContain('req_123');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'server' } });
    expect(onError).toHaveBeenCalledOnce();
  });

  it('on two machines over one Postgres: one key is one purchase, and two keys at once still make one plan', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const store = await createPGliteStore();
    // Two machines: each its own handler and engine (caches, process locks), sharing the database and Stripe.
    const machines = [0, 1].map(() => {
      const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state: store });
      return createBillingHandler({ engine, store, identify: (r) => ({ accountId: r.headers.get('x-account') ?? '' }) });
    });
    const activate = (machine: number, account: string, key: string) =>
      machines[machine]!(
        new Request('http://billing.test/api/billing/subscription/activate', {
          method: 'POST',
          headers: { 'x-account': account, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa' }),
        }),
      );
    const subscriptionsOf = (account: string) => [...double.state.subscriptions.values()].filter((sub) => sub.metadata.tectra_account === account).length;
    const customersOf = (account: string) => [...double.state.customers.values()].filter((c) => c.metadata.tectra_account === account).length;

    const same = await Promise.all(Array.from({ length: 6 }, (_, i) => activate(i % 2, 'erin', 'one-key')));
    expect(same.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(await Promise.all(same.map((r) => r.text()))).size).toBe(1);
    expect(subscriptionsOf('erin')).toBe(1);

    // Two tabs, two keys, two machines, at once: one plan; the other hears that there is one.
    const two = await Promise.all([activate(0, 'frank', 'tab-1'), activate(1, 'frank', 'tab-2')]);
    expect(two.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(subscriptionsOf('frank')).toBe(1);
    expect(customersOf('frank')).toBe(1);
  }, 60_000);

  it('spends a quote on the change it priced: the same quote again is refused', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    await setUpStripeCatalog(stripe, demoCatalog());
    const adapter = await createStripeEngine({ stripe, publishableKey: 'pk_test_1' }).adapterFor('alice');
    await adapter.activate({ tierId: 'starter', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    const quote = await adapter.previewChange({ tierId: 'pro', interval: 'month' });
    expect(await adapter.changeTier({ tierId: 'pro', interval: 'month', quoteId: quote.id ?? '', idempotencyKey: 'k2' })).toMatchObject({ status: 'succeeded' });
    await adapter.changeTier({ tierId: 'starter', interval: 'month', idempotencyKey: 'k3' });
    await adapter.cancelScheduledChange({ idempotencyKey: 'k4' });
    await expect(adapter.changeTier({ tierId: 'pro', interval: 'month', quoteId: quote.id ?? '', idempotencyKey: 'k5' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
