/**
 * Spend caps: what happens when a meter reaches its plan's limit. The account owner
 * chooses: usage stops there, or goes on as overage billed up to an amount a period. One
 * set of rules for the element's preview, the simulator and the reference server.
 */
import type { Meter, Money, OveragePrice, SpendCap } from './types.js';

/** The largest overage ceiling accepted, in minor units (10,000,000.00 in a two-decimal currency). */
export const MAX_OVERAGE_AMOUNT = 1_000_000_000;

/** The usage units `money` buys at `price`, whole units only. */
export function unitsFor(money: Money, price: OveragePrice): number {
  return price.amount.amount > 0 ? Math.floor((money.amount * price.per) / price.amount.amount) : Infinity;
}

/** What `units` beyond the limit cost, to the minor unit. */
export function overageCost(units: number, price: OveragePrice): Money {
  return { amount: Math.round((Math.max(0, units) * price.amount.amount) / price.per), currency: price.amount.currency };
}

/**
 * Where the meter stops this period: its limit (`stop`), its limit plus what the overage
 * ceiling buys (`overage`), or null (no cap, or an unlimited meter).
 */
export function capUnits(meter: Pick<Meter, 'limit' | 'spendCap' | 'overagePrice'>, cap: SpendCap | undefined = meter.spendCap): number | null {
  if (!cap || meter.limit === null) return null;
  if (cap.atLimit === 'stop' || !meter.overagePrice) return meter.limit;
  return meter.limit + unitsFor(cap.maxOverage, meter.overagePrice);
}

/** Whether the meter has reached its cap: the host app refuses more usage. */
export function capReached(meter: Pick<Meter, 'used' | 'limit' | 'spendCap' | 'overagePrice'>): boolean {
  const at = capUnits(meter);
  return at !== null && meter.used >= at;
}

/** The overage billed so far this period (never above the cap's ceiling); undefined when nothing beyond the limit is sold. */
export function overageSpent(meter: Pick<Meter, 'used' | 'limit' | 'spendCap' | 'overagePrice'>): Money | undefined {
  if (meter.limit === null || !meter.overagePrice) return undefined;
  const billable = Math.min(meter.used, capUnits(meter) ?? Infinity) - meter.limit;
  return overageCost(billable, meter.overagePrice);
}

export type SpendCapProblem =
  /** An unlimited meter has no limit to cap at. */
  | 'unlimited'
  /** Overage is asked for, but the plan sells none on this meter. */
  | 'no_overage'
  /** The ceiling is in another currency than the overage price. */
  | 'currency'
  /** The ceiling buys less than one block of overage. */
  | 'too_small'
  | 'too_large';

/** Why `cap` cannot be set on `meter`, or undefined when it can. */
export function spendCapProblem(cap: SpendCap, meter: Pick<Meter, 'limit' | 'overagePrice'>): SpendCapProblem | undefined {
  if (meter.limit === null) return 'unlimited';
  if (cap.atLimit === 'stop') return undefined;
  const price = meter.overagePrice;
  if (!price) return 'no_overage';
  if (cap.maxOverage.currency !== price.amount.currency) return 'currency';
  if (!Number.isSafeInteger(cap.maxOverage.amount) || cap.maxOverage.amount < price.amount.amount) return 'too_small';
  if (cap.maxOverage.amount > MAX_OVERAGE_AMOUNT) return 'too_large';
  return undefined;
}

/** What a backend answers for each problem (400), in English: the element says it in the page's language. */
export const SPEND_CAP_PROBLEMS: Record<SpendCapProblem, string> = {
  unlimited: 'this meter is unlimited; there is no limit to cap at',
  no_overage: 'this plan sells no usage beyond the limit of this meter',
  currency: 'the ceiling must be in the currency of the overage price',
  too_small: 'the ceiling must be a whole amount of at least one block of overage',
  too_large: `the ceiling must be at most ${MAX_OVERAGE_AMOUNT} in minor units`,
};
