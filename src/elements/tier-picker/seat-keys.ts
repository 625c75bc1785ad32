import { carrySeats } from '../../core/plans.js';
import type { Tier } from '../../core/types.js';

/** A typed seat count the tier takes (a whole number within its range), else undefined: then seatRefusal (seats.ts) says why. */
export function seatsInRange(tier: Tier, text: string): number | undefined {
  const seats = carrySeats(tier, Number(text));
  return /^\s*\d+\s*$/.test(text) && seats && !seats.clamped ? seats.seats : undefined;
}

/**
 * The seat count a spin button key asks for: arrows by one, Home and End to the ends (kept
 * within the range by whoever applies it). Undefined for other keys (and End without a maximum).
 */
export function seatsForKey(key: string, seats: number, tier: Tier): number | undefined {
  return ({ ArrowUp: seats + 1, ArrowDown: seats - 1, Home: 1, End: tier.seats?.max } as Record<string, number | undefined>)[key];
}
