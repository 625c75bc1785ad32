// The Stripe engine, call by call: what it asks Stripe for (parameters and idempotency keys,
// read from the double's request log), what it answers the kit (the contract's objects), and
// every refusal word for word. The contract suite proves the journeys on both engines; this
// file proves the mapping to Stripe that the journeys cannot see.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoCatalog } from '../../src/adapters/memory/catalogs.js';
import { demoCoupons } from '../../src/adapters/memory/scenarios.js';
import { createMemoryStripeState, createStripeEngine, setUpStripeCatalog, type StripeEngineOptions } from '../../src/server/index.js';
import { createStripeDouble } from '../stripe-double/double.js';
import { refusal } from './helpers.js';

afterEach(() => vi.useRealTimers());

const KEY = /^tectra_[a-z]+_[0-9a-f]{32}$/;

async function stripeSetup(options: Partial<StripeEngineOptions> = {}) {
  const double = createStripeDouble();
  const stripe = double.client();
  await setUpStripeCatalog(stripe, demoCatalog(), demoCoupons('USD'));
  const state = createMemoryStripeState();
  const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state, usageFlushMs: 60_000, ...options });
  const priceId = (lookup: string) => [...double.state.prices.values()].find((p) => p.lookup_key === lookup)?.id ?? `no price ${lookup}`;
  /** The calls made since `mark()`, e.g. `since(mark, 'POST /v1/subscriptions')`. */
  const mark = () => double.calls.length;
  const since = (from: number, route?: string) => double.calls.slice(from).filter((c) => !route || `${c.method} ${c.path}`.replace(/\/([a-z_]+?)_dbl\w+/g, '/$1_x') === route);
  return { double, stripe, state, engine, adapter: (account = 'alice') => engine.adapterFor(account), priceId, mark, since };
}


describe('the Stripe engine: what a purchase asks of Stripe', () => {
  it('makes one customer per account and one subscription per purchase, each under a key of its own', async () => {
    const { adapter, double, mark, since, priceId } = await stripeSetup();
    const alice = await adapter('alice');
    const from = mark();
    const intent = await alice.createSetupIntent();
    const [customer] = since(from, 'POST /v1/customers');
    expect(customer?.params).toMatchObject({ metadata: { tectra_account: 'alice' } });
    expect(customer?.idempotencyKey).toMatch(/^tectra_customer_[0-9a-f]{32}$/);
    const customerId = [...double.state.customers.keys()][0];
    expect(since(from, 'POST /v1/setup_intents')[0]?.params).toEqual({ customer: customerId, usage: 'off_session' });
    expect(intent).toEqual({ provider: 'stripe', publishableKey: 'pk_test_1', clientSecret: expect.stringMatching(/^seti_\w+_secret_\w+$/) });

    const buying = mark();
    await alice.activate({ tierId: 'team', interval: 'month', seats: 4, couponCode: ' TEAMFOREVER ', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    expect(since(buying, 'GET /v1/promotion_codes')[0]?.params).toEqual({ code: 'TEAMFOREVER', active: 'true', limit: '1', expand: ['data.promotion.coupon'] });
    const [created] = since(buying, 'POST /v1/subscriptions');
    const promo = [...double.state.promotionCodes.values()].find((p) => p.code === 'TEAMFOREVER');
    expect(created?.params).toEqual({
      customer: customerId,
      items: [{ price: priceId('tectra_team_month'), quantity: '4' }],
      payment_behavior: 'default_incomplete',
      payment_settings: { save_default_payment_method: 'on_subscription' },
      // The test token, attached to the customer as a card of its own.
      default_payment_method: (await alice.listPaymentMethods())[0]?.id,
      discounts: [{ promotion_code: promo?.id }],
      metadata: { tectra_account: 'alice' },
    });
    expect(created?.idempotencyKey).toMatch(/^tectra_subscription_[0-9a-f]{32}$/);
    // The card becomes the customer's default, for invoices outside the subscription.
    expect(since(buying, 'POST /v1/customers/cus_x').map((c) => c.params)).toContainEqual({ invoice_settings: { default_payment_method: created?.params.default_payment_method } });
    expect(since(buying, 'POST /v1/payment_methods/pm_card_visa/attach')[0]?.params).toEqual({ customer: customerId });

    // Another account's request under the same key is another Stripe request.
    const bobs = mark();
    await (await adapter('bob')).activate({ tierId: 'team', interval: 'month', seats: 4, couponCode: 'TEAMFOREVER', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    const bobsKey = since(bobs, 'POST /v1/subscriptions')[0]?.idempotencyKey;
    expect(bobsKey).toMatch(KEY);
    expect(bobsKey).not.toBe(created?.idempotencyKey);
    expect(since(bobs, 'POST /v1/customers')[0]?.idempotencyKey).not.toBe(customer?.idempotencyKey);
  });

  it('reads the plan back as the contract has it: seats, the next payment per seat, the discount and the period', async () => {
    const { adapter, double } = await stripeSetup();
    const alice = await adapter('alice');
    const bought = await alice.activate({ tierId: 'team', interval: 'month', seats: 4, couponCode: 'TEAMFOREVER', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' });
    const sub = [...double.state.subscriptions.values()][0]!;
    const item = sub.items.data[0]!;
    const iso = (s: number) => new Date(s * 1000).toISOString();
    expect(bought).toEqual({
      status: 'succeeded',
      subscription: {
        status: 'active',
        tierId: 'team',
        interval: 'month',
        seats: 4,
        currentPeriod: { start: iso(item.current_period_start), end: iso(item.current_period_end) },
        // What the renewal will ask: four seats, less the code's 10 % forever (Stripe's upcoming invoice).
        nextPayment: { amount: { amount: 3900 * 4 * 0.9, currency: 'USD' }, dueDate: iso(item.current_period_end) },
        discount: { code: expect.any(String), percentOff: 10, duration: 'forever' },
      },
    });
    expect(await alice.getSubscription()).toEqual(bought.status === 'succeeded' ? bought.subscription : undefined);
  });

  it('answers every coupon as the contract has it, and refuses codes that are not valid or not for this tier', async () => {
    const { adapter } = await stripeSetup();
    const alice = await adapter('alice');
    const pro = { tierId: 'pro', interval: 'month' } as const;
    expect(await alice.validateCoupon('WELCOME20', pro)).toEqual({ code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 });
    expect(await alice.validateCoupon('LAUNCH50', pro)).toEqual({ code: 'LAUNCH50', percentOff: 50, duration: 'once' });
    expect(await alice.validateCoupon('TENOFF', pro)).toEqual({ code: 'TENOFF', amountOff: { amount: 1000, currency: 'USD' }, duration: 'once' });
    expect(await alice.validateCoupon('TEAMFOREVER', { tierId: 'team', interval: 'year', seats: 3 })).toEqual({ code: 'TEAMFOREVER', percentOff: 10, duration: 'forever' });
    expect(await refusal(alice.validateCoupon('TEAMFOREVER', pro))).toEqual(['coupon_invalid', 422, 'The code "TEAMFOREVER" does not apply to this tier.']);
    expect(await refusal(alice.validateCoupon('EXPIRED10', pro))).toEqual(['coupon_invalid', 422, 'The code "EXPIRED10" is not valid.']);
    expect(await refusal(alice.validateCoupon('NOPE', pro))).toEqual(['coupon_invalid', 422, 'The code "NOPE" is not valid.']);
    expect(await refusal(alice.validateCoupon('', pro))).toEqual(['coupon_invalid', 422, 'Enter a code.']);
    expect(await refusal(alice.validateCoupon('LAUNCH50', { tierId: 'enterprise', interval: 'month' }))).toEqual(['invalid_request', 400, 'That tier is not offered for this interval.']);
  });
});

describe('the Stripe engine: changes, call by call', () => {
  async function subscribed(tierId = 'pro', seats?: number) {
    const setup = await stripeSetup();
    const alice = await setup.adapter('alice');
    await alice.activate({ tierId, interval: 'month', ...(seats ? { seats } : {}), paymentMethodId: 'pm_card_visa', idempotencyKey: 'buy' });
    const sub = () => [...setup.double.state.subscriptions.values()][0]!;
    return { ...setup, alice, sub };
  }

  it('upgrades now with the quoted proration date, and keys the change', async () => {
    const { alice, mark, since, priceId, sub } = await subscribed('pro');
    const quote = await alice.previewChange({ tierId: 'team', interval: 'month', seats: 3 });
    const from = mark();
    const changed = await alice.changeTier({ tierId: 'team', interval: 'month', seats: 3, quoteId: quote.id, idempotencyKey: 'up' });
    const [update] = since(from, 'POST /v1/subscriptions/sub_x');
    expect(update?.params).toEqual({
      items: [{ id: sub().items.data[0]?.id, price: priceId('tectra_team_month'), quantity: '3' }],
      proration_behavior: 'always_invoice',
      proration_date: String(Math.floor(new Date(quote.effectiveAt ?? 0).getTime() / 1000)),
      payment_behavior: 'pending_if_incomplete',
    });
    expect(update?.idempotencyKey).toMatch(/^tectra_upgrade_[0-9a-f]{32}$/);
    expect(changed).toMatchObject({ status: 'succeeded', subscription: { tierId: 'team', seats: 3 } });
    // A quote is spent by its change.
    expect(await refusal(alice.changeTier({ tierId: 'team', interval: 'month', seats: 3, quoteId: quote.id, idempotencyKey: 'up2' }))).toEqual([
      'conflict',
      409,
      'The price quote was used for a change already; ask for a new one.',
    ]);
  });

  it('downgrades at the period end through a schedule that releases, shows it, and drops it on request', async () => {
    const { alice, mark, since, priceId, sub, double } = await subscribed('pro');
    const item = sub().items.data[0]!;
    const from = mark();
    const changed = await alice.changeTier({ tierId: 'starter', interval: 'month', idempotencyKey: 'down' });
    expect(since(from, 'POST /v1/subscription_schedules')[0]?.params).toEqual({ from_subscription: sub().id });
    const [update] = since(from, 'POST /v1/subscription_schedules/sub_sched_x');
    expect(update?.params).toEqual({
      end_behavior: 'release',
      phases: [
        { items: [{ price: priceId('tectra_pro_month'), quantity: '1' }], start_date: String(item.current_period_start), end_date: String(item.current_period_end) },
        { items: [{ price: priceId('tectra_starter_month'), quantity: '1' }], start_date: String(item.current_period_end) },
      ],
    });
    expect(update?.idempotencyKey).toMatch(/^tectra_downgrade_[0-9a-f]{32}$/);
    const effectiveAt = new Date(item.current_period_end * 1000).toISOString();
    expect(changed).toMatchObject({
      subscription: { tierId: 'pro', scheduledChange: { tierId: 'starter', interval: 'month', effectiveAt }, nextPayment: { amount: { amount: 1900, currency: 'USD' }, dueDate: effectiveAt } },
    });
    // Keeping the current plan drops the scheduled change too.
    const keeping = mark();
    const kept = await alice.changeTier({ tierId: 'pro', interval: 'month', idempotencyKey: 'keep' });
    expect(since(keeping).map((c) => `${c.method} ${c.path}`)).toContain(`POST /v1/subscription_schedules/${[...double.state.schedules.keys()][0]}/release`);
    expect(kept).toMatchObject({ subscription: { tierId: 'pro', nextPayment: { amount: { amount: 4900 } } } });
    expect(kept.status === 'succeeded' && kept.subscription.scheduledChange).toBeUndefined();
    await alice.changeTier({ tierId: 'starter', interval: 'month', idempotencyKey: 'down2' });
    expect((await alice.cancelScheduledChange({ idempotencyKey: 'undo' })).scheduledChange).toBeUndefined();
    expect(await refusal(alice.cancelScheduledChange({ idempotencyKey: 'undo2' }))).toEqual(['conflict', 409, 'There is no scheduled change.']);
  });

  it('cancels at the period end with the reason and comment, resumes, then cancels now', async () => {
    const { alice, mark, since } = await subscribed('pro');
    const from = mark();
    const ending = await alice.cancelSubscription({ atPeriodEnd: true, reason: 'too_expensive', comment: 'Over budget', idempotencyKey: 'c1' });
    const [update] = since(from, 'POST /v1/subscriptions/sub_x');
    expect(update?.params).toEqual({ cancel_at_period_end: 'true', cancellation_details: { feedback: 'too_expensive', comment: 'Over budget' } });
    expect(update?.idempotencyKey).toMatch(/^tectra_cancel_[0-9a-f]{32}$/);
    expect(ending).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect(ending.nextPayment).toBeUndefined();

    const resuming = mark();
    const resumed = await alice.resumeSubscription({ idempotencyKey: 'r1' });
    const [resume] = since(resuming, 'POST /v1/subscriptions/sub_x');
    expect(resume?.params).toEqual({ cancel_at_period_end: 'false' });
    expect(resume?.idempotencyKey).toMatch(/^tectra_resume_[0-9a-f]{32}$/);
    expect(resumed.cancelAtPeriodEnd).toBeUndefined();
    expect(resumed.nextPayment).toMatchObject({ amount: { amount: 4900 } });
    expect(await refusal(alice.resumeSubscription({ idempotencyKey: 'r2' }))).toEqual(['conflict', 409, 'The plan is not set to end.']);

    const now = mark();
    const canceled = await alice.cancelSubscription({ atPeriodEnd: false, reason: 'unused', idempotencyKey: 'c2' });
    const [cancel] = since(now, 'DELETE /v1/subscriptions/sub_x');
    expect(cancel?.params).toEqual({ cancellation_details: { feedback: 'unused' } });
    expect(canceled.status).toBe('canceled');
    expect(canceled.nextPayment).toBeUndefined();
    expect(await refusal(alice.cancelSubscription({ atPeriodEnd: true, idempotencyKey: 'c3' }))).toEqual(['conflict', 409, 'There is no plan to cancel.']);
    expect(await refusal(alice.changeTier({ tierId: 'team', interval: 'month', idempotencyKey: 'x' }))).toEqual(['conflict', 409, 'There is no plan to change.']);
    expect(await refusal(alice.resumeSubscription({ idempotencyKey: 'r3' }))).toEqual(['conflict', 409, 'The plan is not set to end.']);
  });
});

describe('the Stripe engine: refusals, word for word', () => {
  it('refuses a purchase without a card, a second plan, a declined card, and a card that is not the account’s', async () => {
    const { adapter } = await stripeSetup();
    const alice = await adapter('alice');
    const bob = await adapter('bob');
    const pro = { tierId: 'pro', interval: 'month' } as const;
    expect(await refusal(alice.activate({ ...pro, idempotencyKey: 'a0' }))).toEqual(['invalid_request', 400, 'Add a card to subscribe.']);
    expect(await refusal(alice.activate({ ...pro, paymentMethodId: 'pm_card_chargeDeclined', idempotencyKey: 'a1' }))).toEqual(['card_declined', 402, 'The card was declined. Try another card.']);
    await alice.activate({ ...pro, paymentMethodId: 'pm_card_visa', idempotencyKey: 'a2' });
    expect(await refusal(alice.activate({ ...pro, paymentMethodId: 'pm_card_visa', idempotencyKey: 'a3' }))).toEqual(['conflict', 409, 'This account already has a plan; change it instead.']);
    const alicesCard = (await alice.listPaymentMethods())[0]!.id;
    expect(await refusal(bob.activate({ ...pro, paymentMethodId: alicesCard, idempotencyKey: 'b1' }))).toEqual(['not_found', 404, 'That card does not exist.']);
    expect(await refusal(bob.activate({ ...pro, paymentMethodId: 'pm_1NotATestToken', idempotencyKey: 'b2' }))).toEqual(['not_found', 404, 'That card does not exist.']);
    // Bob has no customer yet: no card of his exists.
    const fresh = await adapter('carol');
    expect(await refusal(fresh.setDefaultPaymentMethod(alicesCard))).toEqual(['not_found', 404, 'That card does not exist.']);
    expect(await refusal(fresh.removePaymentMethod(alicesCard))).toEqual(['not_found', 404, 'That card does not exist.']);
    expect(await refusal(bob.setDefaultPaymentMethod(alicesCard))).toEqual(['not_found', 404, 'That card does not exist.']);
    expect(await refusal(bob.removePaymentMethod(alicesCard))).toEqual(['not_found', 404, 'That card does not exist.']);
    const dave = await adapter('dave');
    await dave.activate({ ...pro, paymentMethodId: 'pm_card_visa', idempotencyKey: 'd1' });
    const davesCard = (await dave.listPaymentMethods())[0]!.id;
    expect(await refusal(dave.removePaymentMethod(davesCard))).toEqual(['conflict', 409, 'The only card of an active subscription cannot be removed; add another card first.']);
  });

  it('checks a quote: the account’s own, unexpired to the millisecond, unused, for this selection and code', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T10:00:00Z') });
    const { adapter } = await stripeSetup({ quoteTtlMinutes: 30 });
    const alice = await adapter('alice');
    const bob = await adapter('bob');
    const pro = { tierId: 'pro', interval: 'month' } as const;
    const card = { paymentMethodId: 'pm_card_visa' };
    const quote = await alice.previewChange({ ...pro, couponCode: 'LAUNCH50' });
    expect(quote.expiresAt).toBe('2026-12-04T10:30:00.000Z');
    expect(await refusal(alice.activate({ ...pro, ...card, quoteId: 'quo_unknown', idempotencyKey: 'q1' }))).toEqual(['conflict', 409, 'The price quote is unknown; ask for a new one.']);
    expect(await refusal(bob.activate({ ...pro, ...card, couponCode: 'LAUNCH50', quoteId: quote.id, idempotencyKey: 'q2' }))).toEqual(['conflict', 409, 'The price quote is unknown; ask for a new one.']);
    expect(await refusal(alice.activate({ ...pro, ...card, quoteId: quote.id, idempotencyKey: 'q3' }))).toEqual(['conflict', 409, 'The price quote is for another selection.']);
    expect(await refusal(alice.activate({ tierId: 'pro', interval: 'year', ...card, couponCode: 'LAUNCH50', quoteId: quote.id, idempotencyKey: 'q4' }))).toEqual(['conflict', 409, 'The price quote is for another selection.']);
    vi.setSystemTime(new Date('2026-12-04T10:30:00.001Z'));
    expect(await refusal(alice.activate({ ...pro, ...card, couponCode: 'LAUNCH50', quoteId: quote.id, idempotencyKey: 'q5' }))).toEqual(['conflict', 409, 'The price quote has expired; ask for a new one.']);
    vi.setSystemTime(new Date('2026-12-04T10:30:00.000Z'));
    expect(await alice.activate({ ...pro, ...card, couponCode: 'LAUNCH50', quoteId: quote.id, idempotencyKey: 'q6' })).toMatchObject({ status: 'succeeded' });
  });

  it('pays only the account’s own open invoices', async () => {
    const { adapter, double } = await stripeSetup();
    const alice = await adapter('alice');
    await alice.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    const paid = [...double.state.invoices.values()].find((i) => i.status === 'paid')!;
    const bob = await adapter('bob');
    await bob.createSetupIntent();
    expect(await refusal(alice.payInvoice('in_missing', { idempotencyKey: 'p1' }))).toEqual(['not_found', 404, 'That invoice does not exist.']);
    expect(await refusal(bob.payInvoice(paid.id ?? '', { idempotencyKey: 'p2' }))).toEqual(['not_found', 404, 'That invoice does not exist.']);
    expect(await refusal((await adapter('carol')).payInvoice(paid.id ?? '', { idempotencyKey: 'p3' }))).toEqual(['not_found', 404, 'That invoice does not exist.']);
    // Paid already: the answer, no second charge.
    const requests = double.requests.length;
    expect(await alice.payInvoice(paid.id ?? '', { idempotencyKey: 'p4' })).toMatchObject({ status: 'succeeded', invoice: { id: paid.id, status: 'paid' } });
    expect(double.requests.slice(requests).filter((r) => r.endsWith('/pay'))).toEqual([]);
  });
});

describe('the Stripe engine: cards and invoices as the contract has them', () => {
  it('lists cards with the default first-class, moves the default to a new card, and to the next one when it is removed', async () => {
    const { adapter, mark, since, double } = await stripeSetup();
    const alice = await adapter('alice');
    await alice.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    const from = mark();
    const [visa] = await alice.listPaymentMethods();
    expect(since(from, 'GET /v1/customers/cus_x/payment_methods')[0]?.params).toEqual({ type: 'card', limit: '100' });
    expect(visa).toEqual({ id: expect.stringMatching(/^pm_/), type: 'card', brand: 'visa', last4: '4242', expMonth: expect.any(Number), expYear: expect.any(Number), isDefault: true });
    const adding = mark();
    await alice.addPaymentMethod?.('pm_card_mastercard');
    const subId = [...double.state.subscriptions.keys()][0];
    const mastercard = (await alice.listPaymentMethods()).find((c) => c.brand === 'mastercard')!.id;
    expect(since(adding).map((c) => [`${c.method} ${c.path}`, c.params])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^POST \/v1\/customers\/cus_/), { invoice_settings: { default_payment_method: mastercard } }],
        [`POST /v1/subscriptions/${subId}`, { default_payment_method: mastercard }],
      ]),
    );
    expect((await alice.listPaymentMethods()).map((c) => [c.brand, c.isDefault])).toEqual(expect.arrayContaining([['mastercard', true], ['visa', false]]));
    await alice.removePaymentMethod(mastercard);
    expect((await alice.listPaymentMethods()).map((c) => [c.id, c.isDefault])).toEqual([[visa?.id, true]]);
    // Removing a card that is not the default leaves the default alone.
    await alice.addPaymentMethod?.('pm_card_mastercard');
    const second = (await alice.listPaymentMethods()).find((c) => c.brand === 'mastercard')!.id;
    await alice.setDefaultPaymentMethod(visa?.id ?? '');
    const removing = mark();
    await alice.removePaymentMethod(second);
    expect(since(removing, 'POST /v1/customers/cus_x')).toEqual([]);
    expect((await alice.listPaymentMethods()).map((c) => [c.id, c.isDefault])).toEqual([[visa?.id, true]]);
  });

  it('pages invoices with Stripe’s cursor, without drafts, with their links and dates', async () => {
    const { adapter, double, mark, since } = await stripeSetup();
    const alice = await adapter('alice');
    expect(await alice.listInvoices({})).toEqual({ items: [], nextCursor: null });
    await alice.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    for (let month = 1; month <= 3; month++) double.advanceTo(new Date(double.now().getTime() + 32 * 86_400_000));
    const from = mark();
    const first = await alice.listInvoices({ limit: 2 });
    expect(since(from, 'GET /v1/invoices')[0]?.params).toEqual({ customer: expect.stringMatching(/^cus_/), limit: '2' });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const invoice = [...double.state.invoices.values()].find((i) => i.id === first.items[0]?.id)!;
    expect(first.items[0]).toEqual({
      id: invoice.id,
      number: invoice.number ?? invoice.id,
      status: 'paid',
      total: { amount: 4900, currency: 'USD' },
      amountDue: { amount: 0, currency: 'USD' },
      createdAt: new Date(invoice.created * 1000).toISOString(),
      periodStart: new Date(invoice.lines.data[0]!.period.start * 1000).toISOString(),
      periodEnd: new Date(invoice.lines.data[0]!.period.end * 1000).toISOString(),
      ...(invoice.invoice_pdf ? { pdfUrl: invoice.invoice_pdf } : {}),
      ...(invoice.hosted_invoice_url ? { hostedUrl: invoice.hosted_invoice_url } : {}),
    });
    const paging = mark();
    const rest = await alice.listInvoices({ limit: 2, cursor: first.nextCursor ?? '' });
    expect(since(paging, 'GET /v1/invoices')[0]?.params).toMatchObject({ starting_after: first.nextCursor });
    expect(rest.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
    expect(rest.nextCursor).toBeNull();
    expect((await alice.listInvoices({})).items).toHaveLength(first.items.length + rest.items.length);
  });
});
