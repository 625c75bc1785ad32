/** The simulator's pricing rules: recurring price, discounts, tax and proration. */
import { BillingError } from '../../core/errors.js';
import { currentSelection, monthlyValue } from '../../core/plans.js';
import { addInterval, millisBetween } from '../../core/dates.js';
import {
  addMoney,
  money,
  multiplyMoney,
  percentOfMoney,
  prorateMoney,
  subtractMoney,
  zero,
} from '../../core/money.js';
import type { Catalog, Coupon, Money, PlanSelection, Quote, Subscription, Tier } from '../../core/types.js';

export function findTier(catalog: Catalog, tierId: string): Tier {
  const tier = catalog.tiers.find((t) => t.id === tierId);
  if (!tier) throw new BillingError('not_found', `There is no tier "${tierId}".`, { status: 404 });
  return tier;
}

/** Recurring price of a selection before discounts and tax. */
export function recurringPrice(catalog: Catalog, selection: PlanSelection): Money {
  const tier = findTier(catalog, selection.tierId);
  if (tier.prices.length === 0) {
    throw new BillingError('invalid_request', `${tier.name} is arranged with sales, not checked out online.`, {
      status: 400,
    });
  }
  const price = tier.prices.find((p) => p.interval === selection.interval);
  if (!price) throw new BillingError('invalid_request', `${tier.name} has no ${selection.interval}ly price.`, { status: 400 });
  if (tier.seats) {
    const seats = selection.seats ?? tier.seats.min;
    if (seats < tier.seats.min || (tier.seats.max !== undefined && seats > tier.seats.max)) {
      throw new BillingError('invalid_request', `${tier.name} needs between ${tier.seats.min} and ${tier.seats.max ?? '∞'} seats.`, {
        status: 400,
      });
    }
  }
  const seats = price.perSeat ? (selection.seats ?? tier.seats?.min ?? 1) : 1;
  return multiplyMoney(price.amount, seats);
}

export function discountFor(subtotal: Money, coupon: Coupon | undefined): Money {
  if (!coupon) return zero(subtotal.currency);
  if (coupon.percentOff !== undefined) return percentOfMoney(subtotal, coupon.percentOff);
  if (coupon.amountOff && coupon.amountOff.currency === subtotal.currency) {
    return money(Math.min(coupon.amountOff.amount, subtotal.amount), subtotal.currency);
  }
  return zero(subtotal.currency);
}

/** Discount, tax and total of one recurring charge. */
export function charge(subtotal: Money, coupon: Coupon | undefined, taxPercent: number) {
  const discount = discountFor(subtotal, coupon);
  const taxable = subtractMoney(subtotal, discount);
  const tax = percentOfMoney(taxable, taxPercent);
  return { discount, tax, total: addMoney(taxable, tax) };
}

/** Normalised to a monthly amount, to tell an upgrade from a downgrade across intervals. */
export type { ChangeKind } from '../../core/plans.js';
import type { ChangeKind } from '../../core/plans.js';

export interface PricedQuote extends Quote {
  kind: ChangeKind;
}

/** Builds the quote for a selection against the current subscription. */
export function priceSelection(input: {
  catalog: Catalog;
  subscription: Subscription;
  selection: PlanSelection;
  coupon: Coupon | undefined;
  taxPercent: number;
  now: string;
  id: string;
  expiresAt: string;
}): PricedQuote {
  const { catalog, subscription, selection, coupon, taxPercent, now } = input;
  const subtotal = recurringPrice(catalog, selection);
  const { discount, tax, total } = charge(subtotal, coupon, taxPercent);
  const none = zero(subtotal.currency);
  const base = { id: input.id, selection, subtotal, discount, tax, total, expiresAt: input.expiresAt };

  const current = currentSelection(subscription);
  if (!current) {
    const nextPaymentDate = addInterval(now, selection.interval);
    return { ...base, kind: 'new', proration: none, dueNow: total, nextPaymentDate, effectiveAt: now };
  }
  const sameSelection =
    current.tierId === selection.tierId &&
    current.interval === selection.interval &&
    (current.seats ?? 1) === (selection.seats ?? current.seats ?? 1);
  const periodEnd = subscription.currentPeriod?.end ?? addInterval(now, current.interval);
  if (sameSelection) {
    return { ...base, kind: 'same', proration: none, dueNow: none, nextPaymentDate: periodEnd, effectiveAt: now };
  }

  const oldPrice = recurringPrice(catalog, current);
  const oldTotal = charge(oldPrice, subscription.discount, taxPercent).total;
  const isUpgrade = monthlyValue(subtotal, selection.interval) > monthlyValue(oldPrice, current.interval);
  if (!isUpgrade) {
    // Downgrades take effect at the end of the paid period: nothing is charged now.
    return { ...base, kind: 'downgrade', proration: none, dueNow: none, nextPaymentDate: periodEnd, effectiveAt: periodEnd };
  }
  if (subscription.status === 'trialing') {
    const trialEnd = subscription.trialEnd ?? periodEnd;
    return { ...base, kind: 'upgrade', proration: none, dueNow: none, nextPaymentDate: trialEnd, effectiveAt: now };
  }
  const start = subscription.currentPeriod?.start ?? now;
  const length = Math.max(1, millisBetween(start, periodEnd));
  const remaining = Math.min(length, Math.max(0, millisBetween(now, periodEnd)));
  if (selection.interval === current.interval) {
    // Same cadence: pay the difference for the rest of the period, keep the anchor.
    const proration = prorateMoney(subtractMoney(total, oldTotal), remaining, length);
    const dueNow = proration.amount > 0 ? proration : none;
    return { ...base, kind: 'upgrade', proration, dueNow, nextPaymentDate: periodEnd, effectiveAt: now };
  }
  // New cadence: a new period starts now, the unused part of the old one is credited.
  const credit = prorateMoney(oldTotal, remaining, length);
  const proration = money(-credit.amount, credit.currency);
  const due = addMoney(total, proration);
  return {
    ...base,
    kind: 'upgrade',
    proration,
    dueNow: due.amount > 0 ? due : none,
    nextPaymentDate: addInterval(now, selection.interval),
    effectiveAt: now,
  };
}
