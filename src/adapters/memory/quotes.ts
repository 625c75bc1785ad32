/**
 * The simulator's quotes: the price of a selection against the current plan, with proration
 * for upgrades and downgrades at the period end. Only the simulator quotes, so this is part
 * of its chunk (pricing.ts, which the demo scenarios need up front, keeps the prices alone).
 */
import { currentSelection, monthlyValue } from '../../core/plans.js';
import { addInterval, millisBetween } from '../../core/dates.js';
import { addMoney, money, prorateMoney, subtractMoney, zero } from '../../core/money.js';
import type { Catalog, Coupon, PlanSelection, Quote, Subscription } from '../../core/types.js';
import type { ChangeKind } from '../../core/plans.js';
import { charge, recurringPrice } from './pricing.js';

/** A quote and the kind of change it prices (an upgrade, a downgrade, the same plan, a new one). */
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
