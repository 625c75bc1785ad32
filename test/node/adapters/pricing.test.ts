/** The demo backend's pricing: what an upgrade, a downgrade and a new cadence cost now. */
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../src/adapters/memory/catalogs.js';
import { discountFor, findTier, recurringPrice } from '../../../src/adapters/memory/pricing.js';
import { priceSelection } from '../../../src/adapters/memory/quotes.js';
import type { BillingError } from '../../../src/core/errors.js';
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

/** The refusal `run` throws, for its code and the message the customer reads. */
const refusal = (run: () => unknown): Pick<BillingError, 'code' | 'message' | 'status'> => {
  try {
    run();
  } catch (error) {
    const { code, message, status } = error as BillingError;
    return { code, message, status };
  }
  throw new Error('expected a refusal');
};

describe('recurringPrice and findTier', () => {
  it('prices seats of a per-seat tier, the tier’s minimum when none are named, one price otherwise', () => {
    expect(recurringPrice(catalog, { tierId: 'team', interval: 'month', seats: 4 })).toEqual({ amount: 4 * 3900, currency: 'USD' });
    expect(recurringPrice(catalog, { tierId: 'team', interval: 'year' })).toEqual({ amount: 3 * 39000, currency: 'USD' });
    // Seats on a tier that is not priced per seat change nothing.
    expect(recurringPrice(catalog, { tierId: 'pro', interval: 'month', seats: 7 })).toEqual({ amount: 4900, currency: 'USD' });
    // Exactly the bounds are allowed.
    expect(recurringPrice(catalog, { tierId: 'team', interval: 'month', seats: 3 }).amount).toBe(3 * 3900);
    expect(recurringPrice(catalog, { tierId: 'team', interval: 'month', seats: 100 }).amount).toBe(100 * 3900);
  });

  it('refuses seats outside the range, an interval without a price, a sales tier and an unknown tier, saying why', () => {
    expect(refusal(() => recurringPrice(catalog, { tierId: 'team', interval: 'month', seats: 2 }))).toEqual({
      code: 'invalid_request', status: 400, message: 'Team needs between 3 and 100 seats.',
    });
    expect(refusal(() => recurringPrice(catalog, { tierId: 'team', interval: 'month', seats: 101 })).message).toBe('Team needs between 3 and 100 seats.');
    const open = demoCatalog('USD');
    const team = open.tiers.find((t) => t.id === 'team')!;
    team.seats = { min: 3 };
    expect(recurringPrice(open, { tierId: 'team', interval: 'month', seats: 5000 }).amount).toBe(5000 * 3900);
    expect(refusal(() => recurringPrice(open, { tierId: 'team', interval: 'month', seats: 1 })).message).toBe('Team needs between 3 and ∞ seats.');
    team.prices = team.prices.filter((p) => p.interval === 'month');
    expect(refusal(() => recurringPrice(open, { tierId: 'team', interval: 'year' }))).toEqual({
      code: 'invalid_request', status: 400, message: 'Team has no yearly price.',
    });
    expect(refusal(() => recurringPrice(catalog, { tierId: 'enterprise', interval: 'year' }))).toEqual({
      code: 'invalid_request', status: 400, message: 'Enterprise is arranged with sales, not checked out online.',
    });
    expect(refusal(() => findTier(catalog, 'gold'))).toEqual({ code: 'not_found', status: 404, message: 'There is no tier "gold".' });
    expect(findTier(catalog, 'pro').name).toBe('Pro');
  });
});

describe('discountFor', () => {
  const subtotal = { amount: 4900, currency: 'USD' };
  it('takes a percentage, or an amount in the same currency up to the subtotal, and nothing else', () => {
    expect(discountFor(subtotal, undefined)).toEqual({ amount: 0, currency: 'USD' });
    expect(discountFor(subtotal, { code: 'P', percentOff: 20, duration: 'once' })).toEqual({ amount: 980, currency: 'USD' });
    expect(discountFor(subtotal, { code: 'A', amountOff: { amount: 1000, currency: 'USD' }, duration: 'once' })).toEqual({ amount: 1000, currency: 'USD' });
    expect(discountFor(subtotal, { code: 'A', amountOff: { amount: 9000, currency: 'USD' }, duration: 'once' })).toEqual({ amount: 4900, currency: 'USD' });
    expect(discountFor(subtotal, { code: 'E', amountOff: { amount: 1000, currency: 'EUR' }, duration: 'once' })).toEqual({ amount: 0, currency: 'USD' });
    expect(discountFor(subtotal, { code: 'N', duration: 'once' })).toEqual({ amount: 0, currency: 'USD' });
  });
});

describe('priceSelection: what counts as a change', () => {
  const at = '2026-03-16T00:00:00Z';
  const onTeam: Subscription = { ...onPro, tierId: 'team', seats: 4 };

  it('the plan as it is costs nothing, seats left out meaning the same seats', () => {
    expect(quote({ tierId: 'pro', interval: 'month' }, at)).toMatchObject({ kind: 'same', dueNow: { amount: 0 }, nextPaymentDate: '2026-03-31T00:00:00Z' });
    expect(quote({ tierId: 'team', interval: 'month' }, at, onTeam).kind).toBe('same');
    expect(quote({ tierId: 'team', interval: 'month', seats: 4 }, at, onTeam).kind).toBe('same');
  });

  it('other seats, or another interval of the same tier, is a change', () => {
    expect(quote({ tierId: 'team', interval: 'month', seats: 6 }, at, onTeam)).toMatchObject({ kind: 'upgrade', dueNow: { amount: Math.round((2 * 3900) / 2) } });
    expect(quote({ tierId: 'team', interval: 'month', seats: 3 }, at, onTeam)).toMatchObject({ kind: 'downgrade', effectiveAt: '2026-03-31T00:00:00Z' });
    expect(quote({ tierId: 'pro', interval: 'year' }, at).kind).not.toBe('same');
  });

  it('the same monthly value on another interval is not an upgrade: nothing is charged now', () => {
    const flat = demoCatalog('USD');
    const pro = flat.tiers.find((t) => t.id === 'pro')!;
    pro.prices = pro.prices.map((p) => (p.interval === 'year' ? { ...p, amount: { ...p.amount, amount: 12 * 4900 } } : p));
    const q = priceSelection({ catalog: flat, subscription: onPro, selection: { tierId: 'pro', interval: 'year' }, coupon: undefined, taxPercent: 0, now: at, id: 'q', expiresAt: at });
    expect(q).toMatchObject({ kind: 'downgrade', dueNow: { amount: 0 }, effectiveAt: '2026-03-31T00:00:00Z' });
  });

  it('without a known period, the period runs one interval from now', () => {
    const { currentPeriod: _none, ...loose } = onPro;
    const q = quote({ tierId: 'starter', interval: 'month' }, at, loose);
    expect(q.effectiveAt?.slice(0, 10)).toBe('2026-04-16');
    // An upgrade then prorates over a whole period: the full difference.
    const up = quote({ tierId: 'business', interval: 'month' }, at, loose);
    expect(up.dueNow.amount).toBe(price('business', 'month') - price('pro', 'month'));
  });

  it('an upgrade whose prorated difference is not positive charges nothing now', () => {
    // A discount on the current plan larger than the difference: Pro at full price against Business with 100 % off.
    const q = priceSelection({
      catalog, subscription: onPro, selection: { tierId: 'business', interval: 'month' },
      coupon: { code: 'FREE', percentOff: 100, duration: 'once' }, taxPercent: 0, now: at, id: 'q', expiresAt: at,
    });
    expect(q.kind).toBe('upgrade');
    expect(q.proration.amount).toBeLessThan(0);
    expect(q.dueNow).toEqual({ amount: 0, currency: 'USD' });
    // On a new cadence, a credit larger than the new price leaves nothing due, never a negative amount.
    const yearly = priceSelection({
      catalog, subscription: onPro, selection: { tierId: 'business', interval: 'year' },
      coupon: { code: 'FREE', percentOff: 100, duration: 'once' }, taxPercent: 0, now: at, id: 'q', expiresAt: at,
    });
    expect(yearly.proration.amount).toBeLessThan(0);
    expect(yearly.dueNow).toEqual({ amount: 0, currency: 'USD' });
  });
});
