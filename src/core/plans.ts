import type { Catalog, Interval, Money, PlanSelection, Subscription, Tier, TierPrice } from './types.js';

/** A subscription that bills now (active, trialing or past due): changes go through a quote. */
export function hasPlan(subscription: Subscription | undefined): boolean {
  return (
    subscription?.tierId !== undefined &&
    (subscription.status === 'active' || subscription.status === 'trialing' || subscription.status === 'past_due')
  );
}

/** The selection a subscription currently bills for. */
export function currentSelection(subscription: Subscription | undefined): PlanSelection | undefined {
  if (!subscription || !hasPlan(subscription) || !subscription.tierId || !subscription.interval) return undefined;
  return {
    tierId: subscription.tierId,
    interval: subscription.interval,
    ...(subscription.seats === undefined ? {} : { seats: subscription.seats }),
  };
}

/** Same tier, interval and seats (coupons aside). */
export function sameSelection(a: PlanSelection | undefined, b: PlanSelection | undefined): boolean {
  return (
    !!a && !!b && a.tierId === b.tierId && a.interval === b.interval && (a.seats ?? null) === (b.seats ?? null)
  );
}

export function priceFor(tier: Tier, interval: Interval): TierPrice | undefined {
  return tier.prices.find((p) => p.interval === interval);
}

/** Yearly saving against twelve monthly payments, in whole percent; undefined without both prices. */
export function yearlySavingPercent(tier: Tier): number | undefined {
  const month = priceFor(tier, 'month');
  const year = priceFor(tier, 'year');
  if (!month || !year || month.amount.currency !== year.amount.currency || month.amount.amount <= 0) return undefined;
  const saving = Math.round((1 - year.amount.amount / (month.amount.amount * 12)) * 100);
  return saving > 0 ? saving : undefined;
}

export function findTierIn(catalog: Catalog | undefined, tierId: string | undefined): Tier | undefined {
  return tierId ? catalog?.tiers.find((t) => t.id === tierId) : undefined;
}

/** A price per month (a yearly price counts a twelfth), to compare tiers billed differently. */
export function monthlyValue(price: Money, interval: Interval): number {
  return interval === 'year' ? price.amount / 12 : price.amount;
}

export type ChangeKind = 'new' | 'upgrade' | 'downgrade' | 'same';

/** What choosing `selection` does: start a plan, upgrade (charged now), downgrade (at the period end) or nothing. */
export function changeKind(catalog: Catalog, subscription: Subscription | undefined, selection: PlanSelection): ChangeKind {
  const current = currentSelection(subscription);
  if (!current) return 'new';
  if (sameSelection(current, selection)) return 'same';
  const value = (s: PlanSelection) => {
    const tier = findTierIn(catalog, s.tierId);
    const price = tier && priceFor(tier, s.interval);
    return price ? monthlyValue(price.amount, s.interval) * (price.perSeat ? (s.seats ?? tier.seats?.min ?? 1) : 1) : 0;
  };
  return value(selection) > value(current) ? 'upgrade' : 'downgrade';
}

/** Seats carried over to another team tier, within its minimum and maximum (`clamped` when they had to move). */
export interface CarriedSeats {
  seats: number;
  clamped: boolean;
}

/** The plan's seats carried to `tier`, or undefined for a tier without seats. */
export function carrySeats(tier: Tier, seats: number | undefined): CarriedSeats | undefined {
  if (!tier.seats) return undefined;
  const wanted = seats ?? tier.seats.min;
  const kept = Math.min(Math.max(wanted, tier.seats.min), tier.seats.max ?? Infinity);
  return { seats: kept, clamped: seats !== undefined && kept !== wanted };
}
