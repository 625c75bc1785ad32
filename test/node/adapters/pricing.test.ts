/** The demo backend's pricing: what an upgrade, a downgrade and a new cadence cost now. */
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../src/adapters/memory/catalogs.js';
import { priceSelection, recurringPrice } from '../../../src/adapters/memory/pricing.js';
import type { PlanSelection, Subscription } from '../../../src/core/types.js';

const catalog = demoCatalog('USD');
/** What the plan costs per period (seats included), as the catalog prices it. */
const price = (tierId: string, interval: 'month' | 'year') => recurringPrice(catalog, { tierId, interval }).amount;
const onPro: Subscription = {
  status: 'active', tierId: 'pro', interval: 'month',
  currentPeriod: { start: '2026-03-01T00:00:00Z', end: '2026-03-31T00:00:00Z' },
};
const quote = (selection: PlanSelection, now: string, subscription: Subscription = onPro) =>
  priceSelection({ catalog, subscription, selection, coupon: undefined, taxPercent: 0, now, id: 'q_1', expiresAt: now });

describe('priceSelection', () => {
  it('an upgrade halfway through the month costs half the difference now, keeping the renewal date', () => {
    const q = quote({ tierId: 'business', interval: 'month' }, '2026-03-16T00:00:00Z');
    const difference = price('business', 'month') - price('pro', 'month');
    expect(difference).toBeGreaterThan(0);
    expect(q.kind).toBe('upgrade');
    expect(q.proration.amount).toBe(Math.round(difference / 2));
    expect(q.dueNow.amount).toBe(Math.round(difference / 2));
    expect(q.nextPaymentDate).toBe('2026-03-31T00:00:00Z');
  });

  it('an upgrade on the last day costs a thirtieth of the difference, and on the first day all of it', () => {
    const difference = price('business', 'month') - price('pro', 'month');
    expect(quote({ tierId: 'business', interval: 'month' }, '2026-03-30T00:00:00Z').dueNow.amount).toBe(Math.round(difference / 30));
    expect(quote({ tierId: 'business', interval: 'month' }, '2026-03-01T00:00:00Z').dueNow.amount).toBe(difference);
  });

  it('a downgrade costs nothing now and takes effect at the period end', () => {
    const q = quote({ tierId: 'starter', interval: 'month' }, '2026-03-16T00:00:00Z');
    expect(q).toMatchObject({ kind: 'downgrade', dueNow: { amount: 0 }, proration: { amount: 0 }, effectiveAt: '2026-03-31T00:00:00Z' });
  });

  it('a yearly plan from a monthly one starts a new period now, crediting the unused month', () => {
    const q = quote({ tierId: 'business', interval: 'year' }, '2026-03-16T00:00:00Z');
    const credit = Math.round(price('pro', 'month') / 2);
    expect(q.kind).toBe('upgrade');
    expect(q.proration.amount).toBe(-credit);
    expect(q.dueNow.amount).toBe(price('business', 'year') - credit);
    expect(q.nextPaymentDate.slice(0, 10)).toBe('2027-03-16');
  });

  it('during a trial an upgrade costs nothing now; the first payment is at the trial end', () => {
    const trial: Subscription = { ...onPro, status: 'trialing', trialEnd: '2026-03-20T00:00:00Z' };
    expect(quote({ tierId: 'business', interval: 'month' }, '2026-03-16T00:00:00Z', trial)).toMatchObject({
      kind: 'upgrade', dueNow: { amount: 0 }, nextPaymentDate: '2026-03-20T00:00:00Z',
    });
  });

  it('a first plan costs its full price now', () => {
    const q = quote({ tierId: 'pro', interval: 'month' }, '2026-03-16T00:00:00Z', { status: 'none' });
    expect(q).toMatchObject({ kind: 'new', dueNow: { amount: price('pro', 'month') } });
  });
});
