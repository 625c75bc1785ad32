// The Stripe double behaves as Stripe does where the engine depends on it: idempotent
// requests, signed webhooks, test cards, and the clock.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createStripeDouble } from '../stripe-double/double.js';

async function withPrice() {
  const double = createStripeDouble({ now: new Date('2026-11-20T00:00:00Z') });
  const stripe = double.client();
  const product = await stripe.products.create({ name: 'Pro', metadata: { tectra_tier: 'pro' } });
  const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 4900, recurring: { interval: 'month' } });
  const customer = await stripe.customers.create({ metadata: { tectra_account: 'alice' } });
  return { double, stripe, price, customer };
}

describe('the Stripe double', () => {
  it('answers a repeated idempotency key with the first object, and refuses it for other params', async () => {
    const { double, stripe } = await withPrice();
    const first = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k1' });
    const again = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k1' });
    expect(again.id).toBe(first.id);
    expect(double.state.customers.size).toBe(2);
    await expect(stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'k1' })).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
  });

  it('attaches test cards as new cards that decline or ask for 3-D Secure as Stripe’s do', async () => {
    const { double, stripe, price, customer } = await withPrice();
    const declined = await stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id });
    expect(declined.id).not.toBe('pm_card_chargeDeclined');
    expect(declined.card?.last4).toBe('0002');
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], payment_behavior: 'default_incomplete' });
    expect(sub.status).toBe('incomplete');
    const invoice = String(sub.latest_invoice);
    await expect(stripe.invoices.pay(invoice, { payment_method: declined.id })).rejects.toMatchObject({ type: 'StripeCardError', code: 'card_declined' });
    const secure = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    await expect(stripe.invoices.pay(invoice, { payment_method: secure.id })).rejects.toMatchObject({ type: 'StripeCardError', code: 'invoice_payment_intent_requires_action' });
    const withSecret = await stripe.invoices.retrieve(invoice, { expand: ['confirmation_secret'] });
    double.completeAction(withSecret.confirmation_secret?.client_secret ?? '');
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
    expect((await stripe.invoices.retrieve(invoice)).status).toBe('paid');
  });

  it('signs its webhook events so that stripe-node verifies them, and a changed body does not', async () => {
    const { double } = await withPrice();
    const [delivery] = await double.signedEvents();
    const verifier = new Stripe('sk_test_verifier');
    const event = await verifier.webhooks.constructEventAsync(delivery!.payload, delivery!.signature, double.webhookSecret);
    expect(event.type).toBe('product.created');
    await expect(verifier.webhooks.constructEventAsync(delivery!.payload.replace('Pro', 'Pwned'), delivery!.signature, double.webhookSecret)).rejects.toThrow();
  });

  it('renews on its clock: the scheduled phase applies, the invoice is charged to the default card', async () => {
    const { double, stripe, price, customer } = await withPrice();
    const product = await stripe.products.create({ name: 'Starter' });
    const cheaper = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 1900, recurring: { interval: 'month' } });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: card.id });
    expect(sub.status).toBe('active');
    const end = sub.items.data[0]!.current_period_end;
    const schedule = await stripe.subscriptionSchedules.create({ from_subscription: sub.id });
    await stripe.subscriptionSchedules.update(schedule.id, {
      end_behavior: 'release',
      phases: [
        { items: [{ price: price.id, quantity: 1 }], start_date: sub.items.data[0]!.current_period_start, end_date: end },
        { items: [{ price: cheaper.id, quantity: 1 }], start_date: end },
      ],
    });
    double.advanceTo(new Date(end * 1000 + 1000));
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.items.data[0]?.price.id).toBe(cheaper.id);
    expect(renewed.items.data[0]?.current_period_start).toBe(end);
    expect(renewed.schedule).toBeNull();
    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(invoices.data.map((i) => [i.total, i.status])).toEqual([[1900, 'paid'], [4900, 'paid']]);
  });
});
