/** The simulator's prices: a selection's recurring price, discounts and tax (quotes.ts prorates). */
import { BillingError } from '../../core/errors.js';
import { addMoney, money, multiplyMoney, percentOfMoney, subtractMoney, zero } from '../../core/money.js';
import type { Catalog, Coupon, Money, PlanSelection, Tier } from '../../core/types.js';

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
