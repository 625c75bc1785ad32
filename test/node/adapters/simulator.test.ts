/**
 * The simulator's rules beyond the adapter contract, on a fixed clock: what a purchase, a
 * change, a card and a payment leave behind (amounts, dates, invoices, defaults), what one
 * idempotency key replays, and what it refuses and says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, demoSnapshot, type MemoryAdapter } from '../../../src/adapters/memory/index.js';
import type { DemoScenario } from '../../../src/adapters/memory/index.js';
import type { BillingSnapshot } from '../../../src/adapters/memory/snapshot.js';
import { BillingError } from '../../../src/core/errors.js';
import { NOW } from '../../memory-client.js';

const at = () => new Date(NOW);
const make = (scenario: DemoScenario, edit: (s: BillingSnapshot) => void = () => {}, options = {}): MemoryAdapter => {
  const snapshot = demoSnapshot(scenario, { now: NOW });
  edit(snapshot);
  return createMemoryAdapter(snapshot, { now: at, ...options });
};

async function refusal(promise: Promise<unknown>): Promise<BillingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BillingError);
  return error as BillingError;
}

const PRO = { tierId: 'pro', interval: 'month' } as const;

describe('the simulator: a purchase', () => {
  it('starts the period now, bills one invoice for what is due, and keeps the account’s time zone', async () => {
    const adapter = make('new', (s) => (s.subscription.timeZone = 'Asia/Tokyo'));
    const result = await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(result).toEqual({
      status: 'succeeded',
      subscription: {
        status: 'active', tierId: 'pro', interval: 'month',
        currentPeriod: { start: NOW, end: '2026-04-15T12:00:00.000Z' },
        nextPayment: { amount: { amount: 4900, currency: 'USD' }, dueDate: '2026-04-15T12:00:00.000Z' },
        timeZone: 'Asia/Tokyo',
      },
    });
    const [invoice] = adapter.snapshot().invoices;
    expect(invoice).toMatchObject({
      number: 'TEC-0001', status: 'paid', total: { amount: 4900, currency: 'USD' }, amountDue: { amount: 0, currency: 'USD' },
      createdAt: NOW, periodStart: NOW, periodEnd: '2026-04-15T12:00:00.000Z',
    });
    expect(invoice?.pdfUrl).toBe(`https://billing.tectra.example/invoices/${invoice?.id}.pdf`);
    expect(invoice?.hostedUrl).toBe(`https://billing.tectra.example/invoices/${invoice?.id}`);
    expect(invoice?.id).toMatch(/^in_\w+$/);
  });

  it('numbers invoices after those the account has, and answers UTC without a known zone', async () => {
    const adapter = make('new', (s) => {
      delete s.subscription.timeZone;
      s.invoices = demoSnapshot('individual-active', { now: NOW }).invoices.slice(0, 2);
    });
    const result = await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(result.status === 'succeeded' && result.subscription.timeZone).toBe('UTC');
    expect(adapter.snapshot().invoices[0]?.number).toBe('TEC-0003');
  });

  it('keeps a repeating or forever discount on the next payment, and drops a once-only one', async () => {
    const repeating = await make('new').activate({ ...PRO, couponCode: 'welcome20', paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(repeating.status === 'succeeded' && repeating.subscription).toMatchObject({
      nextPayment: { amount: { amount: 3920 } },
      discount: { code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 },
    });
    const once = make('new');
    const bought = await once.activate({ ...PRO, couponCode: 'LAUNCH50', paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(bought.status === 'succeeded' && bought.subscription.nextPayment?.amount.amount).toBe(4900);
    // The first invoice had the discount.
    expect(once.snapshot().invoices[0]?.total.amount).toBe(2450);
  });

  it('uses the card on file when none is named, and refuses a purchase with no card at all', async () => {
    const onFile = make('new', (s) => (s.paymentMethods = demoSnapshot('team', { now: NOW }).paymentMethods));
    expect((await onFile.activate({ ...PRO, idempotencyKey: 'k' })).status).toBe('succeeded');
    const none = await refusal(make('new').activate({ ...PRO, idempotencyKey: 'k' }));
    expect(none).toMatchObject({ code: 'invalid_request', status: 400, message: 'A payment method is required.' });
  });

  it('resets the meters to the tier’s limits, keeping what was used and the alert thresholds, pooled for a team', async () => {
    const adapter = make('new', (s) => {
      s.usage.meters = [{ key: 'input_tokens', unit: 'tokens', used: 1234, limit: 1, alertThresholds: [0.5] }];
    });
    await adapter.activate({ tierId: 'team', interval: 'month', seats: 3, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    const { usage } = adapter.snapshot();
    expect(usage.updatedAt).toBe(NOW);
    expect(usage.meters.map((m) => m.key)).toEqual(['input_tokens', 'output_tokens', 'integrations', 'transcription_minutes']);
    const input = usage.meters[0];
    expect(input).toMatchObject({ used: 1234, alertThresholds: [0.5], pooled: true, unit: 'tokens' });
    expect(usage.meters[1]).toMatchObject({ used: 0, alertThresholds: [0.8, 1], pooled: true });
    expect(input?.limit).toBe(demoSnapshot('team', { now: NOW }).catalog.tiers.find((t) => t.id === 'team')?.limits.input_tokens);
    const single = make('new');
    await single.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(single.snapshot().usage.meters.some((m) => 'pooled' in m)).toBe(false);
  });
});

describe('the simulator: one idempotency key, one result', () => {
  it('replays the first answer for the same purchase, whatever the quote or card, and refuses another purchase under it', async () => {
    const adapter = make('new');
    const first = await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    const again = await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_5_4444', idempotencyKey: 'k' });
    expect(again).toEqual(first);
    expect(adapter.snapshot().invoices).toHaveLength(1);
    const other = await refusal(adapter.activate({ tierId: 'starter', interval: 'month', idempotencyKey: 'k' }));
    expect(other).toMatchObject({ code: 'invalid_request', status: 422, message: 'This idempotency key was used for another request.' });
    const seats = await refusal(adapter.activate({ ...PRO, seats: 2, idempotencyKey: 'k' }));
    expect(seats.status).toBe(422);
    const coupon = await refusal(adapter.activate({ ...PRO, couponCode: 'LAUNCH50', idempotencyKey: 'k' }));
    expect(coupon.status).toBe(422);
  });

  it('lets a failed attempt run again under its key', async () => {
    const adapter = make('new');
    const declined = await refusal(adapter.activate({ ...PRO, quoteId: 'qt_unknown', paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' }));
    expect(declined.code).toBe('conflict');
    expect((await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' })).status).toBe('succeeded');
  });

  it('answers copies: changing an answer changes nothing held', async () => {
    const adapter = make('new');
    const first = await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    if (first.status === 'succeeded') first.subscription.tierId = 'business';
    const again = await adapter.activate({ ...PRO, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(again.status === 'succeeded' && again.subscription.tierId).toBe('pro');
    const canceled = await adapter.cancelSubscription({ atPeriodEnd: true, idempotencyKey: 'c' });
    canceled.tierId = 'business';
    expect((await adapter.cancelSubscription({ atPeriodEnd: true, idempotencyKey: 'c' })).tierId).toBe('pro');
    expect((await adapter.getSubscription()).tierId).toBe('pro');
  });
});

describe('the simulator: quotes', () => {
  it('a quote expires after its minutes, and must be for the selection and code it priced', async () => {
    let now = new Date(NOW);
    const adapter = createMemoryAdapter(demoSnapshot('new', { now: NOW }), { now: () => now, quoteTtlMinutes: 5 });
    const quote = await adapter.previewChange({ ...PRO, couponCode: 'welcome20' });
    expect(quote.expiresAt).toBe('2026-03-15T12:05:00.000Z');
    expect(quote.id).toMatch(/^qt_\w+$/);
    expect(quote).not.toHaveProperty('kind');
    const other = await refusal(adapter.activate({ tierId: 'starter', interval: 'month', quoteId: quote.id, paymentMethodId: 'pm_test_4242', idempotencyKey: 'a' }));
    expect(other).toMatchObject({ code: 'conflict', status: 409, message: 'The price quote is for another selection.' });
    const noCode = await refusal(adapter.activate({ ...PRO, quoteId: quote.id, paymentMethodId: 'pm_test_4242', idempotencyKey: 'b' }));
    expect(noCode.message).toBe('The price quote is for another selection.');
    now = new Date(Date.parse(NOW) + 5 * 60_000 + 1);
    const late = await refusal(adapter.activate({ ...PRO, couponCode: 'welcome20', quoteId: quote.id, paymentMethodId: 'pm_test_4242', idempotencyKey: 'c' }));
    expect(late).toMatchObject({ code: 'conflict', status: 409, message: 'The price quote has expired; ask for a new one.' });
    const unknown = await refusal(adapter.activate({ ...PRO, quoteId: 'qt_x', paymentMethodId: 'pm_test_4242', idempotencyKey: 'd' }));
    expect(unknown.message).toBe('The price quote is unknown; ask for a new one.');
  });

  it('a quote is good up to its last millisecond, fifteen minutes by default', async () => {
    let now = new Date(NOW);
    const adapter = createMemoryAdapter(demoSnapshot('new', { now: NOW }), { now: () => now });
    const quote = await adapter.previewChange(PRO);
    expect(quote.expiresAt).toBe('2026-03-15T12:15:00.000Z');
    now = new Date('2026-03-15T12:15:00.000Z');
    expect((await adapter.activate({ ...PRO, quoteId: quote.id, paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' })).status).toBe('succeeded');
  });

  it('refuses codes that are unknown, expired or for other tiers, saying which', async () => {
    const adapter = make('new');
    expect(await refusal(adapter.validateCoupon('NOPE', PRO))).toMatchObject({ code: 'coupon_invalid', status: 422, message: 'The code "NOPE" is not valid.' });
    expect((await refusal(adapter.validateCoupon('EXPIRED10', PRO))).message).toBe('The code "EXPIRED10" has expired.');
    expect((await refusal(adapter.validateCoupon('TEAMFOREVER', PRO))).message).toBe('The code "TEAMFOREVER" does not apply to this tier.');
    expect(await adapter.validateCoupon(' teamforever ', { tierId: 'team', interval: 'month', seats: 3 })).toEqual({ code: 'TEAMFOREVER', percentOff: 10, duration: 'forever' });
    // A code on a quote is checked the same way.
    expect((await refusal(adapter.previewChange({ ...PRO, couponCode: 'NOPE' }))).code).toBe('coupon_invalid');
  });
});

describe('the simulator: changing the plan', () => {
  it('an upgrade on the same cadence keeps the period, bills the prorated difference and drops a scheduled change', async () => {
    const adapter = make('scheduled-downgrade');
    const before = adapter.snapshot();
    const result = await adapter.changeTier({ tierId: 'business', interval: 'month', seats: 5, idempotencyKey: 'k' });
    expect(result.status).toBe('succeeded');
    const sub = adapter.snapshot().subscription;
    expect(sub).toMatchObject({ tierId: 'business', interval: 'month', seats: 5, currentPeriod: before.subscription.currentPeriod });
    expect(sub.scheduledChange).toBeUndefined();
    expect(sub.nextPayment).toEqual({ amount: { amount: 5 * 6900, currency: 'USD' }, dueDate: before.subscription.currentPeriod?.end });
    const invoices = adapter.snapshot().invoices;
    expect(invoices).toHaveLength(before.invoices.length + 1);
    expect(invoices[0]).toMatchObject({ periodStart: NOW, periodEnd: before.subscription.currentPeriod?.end });
    expect(invoices[0]?.total.amount).toBeGreaterThan(0);
    expect(invoices[0]?.total.amount).toBeLessThan(5 * 6900 - 4900);
  });

  it('an upgrade to a yearly price starts a new year now; a change dropping seats drops them from the plan', async () => {
    const adapter = make('individual-active');
    await adapter.changeTier({ tierId: 'team', interval: 'year', seats: 3, idempotencyKey: 'k' });
    const sub = adapter.snapshot().subscription;
    expect(sub.currentPeriod).toEqual({ start: NOW, end: '2027-03-15T12:00:00.000Z' });
    expect(sub.nextPayment?.dueDate).toBe('2027-03-15T12:00:00.000Z');
    const team = make('team');
    await team.changeTier({ tierId: 'business', interval: 'year', seats: 5, idempotencyKey: 'k' });
    await team.changeTier({ tierId: 'pro', interval: 'year', idempotencyKey: 'k2' });
    expect(team.snapshot().subscription.scheduledChange).toEqual({ tierId: 'pro', interval: 'year', effectiveAt: team.snapshot().subscription.currentPeriod?.end });
    expect(team.snapshot().subscription.nextPayment?.amount.amount).toBe(49000);
  });

  it('a downgrade is scheduled with its seats for the period end and sets the next payment to its price', async () => {
    const team = make('team');
    const end = team.snapshot().subscription.currentPeriod?.end;
    await team.changeTier({ tierId: 'team', interval: 'year', seats: 4, idempotencyKey: 'k' });
    const sub = team.snapshot().subscription;
    expect(sub.seats).toBe(8);
    expect(sub.scheduledChange).toEqual({ tierId: 'team', interval: 'year', seats: 4, effectiveAt: end });
    expect(sub.nextPayment).toEqual({ amount: { amount: 4 * 39000, currency: 'USD' }, dueDate: end });
  });

  it('refuses the current plan, a change with no plan, and a change under a key used for another', async () => {
    expect(await refusal(make('individual-active').changeTier({ ...PRO, idempotencyKey: 'k' }))).toMatchObject({
      code: 'invalid_request', status: 400, message: 'That is already the current tier.',
    });
    expect(await refusal(make('new').changeTier({ ...PRO, idempotencyKey: 'k' }))).toMatchObject({
      code: 'conflict', status: 409, message: 'There is no subscription to change.',
    });
    const adapter = make('individual-active');
    await adapter.changeTier({ tierId: 'business', interval: 'month', seats: 5, idempotencyKey: 'k' });
    expect((await refusal(adapter.changeTier({ tierId: 'business', interval: 'month', seats: 6, idempotencyKey: 'k' }))).status).toBe(422);
  });
});

describe('the simulator: cards', () => {
  it('reads a test card’s brand, last four and expiry from its id, and makes it the default', async () => {
    const adapter = make('team');
    await adapter.addPaymentMethod?.('pm_test_5_4444_0731');
    await adapter.addPaymentMethod?.('pm_test_3_0005');
    await adapter.addPaymentMethod?.('pm_test_2_1117_1230');
    await adapter.addPaymentMethod?.('pm_card_visa');
    await adapter.addPaymentMethod?.('pm_test_9_1234');
    const cards = await adapter.listPaymentMethods();
    expect(cards.map((c) => [c.id, c.brand, c.last4, c.expMonth, c.expYear, c.isDefault])).toEqual([
      ['pm_test_9_1234', 'visa', '1234', 12, 2029, true],
      ['pm_card_visa', 'visa', '4242', 12, 2029, false],
      ['pm_test_2_1117_1230', 'mastercard', '1117', 12, 2030, false],
      ['pm_test_3_0005', 'amex', '0005', 12, 2029, false],
      ['pm_test_5_4444_0731', 'mastercard', '4444', 7, 2031, false],
      ['pm_visa', 'visa', '4242', 8, 2028, false],
      ['pm_mastercard', 'mastercard', '4444', 3, 2027, false],
    ]);
    expect(cards[0]?.type).toBe('card');
    // Adding a card it has makes it the default, without a second copy.
    await adapter.addPaymentMethod?.('pm_visa');
    const again = await adapter.listPaymentMethods();
    expect(again).toHaveLength(7);
    expect(again.filter((c) => c.isDefault).map((c) => c.id)).toEqual(['pm_visa']);
    expect(await refusal(adapter.addPaymentMethod!('card 1'))).toMatchObject({ code: 'invalid_request', status: 400, message: 'That is not a payment method id.' });
  });

  it('removing the default card makes the next one the default; an unknown card is not found', async () => {
    const adapter = make('team');
    await adapter.removePaymentMethod('pm_visa');
    expect((await adapter.listPaymentMethods()).map((c) => [c.id, c.isDefault])).toEqual([['pm_mastercard', true]]);
    const other = make('team');
    await other.removePaymentMethod('pm_mastercard');
    expect((await other.listPaymentMethods()).map((c) => [c.id, c.isDefault])).toEqual([['pm_visa', true]]);
    expect(await refusal(other.removePaymentMethod('pm_nobody'))).toMatchObject({ code: 'not_found', status: 404 });
    // Without a running plan, the last card may go.
    const canceled = make('canceled');
    const [only] = await canceled.listPaymentMethods();
    await canceled.removePaymentMethod(only?.id ?? '');
    expect(await canceled.listPaymentMethods()).toEqual([]);
  });
});

describe('the simulator: paying an invoice', () => {
  const openInvoice = async (adapter: MemoryAdapter) => (await adapter.listInvoices({ limit: 100 })).items.find((i) => i.status === 'open')?.id ?? '';

  it('a card that needs 3-D Secure asks once, then pays when the customer has completed it', async () => {
    const adapter = make('past-due');
    await adapter.addPaymentMethod?.('pm_test_4_3184');
    // Added in this simulator, it counts as authenticated; a saved one does not.
    const saved = make('past-due', (s) => s.paymentMethods.push({ id: 'pm_saved_3ds', type: 'card', brand: 'visa', last4: '3184', expMonth: 1, expYear: 2030, isDefault: false }));
    const id = await openInvoice(saved);
    const asked = await saved.payInvoice(id, { paymentMethodId: 'pm_saved_3ds', idempotencyKey: 'p1' });
    expect(asked.status).toBe('requires_action');
    const secret = asked.status === 'requires_action' ? asked.clientSecret : '';
    expect(secret).toMatch(new RegExp(`^${id}_pi_\\w+_secret_test$`));
    // Without the completed step it asks again, with a new secret.
    const again = await saved.payInvoice(id, { paymentMethodId: 'pm_saved_3ds', idempotencyKey: 'p2' });
    expect(again.status === 'requires_action' && again.clientSecret).not.toBe(secret);
    const secret2 = again.status === 'requires_action' ? again.clientSecret : '';
    const wrong = await saved.payInvoice(id, { paymentMethodId: 'pm_saved_3ds', completedAction: secret, idempotencyKey: 'p3' });
    expect(wrong.status).toBe('requires_action');
    const secret3 = wrong.status === 'requires_action' ? wrong.clientSecret : '';
    const paid = await saved.payInvoice(id, { paymentMethodId: 'pm_saved_3ds', completedAction: secret3, idempotencyKey: 'p4' });
    expect(paid.status === 'succeeded' && paid.invoice.status).toBe('paid');
    expect(secret2).not.toBe(secret3);
    expect((await saved.getSubscription()).status).toBe('active');
    const direct = await adapter.payInvoice(await openInvoice(adapter), { paymentMethodId: 'pm_test_4_3184', idempotencyKey: 'p' });
    expect(direct.status).toBe('succeeded');
  });

  it('refuses a declined card, a paid-for void invoice and no card, and stays past due while another invoice is open', async () => {
    const adapter = make('past-due', (s) => {
      const second = s.invoices[1];
      if (second) Object.assign(second, { status: 'open', amountDue: second.total });
      s.invoices.push({ ...s.invoices[2]!, id: 'in_void', status: 'void' });
    });
    await adapter.addPaymentMethod?.('pm_test_4_0002');
    const id = await openInvoice(adapter);
    expect(await refusal(adapter.payInvoice(id, { idempotencyKey: 'd' }))).toMatchObject({ code: 'card_declined', status: 402, message: 'The card was declined.' });
    expect(await refusal(adapter.payInvoice('in_void', { idempotencyKey: 'v' }))).toMatchObject({ code: 'conflict', status: 409, message: 'Only an open invoice can be paid.' });
    await adapter.addPaymentMethod?.('pm_test_4242');
    const paid = await adapter.payInvoice(id, { idempotencyKey: 'ok' });
    expect(paid.status === 'succeeded' && paid.subscription.status).toBe('past_due');
    expect(paid.status === 'succeeded' && paid.invoice.amountDue).toEqual({ amount: 0, currency: 'USD' });
    const last = await adapter.payInvoice(await openInvoice(adapter), { idempotencyKey: 'ok2' });
    expect(last.status === 'succeeded' && last.subscription.status).toBe('active');
    const bare = make('past-due', (s) => (s.paymentMethods = []));
    expect(await refusal(bare.payInvoice(await openInvoice(bare), { idempotencyKey: 'n' }))).toMatchObject({
      code: 'invalid_request', status: 400, message: 'A payment method is required.',
    });
  });

  it('a card expires after its month, not during it', async () => {
    const inMonth = make('past-due', (s) => (s.paymentMethods = [{ id: 'pm_m', type: 'card', last4: '4242', expMonth: 3, expYear: 2026, isDefault: true }]));
    expect((await inMonth.payInvoice(await openInvoice(inMonth), { idempotencyKey: 'a' })).status).toBe('succeeded');
    const lastMonth = make('past-due', (s) => (s.paymentMethods = [{ id: 'pm_m', type: 'card', last4: '4242', expMonth: 2, expYear: 2026, isDefault: true }]));
    expect(await refusal(lastMonth.payInvoice(await openInvoice(lastMonth), { idempotencyKey: 'b' }))).toMatchObject({ message: 'The card has expired.' });
    const noDate = make('past-due', (s) => (s.paymentMethods = [{ id: 'pm_m', type: 'card', last4: '4242', isDefault: true }]));
    expect((await noDate.payInvoice(await openInvoice(noDate), { idempotencyKey: 'c' })).status).toBe('succeeded');
    const nextYear = make('past-due', (s) => (s.paymentMethods = [{ id: 'pm_m', type: 'card', last4: '4242', expMonth: 1, expYear: 2027, isDefault: true }]));
    expect((await nextYear.payInvoice(await openInvoice(nextYear), { idempotencyKey: 'd' })).status).toBe('succeeded');
  });
});

describe('the simulator: the plan’s lifecycle', () => {
  it('cancelling now ends the period now and keeps the reason and comment; at the period end it keeps the period', async () => {
    const now = make('individual-active');
    const start = now.snapshot().subscription.currentPeriod?.start;
    const ended = await now.cancelSubscription({ atPeriodEnd: false, reason: 'unused', comment: 'Not needed', idempotencyKey: 'k' });
    expect(ended.currentPeriod).toEqual({ start, end: NOW });
    expect(ended.cancelAtPeriodEnd).toBeUndefined();
    expect(now.snapshot().cancellation).toEqual({ at: NOW, atPeriodEnd: false, reason: 'unused', comment: 'Not needed' });
    const later = make('scheduled-downgrade');
    const kept = await later.cancelSubscription({ atPeriodEnd: true, idempotencyKey: 'k' });
    expect(kept.scheduledChange).toBeUndefined();
    expect(later.snapshot().cancellation).toEqual({ at: NOW, atPeriodEnd: true });
    // Resuming forgets why.
    await later.resumeSubscription({ idempotencyKey: 'r' });
    expect(later.snapshot().cancellation).toBeUndefined();
    expect(later.snapshot().subscription.nextPayment?.amount.amount).toBe(4900);
  });

  it('keeping the tier sets the next payment to its price with the discount it has, on the date it was due', async () => {
    const adapter = make('scheduled-downgrade', (s) => (s.subscription.discount = { code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 }));
    const due = adapter.snapshot().subscription.nextPayment?.dueDate;
    const kept = await adapter.cancelScheduledChange({ idempotencyKey: 'k' });
    expect(kept.nextPayment).toEqual({ amount: { amount: 3920, currency: 'USD' }, dueDate: due });
    expect(await refusal(make('individual-active').cancelScheduledChange({ idempotencyKey: 'k' }))).toMatchObject({ code: 'conflict', status: 409, message: 'There is no scheduled change.' });
    expect(await refusal(make('individual-active').resumeSubscription({ idempotencyKey: 'k' }))).toMatchObject({
      message: 'Only a plan set to end at the period end can be resumed.',
    });
    expect(await refusal(make('canceled').cancelSubscription({ atPeriodEnd: true, idempotencyKey: 'k' }))).toMatchObject({ message: 'There is no plan to cancel.' });
  });
});

describe('the simulator: reading', () => {
  it('pages invoices newest first, 20 by default and 1 to 100 a page, and refuses a cursor it did not give', async () => {
    const adapter = make('individual-active', (s) => {
      const [first] = s.invoices;
      s.invoices = Array.from({ length: 130 }, (_, i) => ({ ...first!, id: `in_${i}`, createdAt: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString() }));
    });
    const page = await adapter.listInvoices({});
    expect(page.items).toHaveLength(20);
    expect(page.items[0]?.id).toBe('in_129');
    expect(page.nextCursor).toBe('c20');
    expect((await adapter.listInvoices({ limit: 500 })).items).toHaveLength(100);
    expect((await adapter.listInvoices({ limit: 0 })).items).toHaveLength(1);
    const last = await adapter.listInvoices({ cursor: 'c120', limit: 10 });
    expect(last.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `in_${9 - i}`));
    expect(last.nextCursor).toBeNull();
    for (const cursor of ['x', 'c', 'c-1', '20']) {
      expect(await refusal(adapter.listInvoices({ cursor }))).toMatchObject({ code: 'invalid_request', status: 400, message: 'Unknown cursor.' });
    }
  });

  it('setting alerts on a meter it does not have is not found; thresholds must be distinct fractions above 0, up to 1', async () => {
    const adapter = make('individual-active');
    expect(await refusal(adapter.setUsageAlerts('gpu_hours', [0.5]))).toMatchObject({ code: 'not_found', status: 404, message: 'There is no meter "gpu_hours".' });
    for (const bad of [[0], [-0.5], [Number.NaN], [Number.POSITIVE_INFINITY], [1.01], [0.5, 0.5]]) {
      expect(await refusal(adapter.setUsageAlerts('input_tokens', bad))).toMatchObject({ code: 'invalid_request', status: 400 });
    }
    await adapter.setUsageAlerts('input_tokens', [1, 0.25, 0.9]);
    expect((await adapter.getUsage()).meters[0]?.alertThresholds).toEqual([0.25, 0.9, 1]);
    await adapter.setUsageAlerts('input_tokens', []);
    expect((await adapter.getUsage()).meters[0]?.alertThresholds).toEqual([]);
  });
});

describe('the simulator: latency and faults', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A read answers at exactly `ms`, not a millisecond before. */
  async function answersAfter(adapter: MemoryAdapter, ms: number): Promise<void> {
    let done = false;
    void adapter.getSubscription().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  }

  it('answers after its latency, fixed or within a range', async () => {
    await answersAfter(make('new', undefined, { latencyMs: 200 }), 200);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    await answersAfter(make('new', undefined, { latencyMs: { min: 100, max: 300 } }), 200);
  });

  it('an abort during the latency answers AbortError when no reason is given', async () => {
    const adapter = make('new', undefined, { latencyMs: 1000 });
    const controller = new AbortController();
    const pending = adapter.getCatalog({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = (await pending) as DOMException;
    expect(error.name).toBe('AbortError');
  });
});

describe('the simulator: faults', () => {
  it('a fault fails with its code and message for its number of calls; a hanging call ends only by abort', async () => {
    const adapter = make('new', undefined, { faults: { getUsage: { code: 'rate_limited', times: 2, message: 'Slow down.' }, getCatalog: 'server' } });
    expect(await refusal(adapter.getUsage())).toMatchObject({ code: 'rate_limited', message: 'Slow down.' });
    expect((await refusal(adapter.getUsage())).code).toBe('rate_limited');
    expect((await adapter.getUsage()).meters).toEqual([]);
    // A fault without a count never stops, and says it was simulated.
    for (let i = 0; i < 3; i++) expect(await refusal(adapter.getCatalog())).toMatchObject({ code: 'server', message: 'Simulated server failure.' });
    adapter.setFault('getCatalog', undefined);
    expect((await adapter.getCatalog()).tiers.length).toBeGreaterThan(0);
    adapter.setFault('getSubscription', 'hang');
    const controller = new AbortController();
    let settled = false;
    const pending = adapter.getSubscription({ signal: controller.signal }).finally(() => (settled = true)).catch((e: unknown) => e);
    // A call without latency answers on the next timer: this one has none to wait for.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    const reason = new Error('gone');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    // Already aborted: refused at once, and the fault's count is not spent.
    adapter.setFault('getUsage', { code: 'server', times: 1 });
    expect(await adapter.getUsage({ signal: AbortSignal.abort(reason) }).catch((e: unknown) => e)).toBe(reason);
    expect((await refusal(adapter.getUsage())).code).toBe('server');
  });

});

describe('the memory adapter’s hooks', () => {
  it('records usage on a meter it has, clamps it at zero, stamps the time, and pushes it to subscribers', async () => {
    const adapter = make('individual-active', undefined, { pushUsage: true });
    const pushed: number[] = [];
    const stop = adapter.subscribeUsage?.((usage) => pushed.push(usage.meters[0]?.used ?? -1));
    const used = adapter.snapshot().usage.meters[0]?.used ?? 0;
    const [before, meter, usage] = adapter.recordUsage('input_tokens', 10) ?? [];
    expect(before).toBe(used);
    expect(meter?.used).toBe(used + 10);
    expect(usage?.updatedAt).toBe(NOW);
    adapter.recordUsage('input_tokens', -10 * used - 100);
    expect(adapter.snapshot().usage.meters[0]?.used).toBe(0);
    expect(pushed).toEqual([used + 10, 0]);
    stop?.();
    adapter.recordUsage('input_tokens', 5);
    expect(pushed).toHaveLength(2);
    expect(adapter.recordUsage('gpu_hours', 1)).toBeUndefined();
    expect(make('new').subscribeUsage).toBeUndefined();
  });

  it('records each call with its data, in order, before the simulator has loaded', () => {
    const adapter = make('new');
    void adapter.validateCoupon('A', PRO, { signal: new AbortController().signal }).catch(() => undefined);
    void adapter.listInvoices({ limit: 2 });
    expect(adapter.calls).toEqual([
      { method: 'validateCoupon', args: ['A', PRO] },
      { method: 'listInvoices', args: [{ limit: 2 }] },
    ]);
    expect(adapter.count('validateCoupon')).toBe(1);
    expect(adapter.count('getCatalog')).toBe(0);
  });
});
