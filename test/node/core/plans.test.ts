/** What a plan is, what choosing another does, and what the picker shows of it. */
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../src/adapters/memory/catalogs.js';
import { carrySeats, changeKind, currentSelection, findTierIn, hasPlan, monthlyValue, priceFor, sameSelection, yearlySavingPercent } from '../../../src/core/plans.js';
import type { Subscription, Tier } from '../../../src/core/types.js';

const catalog = demoCatalog('USD');
const usd = (amount: number) => ({ amount, currency: 'USD' });
const tier = (prices: Tier['prices'], seats?: Tier['seats']): Tier => ({ id: 't', name: 'T', kind: 'team', prices, limits: {}, features: [], ...(seats ? { seats } : {}) });
const sub = (status: Subscription['status'], extra: Partial<Subscription> = {}): Subscription => ({ status, tierId: 'pro', interval: 'month', ...extra });

describe('plans', () => {
  it('a plan bills now: active, trialing or past due, with a tier', () => {
    expect(['active', 'trialing', 'past_due'].map((s) => hasPlan(sub(s as Subscription['status'])))).toEqual([true, true, true]);
    expect(['none', 'incomplete', 'canceled'].map((s) => hasPlan(sub(s as Subscription['status'])))).toEqual([false, false, false]);
    expect(hasPlan({ status: 'active' }), 'no tier').toBe(false);
    expect(hasPlan(undefined)).toBe(false);
  });

  it('the current selection is the plan’s tier, interval and seats, or nothing', () => {
    expect(currentSelection(sub('active', { seats: 4 }))).toEqual({ tierId: 'pro', interval: 'month', seats: 4 });
    expect(currentSelection(sub('active'))).toEqual({ tierId: 'pro', interval: 'month' });
    expect(currentSelection(sub('canceled'))).toBeUndefined();
    expect(currentSelection({ status: 'active', tierId: 'pro' }), 'no interval').toBeUndefined();
    expect(currentSelection(undefined)).toBeUndefined();
  });

  it('two selections are the same with the same tier, interval and seats, whatever the coupon', () => {
    const a = { tierId: 'team', interval: 'month' as const, seats: 3 };
    expect(sameSelection(a, { ...a, couponCode: 'X' })).toBe(true);
    expect(sameSelection(a, { ...a, seats: 4 })).toBe(false);
    expect(sameSelection(a, { ...a, interval: 'year' })).toBe(false);
    expect(sameSelection(a, { ...a, tierId: 'business' })).toBe(false);
    expect(sameSelection({ tierId: 'pro', interval: 'month' }, { tierId: 'pro', interval: 'month' })).toBe(true);
    expect(sameSelection(a, undefined)).toBe(false);
    expect(sameSelection(undefined, a)).toBe(false);
  });

  it('the yearly saving against twelve months, in whole percent, only when there is one', () => {
    expect(yearlySavingPercent(tier([{ interval: 'month', amount: usd(1000), perSeat: false }, { interval: 'year', amount: usd(10000), perSeat: false }]))).toBe(17);
    expect(yearlySavingPercent(tier([{ interval: 'month', amount: usd(1000), perSeat: false }, { interval: 'year', amount: usd(12000), perSeat: false }]))).toBeUndefined();
    expect(yearlySavingPercent(tier([{ interval: 'month', amount: usd(1000), perSeat: false }]))).toBeUndefined();
    expect(yearlySavingPercent(tier([{ interval: 'year', amount: usd(1000), perSeat: false }]))).toBeUndefined();
    expect(yearlySavingPercent(tier([{ interval: 'month', amount: usd(0), perSeat: false }, { interval: 'year', amount: usd(0), perSeat: false }]))).toBeUndefined();
    expect(yearlySavingPercent(tier([{ interval: 'month', amount: usd(1000), perSeat: false }, { interval: 'year', amount: { amount: 100, currency: 'EUR' }, perSeat: false }]))).toBeUndefined();
  });

  it('finds tiers and prices, and compares prices per month', () => {
    expect(findTierIn(catalog, 'team')?.id).toBe('team');
    expect(findTierIn(catalog, undefined)).toBeUndefined();
    expect(findTierIn(undefined, 'team')).toBeUndefined();
    expect(priceFor(findTierIn(catalog, 'pro')!, 'year')?.interval).toBe('year');
    expect(monthlyValue(usd(12000), 'year')).toBe(1000);
    expect(monthlyValue(usd(1000), 'month')).toBe(1000);
  });

  it('choosing a selection starts a plan, upgrades, downgrades or does nothing, seats counted per seat', () => {
    expect(changeKind(catalog, undefined, { tierId: 'pro', interval: 'month' })).toBe('new');
    expect(changeKind(catalog, sub('active'), { tierId: 'pro', interval: 'month' })).toBe('same');
    expect(changeKind(catalog, sub('active'), { tierId: 'starter', interval: 'month' })).toBe('downgrade');
    expect(changeKind(catalog, sub('active'), { tierId: 'team', interval: 'month', seats: 3 })).toBe('upgrade');
    const team = sub('active', { tierId: 'team', seats: 5 });
    expect(changeKind(catalog, team, { tierId: 'team', interval: 'month', seats: 6 })).toBe('upgrade');
    expect(changeKind(catalog, team, { tierId: 'team', interval: 'month', seats: 4 })).toBe('downgrade');
    expect(changeKind(catalog, sub('active'), { tierId: 'no-such', interval: 'month' }), 'an unknown tier counts as free').toBe('downgrade');
  });

  it('carries seats to another team tier within its range, saying when they had to move', () => {
    const ranged = tier([], { min: 3, max: 10 });
    expect(carrySeats(ranged, 5)).toEqual({ seats: 5, clamped: false });
    expect(carrySeats(ranged, 1)).toEqual({ seats: 3, clamped: true });
    expect(carrySeats(ranged, 12)).toEqual({ seats: 10, clamped: true });
    expect(carrySeats(ranged, undefined)).toEqual({ seats: 3, clamped: false });
    expect(carrySeats(tier([], { min: 2 }), 500)).toEqual({ seats: 500, clamped: false });
    expect(carrySeats(tier([]), 5)).toBeUndefined();
  });
});
