// The Stripe engine when a payment does not simply go through: 3-D Secure on a purchase, an
// upgrade and an invoice; a declined purchase retried with another card (the same
// subscription, never two) or for another choice (the unpaid one goes); a past-due invoice
// paid with a new card; and the subscription states the contract shows (trial, time zone).
import { describe, expect, it, vi } from 'vitest';
import { demoCatalog } from '../../src/adapters/memory/catalogs.js';
import { createMemoryStripeState, createStripeEngine, setUpStripeCatalog } from '../../src/server/index.js';
import { createStripeDouble } from '../stripe-double/double.js';
import { refusal } from './helpers.js';

async function stripeSetup() {
  const double = createStripeDouble();
  const stripe = double.client();
  await setUpStripeCatalog(stripe, demoCatalog());
  const state = createMemoryStripeState();
  const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_1', state, usageFlushMs: 60_000 });
  const alice = await engine.adapterFor('alice');
  const mark = () => double.calls.length;
  const since = (from: number, method: string, pattern: RegExp) => double.calls.slice(from).filter((c) => c.method === method && pattern.test(c.path));
  const subscriptions = () => [...double.state.subscriptions.values()];
  return { double, stripe, state, engine, alice, mark, since, subscriptions };
}


const PRO = { tierId: 'pro', interval: 'month' } as const;

describe('the Stripe engine: purchases that need more than a card', () => {
  it('asks for 3-D Secure with the invoice’s client secret, and the same subscription is active after it', async () => {
    const { alice, double, subscriptions } = await stripeSetup();
    const first = await alice.activate({ ...PRO, paymentMethodId: 'pm_card_authenticationRequired', idempotencyKey: 'k1' });
    const invoice = [...double.state.invoices.values()][0]!;
    expect(first).toEqual({ status: 'requires_action', clientSecret: invoice.confirmation_secret?.client_secret });
    expect((await alice.getSubscription()).status).toBe('incomplete');
    double.completeAction(invoice.confirmation_secret?.client_secret ?? '');
    // The kit reads the plan back after authenticating (read through to Stripe, no webhook needed).
    expect(await alice.getSubscription()).toMatchObject({ status: 'active', tierId: 'pro' });
    expect(subscriptions()).toHaveLength(1);
  });

  it('pays the same subscription when a declined purchase is retried with another card', async () => {
    const { alice, mark, since, subscriptions } = await stripeSetup();
    expect(await refusal(alice.activate({ ...PRO, paymentMethodId: 'pm_card_chargeDeclined', idempotencyKey: 'k1' }))).toEqual(['card_declined', 402, 'The card was declined. Try another card.']);
    const [unpaid] = subscriptions();
    expect(unpaid?.status).toBe('incomplete');
    const from = mark();
    const bought = await alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'k2' });
    expect(bought).toMatchObject({ status: 'succeeded', subscription: { status: 'active' } });
    expect(subscriptions().map((s) => s.id)).toEqual([unpaid?.id]);
    const card = (await alice.listPaymentMethods()).find((c) => c.last4 === '4242')?.id;
    expect(since(from, 'POST', /^\/v1\/subscriptions\/sub_/).map((c) => c.params)).toEqual([{ default_payment_method: card }]);
    const [pay] = since(from, 'POST', /^\/v1\/invoices\/in_\w+\/pay$/);
    expect(pay?.params).toEqual({ payment_method: card });
    expect(pay?.idempotencyKey).toMatch(/^tectra_pay_in_\w+_pm_\w+_[0-9a-f]{32}$/);
    expect(since(from, 'POST', /^\/v1\/subscriptions$/)).toEqual([]);
  });

  it('drops an unpaid subscription when the retry is for another choice, and makes the new one', async () => {
    const { alice, mark, since, subscriptions } = await stripeSetup();
    await refusal(alice.activate({ ...PRO, paymentMethodId: 'pm_card_chargeDeclined', idempotencyKey: 'k1' }));
    const [unpaid] = subscriptions();
    const from = mark();
    const bought = await alice.activate({ tierId: 'starter', interval: 'month', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k2' });
    expect(bought).toMatchObject({ status: 'succeeded', subscription: { tierId: 'starter', status: 'active' } });
    expect(since(from, 'DELETE', /^\/v1\/subscriptions\/sub_/).map((c) => c.path)).toEqual([`/v1/subscriptions/${unpaid?.id}`]);
    expect(subscriptions().map((s) => s.status)).toEqual(['canceled', 'active']);
  });
});

describe('the Stripe engine: upgrades and invoices that need more than a card', () => {
  async function onPro(card: 'pm_card_authenticationRequired' | 'pm_card_chargeDeclined') {
    const setup = await stripeSetup();
    await setup.alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'buy' });
    await setup.alice.addPaymentMethod?.(card);
    return setup;
  }

  it('asks for 3-D Secure on an upgrade whose proration needs it, and keeps the plan until it is done', async () => {
    const { alice, double } = await onPro('pm_card_authenticationRequired');
    const answer = await alice.changeTier({ tierId: 'team', interval: 'month', seats: 3, idempotencyKey: 'up' });
    const latest = [...double.state.invoices.values()].at(-1)!;
    expect(answer).toEqual({ status: 'requires_action', clientSecret: latest.confirmation_secret?.client_secret });
    expect(await alice.getSubscription()).toMatchObject({ tierId: 'pro' });
  });

  it('refuses an upgrade the card declines, and keeps the plan', async () => {
    const { alice } = await onPro('pm_card_chargeDeclined');
    expect(await refusal(alice.changeTier({ tierId: 'team', interval: 'month', seats: 3, idempotencyKey: 'up' }))).toEqual(['card_declined', 402, 'The card was declined. Try another card.']);
    expect(await alice.getSubscription()).toMatchObject({ status: 'active', tierId: 'pro' });
  });

  it('pays a past-due invoice with a new card, and hears an authentication that did not complete', async () => {
    const { alice, double, mark, since } = await onPro('pm_card_chargeDeclined');
    double.advanceTo(new Date(double.now().getTime() + 32 * 86_400_000));
    expect((await alice.getSubscription()).status).toBe('past_due');
    const open = (await alice.listInvoices({})).items.find((i) => i.status === 'open')!;
    expect(await refusal(alice.payInvoice(open.id, { completedAction: 'pi_x_secret_y', idempotencyKey: 'p0' }))).toEqual(['authentication_failed', 422, 'The card could not be authenticated.']);
    expect(await refusal(alice.payInvoice(open.id, { idempotencyKey: 'p1' }))).toEqual(['card_declined', 402, 'The card was declined. Try another card.']);
    const [defaultPay] = since(0, 'POST', /\/pay$/).slice(-1);
    expect(defaultPay?.params).toEqual({});
    expect(defaultPay?.idempotencyKey).toMatch(/^tectra_pay_in_\w+_default_[0-9a-f]{32}$/);
    const visa = (await alice.listPaymentMethods()).find((c) => c.last4 === '4242')!.id;
    const from = mark();
    const paid = await alice.payInvoice(open.id, { paymentMethodId: visa, idempotencyKey: 'p2' });
    expect(since(from, 'POST', /\/pay$/).map((c) => c.params)).toEqual([{ payment_method: visa }]);
    expect(paid).toMatchObject({ status: 'succeeded', invoice: { id: open.id, status: 'paid', amountDue: { amount: 0 } }, subscription: { status: 'active' } });
    // Paid: no longer open, so a completed-authentication call has nothing to fail.
    expect(await alice.payInvoice(open.id, { completedAction: 'pi_x_secret_y', idempotencyKey: 'p3' })).toMatchObject({ status: 'succeeded' });
  });

  it('asks for 3-D Secure on an invoice paid with a card that needs it', async () => {
    const { alice, double } = await onPro('pm_card_chargeDeclined');
    double.advanceTo(new Date(double.now().getTime() + 32 * 86_400_000));
    const open = (await alice.listInvoices({})).items.find((i) => i.status === 'open')!;
    await alice.addPaymentMethod?.('pm_card_authenticationRequired');
    const card = (await alice.listPaymentMethods()).find((c) => c.last4 === '3184')!.id;
    const answer = await alice.payInvoice(open.id, { paymentMethodId: card, idempotencyKey: 'p1' });
    expect(answer).toEqual({ status: 'requires_action', clientSecret: double.state.invoices.get(open.id)?.confirmation_secret?.client_secret });
    expect(answer.status === 'requires_action' && answer.clientSecret).toMatch(/_secret_/);
  });
});

describe('the Stripe engine: the subscription as the contract shows it', () => {
  it('shows a trial’s end and the account’s time zone, and a canceled plan without a next payment', async () => {
    const { alice, subscriptions, state } = await stripeSetup();
    await alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'buy' });
    const sub = subscriptions()[0]!;
    const trialEnd = sub.items.data[0]!.current_period_end;
    Object.assign(sub, { status: 'trialing', trial_end: trialEnd });
    await state.saveAccount({ accountId: 'alice', timeZone: 'Europe/Paris' });
    expect(await alice.getSubscription()).toMatchObject({ status: 'trialing', trialEnd: new Date(trialEnd * 1000).toISOString(), timeZone: 'Europe/Paris', nextPayment: { amount: { amount: 4900 } } });
    Object.assign(sub, { status: 'unpaid' });
    expect((await alice.getSubscription()).status).toBe('past_due');
    Object.assign(sub, { status: 'incomplete_expired' });
    expect(await alice.getSubscription()).toEqual({ status: 'none' });
  });
});

describe('the Stripe engine: money and ownership at the edges', () => {
  it('makes a new subscription when a declined purchase is retried with other seats or another code, never paying the old choice', async () => {
    const { alice, subscriptions } = await stripeSetup();
    const team = { tierId: 'team', interval: 'month' } as const;
    await refusal(alice.activate({ ...team, seats: 3, paymentMethodId: 'pm_card_chargeDeclined', idempotencyKey: 'k1' }));
    await alice.activate({ ...team, seats: 5, paymentMethodId: 'pm_card_visa', idempotencyKey: 'k2' });
    expect(subscriptions().map((s) => [s.status, s.items.data[0]?.quantity])).toEqual([
      ['canceled', 3],
      ['active', 5],
    ]);
    const other = await stripeSetup();
    const half = await other.stripe.coupons.create({ duration: 'once', percent_off: 50 });
    await other.stripe.promotionCodes.create({ code: 'LAUNCH50', promotion: { type: 'coupon', coupon: half.id } });
    await refusal(other.alice.activate({ ...PRO, paymentMethodId: 'pm_card_chargeDeclined', idempotencyKey: 'k1' }));
    const bought = await other.alice.activate({ ...PRO, couponCode: 'LAUNCH50', paymentMethodId: 'pm_card_visa', idempotencyKey: 'k2' });
    expect(other.subscriptions().map((s) => s.status)).toEqual(['canceled', 'active']);
    expect(bought).toMatchObject({ status: 'succeeded', subscription: { discount: { percentOff: 50 } } });
  });

  it('never calls a failure of Stripe a decline, or a missing object: it stays an outage', async () => {
    const { alice, stripe } = await stripeSetup();
    const outage = () => Object.assign(new Error('An error occurred with our connection to Stripe.'), { type: 'StripeConnectionError' });
    const retrieve = vi.spyOn(stripe.paymentMethods, 'retrieve').mockRejectedValueOnce(outage());
    await expect(alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'k1' })).rejects.toMatchObject({ type: 'StripeConnectionError' });
    retrieve.mockRestore();
    const pay = vi.spyOn(stripe.invoices, 'pay').mockRejectedValueOnce(outage());
    await expect(alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'k2' })).rejects.toMatchObject({ type: 'StripeConnectionError' });
    // An invalid request with a code of its own is not a card's decline either.
    pay.mockRejectedValueOnce(Object.assign(new Error('No such invoice'), { type: 'StripeInvalidRequestError', code: 'resource_missing' }));
    await expect(alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'k3' })).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
    pay.mockRestore();
    expect(await alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'k4' })).toMatchObject({ status: 'succeeded' });
  });

  it('does not let an account use a card another customer once had', async () => {
    const { alice, engine } = await stripeSetup();
    await alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    await alice.addPaymentMethod?.('pm_card_mastercard');
    const old = (await alice.listPaymentMethods()).find((c) => c.brand === 'mastercard')!.id;
    await alice.removePaymentMethod(old);
    const bob = await engine.adapterFor('bob');
    expect(await refusal(bob.activate({ ...PRO, paymentMethodId: old, idempotencyKey: 'b' }))).toEqual(['not_found', 404, 'That card does not exist.']);
    expect(await refusal(bob.addPaymentMethod!(old))).toEqual(['not_found', 404, 'That card does not exist.']);
  });

  it('refuses a promotion code past its expiry even while Stripe still lists it as active', async () => {
    const { alice, stripe, double } = await stripeSetup();
    const coupon = await stripe.coupons.create({ duration: 'once', percent_off: 30 });
    await stripe.promotionCodes.create({ code: 'LATE30', promotion: { type: 'coupon', coupon: coupon.id }, expires_at: Math.floor(double.now().getTime() / 1000) - 60 });
    expect(await refusal(alice.validateCoupon('LATE30', PRO))).toEqual(['coupon_invalid', 422, 'The code "LATE30" is not valid.']);
    await stripe.promotionCodes.create({ code: 'SOON30', promotion: { type: 'coupon', coupon: coupon.id }, expires_at: Math.floor(Date.now() / 1000) + 3_600 });
    expect(await alice.validateCoupon('SOON30', PRO)).toMatchObject({ code: 'SOON30', percentOff: 30 });
  });

  it('prices an upgrade with Stripe’s preview at the quote’s proration date, always invoiced', async () => {
    const { alice, mark, since } = await stripeSetup();
    await alice.activate({ ...PRO, paymentMethodId: 'pm_card_visa', idempotencyKey: 'a' });
    const from = mark();
    const quote = await alice.previewChange({ tierId: 'team', interval: 'month', seats: 3 });
    const [preview] = since(from, 'POST', /^\/v1\/invoices\/create_preview$/);
    expect(preview?.params).toMatchObject({
      customer: expect.stringMatching(/^cus_/),
      subscription: expect.stringMatching(/^sub_/),
      subscription_details: { proration_behavior: 'always_invoice', proration_date: String(Math.floor(new Date(quote.effectiveAt ?? 0).getTime() / 1000)) },
    });
    expect(quote.proration.amount).toBeGreaterThan(0);
    expect(quote.dueNow.amount).toBe(quote.proration.amount);
    // A first purchase's preview names no customer yet when there is none.
    const bob = await stripeSetup();
    const first = bob.mark();
    await bob.alice.previewChange(PRO);
    expect(bob.since(first, 'POST', /^\/v1\/invoices\/create_preview$/)[0]?.params).toMatchObject({ subscription_details: { items: [{ quantity: '1' }] } });
    expect(bob.since(first, 'POST', /^\/v1\/invoices\/create_preview$/)[0]?.params.customer).toBeUndefined();
  });
});
