/**
 * The adapter contract, run against both adapters: the memory simulator directly and
 * the http adapter through the demo backend over real HTTP (node:http on loopback).
 */
import { describe, expect, it } from 'vitest';
import type { BillingAdapter } from '../../../src/adapters/types.js';
import type { DemoScenario } from '../../../src/adapters/memory/index.js';
import { BillingError } from '../../../src/core/errors.js';
import {
  activationResultSchema,
  catalogSchema,
  invoicePaymentResultSchema,
  couponSchema,
  invoicePageSchema,
  paymentMethodsSchema,
  quoteSchema,
  setupIntentSchema,
  subscriptionSchema,
  usageSchema,
  validate,
} from '../../../src/core/validation.js';

async function rejection(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BillingError);
    return error as BillingError;
  }
  throw new Error('expected a rejection');
}

export function adapterContract(name: string, make: (scenario: DemoScenario) => BillingAdapter): void {
  describe(`${name}: the BillingAdapter contract`, () => {
    it('getCatalog returns every tier kind with valid prices', async () => {
      const catalog = validate(catalogSchema, await make('new').getCatalog(), 'catalog');
      expect(catalog.currency).to.equal('USD');
      expect(catalog.tiers.map((t) => t.kind)).to.include.members(['individual', 'team', 'enterprise']);
      expect(catalog.tiers.find((t) => t.id === 'enterprise')?.prices).to.deep.equal([]);
    });

    it('getSubscription returns the scenario subscription', async () => {
      const sub = validate(subscriptionSchema, await make('team').getSubscription(), 'subscription');
      expect(sub).to.include({ status: 'active', tierId: 'team', interval: 'year', seats: 8 });
    });

    it('getUsage returns the four meters, pooled for teams', async () => {
      const usage = validate(usageSchema, await make('team').getUsage(), 'usage');
      expect(usage.meters.map((m) => m.key)).to.deep.equal(['input_tokens', 'output_tokens', 'integrations', 'transcription_minutes']);
      expect(usage.meters.every((m) => m.pooled)).to.equal(true);
    });

    it('listInvoices pages newest first without duplicates or gaps', async () => {
      const adapter = make('individual-active');
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = validate(invoicePageSchema, await adapter.listInvoices(cursor ? { cursor, limit: 3 } : { limit: 3 }), 'page');
        expect(page.items.length).to.be.at.most(3);
        seen.push(...page.items.map((i) => i.createdAt));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).to.have.length(8);
      expect(new Set(seen).size).to.equal(8);
      expect([...seen].sort().reverse()).to.deep.equal(seen);
    });

    it('listPaymentMethods returns the cards with one default', async () => {
      const cards = validate(paymentMethodsSchema, await make('team').listPaymentMethods(), 'cards');
      expect(cards).to.have.length(2);
      expect(cards.filter((c) => c.isDefault)).to.have.length(1);
    });

    it('validateCoupon accepts a valid code and refuses unknown and expired ones', async () => {
      const adapter = make('new');
      const selection = { tierId: 'pro', interval: 'month' as const };
      const coupon = validate(couponSchema, await adapter.validateCoupon('welcome20', selection), 'coupon');
      expect(coupon).to.include({ code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 });
      expect((await rejection(adapter.validateCoupon('BOGUS', selection))).code).to.equal('coupon_invalid');
      expect((await rejection(adapter.validateCoupon('EXPIRED10', selection))).code).to.equal('coupon_invalid');
      expect((await rejection(adapter.validateCoupon('TEAMFOREVER', selection))).code).to.equal('coupon_invalid');
    });

    it('previewChange quotes a new plan with discount, and an upgrade with proration', async () => {
      const fresh = validate(
        quoteSchema,
        await make('new').previewChange({ tierId: 'team', interval: 'month', seats: 4, couponCode: 'WELCOME20' }),
        'quote',
      );
      expect(fresh.subtotal).to.deep.equal({ amount: 15600, currency: 'USD' });
      expect(fresh.discount.amount).to.equal(3120);
      expect(fresh.total.amount).to.equal(12480);
      expect(fresh.dueNow.amount).to.equal(12480);

      const upgrade = validate(quoteSchema, await make('individual-active').previewChange({ tierId: 'team', interval: 'month', seats: 3 }), 'quote');
      expect(upgrade.proration.amount).to.be.greaterThan(0);
      expect(upgrade.dueNow.amount).to.be.lessThan(upgrade.total.amount);

      const downgrade = validate(quoteSchema, await make('individual-active').previewChange({ tierId: 'starter', interval: 'month' }), 'quote');
      expect(downgrade.dueNow.amount).to.equal(0);
      expect(downgrade.effectiveAt).to.equal(downgrade.nextPaymentDate);
    });

    it('previewChange refuses seats outside the tier range and contact-sales tiers', async () => {
      const adapter = make('new');
      expect((await rejection(adapter.previewChange({ tierId: 'team', interval: 'month', seats: 2 }))).code).to.equal('invalid_request');
      expect((await rejection(adapter.previewChange({ tierId: 'enterprise', interval: 'year' }))).code).to.equal('invalid_request');
      expect((await rejection(adapter.previewChange({ tierId: 'nope', interval: 'year' }))).code).to.equal('not_found');
    });

    it('createSetupIntent names its provider', async () => {
      const intent = validate(setupIntentSchema, await make('new').createSetupIntent(), 'intent');
      expect(intent.provider).to.equal('test');
      expect(intent.clientSecret).to.be.a('string');
    });

    it('activate creates the subscription and its first invoice once per idempotency key', async () => {
      const adapter = make('new');
      const request = { tierId: 'pro', interval: 'month' as const, paymentMethodId: 'pm_test_4242', idempotencyKey: 'key-1' };
      const first = validate(activationResultSchema, await adapter.activate(request), 'activation');
      const again = validate(activationResultSchema, await adapter.activate(request), 'activation');
      expect(first.status).to.equal('succeeded');
      expect(again).to.deep.equal(first);
      const invoices = await adapter.listInvoices({ limit: 10 });
      expect(invoices.items).to.have.length(1);
      expect(invoices.items[0]?.total).to.deep.equal({ amount: 4900, currency: 'USD' });
      const cards = await adapter.listPaymentMethods();
      expect(cards.map((c) => c.last4)).to.deep.equal(['4242']);
      const second = await rejection(adapter.activate({ ...request, idempotencyKey: 'key-2' }));
      expect(second.code).to.equal('conflict');
    });

    it('changeTier upgrades now and schedules a downgrade for the period end', async () => {
      const up = make('individual-active');
      const upgraded = validate(
        activationResultSchema,
        await up.changeTier({ tierId: 'team', interval: 'month', seats: 3, idempotencyKey: 'up-1' }),
        'change',
      );
      expect(upgraded.status === 'succeeded' && upgraded.subscription.tierId).to.equal('team');

      const down = make('individual-active');
      const scheduled = validate(
        activationResultSchema,
        await down.changeTier({ tierId: 'starter', interval: 'month', idempotencyKey: 'down-1' }),
        'change',
      );
      expect(scheduled.status === 'succeeded' && scheduled.subscription.tierId).to.equal('pro');
      expect(scheduled.status === 'succeeded' && scheduled.subscription.scheduledChange?.tierId).to.equal('starter');
    });

    it('setDefaultPaymentMethod moves the default', async () => {
      const adapter = make('team');
      await adapter.setDefaultPaymentMethod('pm_mastercard');
      const cards = await adapter.listPaymentMethods();
      expect(cards.find((c) => c.isDefault)?.id).to.equal('pm_mastercard');
      expect((await rejection(adapter.setDefaultPaymentMethod('pm_missing'))).code).to.equal('not_found');
    });

    it('removePaymentMethod removes a card but refuses the only card of an active plan', async () => {
      const team = make('team');
      await team.removePaymentMethod('pm_visa');
      const cards = await team.listPaymentMethods();
      expect(cards.map((c) => c.id)).to.deep.equal(['pm_mastercard']);
      expect(cards[0]?.isDefault).to.equal(true);
      expect((await rejection(make('individual-active').removePaymentMethod('pm_visa'))).code).to.equal('conflict');
    });

    it('setUsageAlerts stores sorted thresholds and refuses invalid ones', async () => {
      const adapter = make('individual-active');
      await adapter.setUsageAlerts('input_tokens', [1, 0.5]);
      const usage = await adapter.getUsage();
      expect(usage.meters.find((m) => m.key === 'input_tokens')?.alertThresholds).to.deep.equal([0.5, 1]);
      expect((await rejection(adapter.setUsageAlerts('input_tokens', [1.5]))).code).to.equal('invalid_request');
      expect((await rejection(adapter.setUsageAlerts('input_tokens', [0.5, 0.5]))).code).to.equal('invalid_request');
    });

    it('cancelSubscription at the period end keeps the plan until then; resumeSubscription undoes it', async () => {
      const adapter = make('individual-active');
      const request = { atPeriodEnd: true, reason: 'too_expensive' as const, comment: 'Over budget', idempotencyKey: 'cancel-1' };
      const canceled = validate(subscriptionSchema, await adapter.cancelSubscription(request), 'subscription');
      expect(canceled).to.include({ status: 'active', tierId: 'pro', cancelAtPeriodEnd: true });
      expect(canceled.nextPayment, 'nothing renews').to.equal(undefined);
      // The same key is the same cancel.
      expect(await adapter.cancelSubscription(request)).to.deep.equal(canceled);
      const resumed = validate(subscriptionSchema, await adapter.resumeSubscription({ idempotencyKey: 'resume-1' }), 'subscription');
      expect(resumed.cancelAtPeriodEnd).to.equal(undefined);
      expect(resumed.status).to.equal('active');
      expect(resumed.nextPayment?.amount).to.deep.equal({ amount: 4900, currency: 'USD' });
      expect(resumed.nextPayment?.dueDate).to.equal(canceled.currentPeriod?.end);
      expect((await rejection(adapter.resumeSubscription({ idempotencyKey: 'resume-2' }))).code).to.equal('conflict');
      expect((await adapter.getSubscription()).cancelAtPeriodEnd).to.equal(undefined);
    });

    it('cancelSubscription now ends the plan; an account without a plan has nothing to cancel', async () => {
      const ended = validate(subscriptionSchema, await make('team').cancelSubscription({ atPeriodEnd: false, idempotencyKey: 'now-1' }), 'subscription');
      expect(ended.status).to.equal('canceled');
      expect(ended.nextPayment).to.equal(undefined);
      expect((await rejection(make('new').cancelSubscription({ atPeriodEnd: true, idempotencyKey: 'none-1' }))).code).to.equal('conflict');
    });

    it('cancelScheduledChange keeps the current tier and its price', async () => {
      const adapter = make('scheduled-downgrade');
      const kept = validate(subscriptionSchema, await adapter.cancelScheduledChange({ idempotencyKey: 'keep-1' }), 'subscription');
      expect(kept.tierId).to.equal('pro');
      expect(kept.scheduledChange).to.equal(undefined);
      expect(kept.nextPayment?.amount).to.deep.equal({ amount: 4900, currency: 'USD' });
      expect((await rejection(adapter.cancelScheduledChange({ idempotencyKey: 'keep-2' }))).code).to.equal('conflict');
    });

    it('payInvoice pays the open invoice of a past-due plan once, and refuses an expired card or a card of nobody', async () => {
      const adapter = make('past-due');
      const open = (await adapter.listInvoices({ limit: 10 })).items.find((i) => i.status === 'open');
      expect(open, 'the scenario has an open invoice').to.not.equal(undefined);
      const id = open?.id ?? '';
      expect((await rejection(adapter.payInvoice(id, { idempotencyKey: 'pay-1' }))).code, 'the default card expired').to.equal('card_declined');
      expect((await rejection(adapter.payInvoice(id, { paymentMethodId: 'pm_visa', idempotencyKey: 'pay-2' }))).code).to.equal('not_found');
      expect((await rejection(adapter.payInvoice('in_nobody', { idempotencyKey: 'pay-3' }))).code).to.equal('not_found');
      await adapter.addPaymentMethod?.('pm_test_5_4444_1230');
      const paid = validate(invoicePaymentResultSchema, await adapter.payInvoice(id, { paymentMethodId: 'pm_test_5_4444_1230', idempotencyKey: 'pay-4' }), 'payment');
      expect(paid.status).to.equal('succeeded');
      if (paid.status !== 'succeeded') return;
      expect(paid.invoice).to.include({ id, status: 'paid' });
      expect(paid.invoice.amountDue.amount).to.equal(0);
      expect(paid.subscription.status).to.equal('active');
      // Paying a paid invoice charges nothing more and answers with it.
      const again = await adapter.payInvoice(id, { idempotencyKey: 'pay-5' });
      expect(again.status === 'succeeded' && again.invoice.status).to.equal('paid');
      const after = await adapter.listInvoices({ limit: 10 });
      expect(after.items.filter((i) => i.status === 'open')).to.have.length(0);
      expect((await adapter.getSubscription()).status).to.equal('active');
      const card = (await adapter.listPaymentMethods()).find((c) => c.id === 'pm_test_5_4444_1230');
      expect(card).to.include({ brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2030, isDefault: true });
    });
  });
}
