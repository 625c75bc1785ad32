import { msg, str } from '@lit/localize';
import { countOf } from '../../format/counts.js';
import type { Tier } from '../../core/types.js';

export type SeatCheck = { ok: true; seats: number } | { ok: false; reason: string };

/** Checks a typed seat count against the tier's minimum and maximum, with the reason when refused. */
export function checkSeats(tier: Tier, text: string, locale: string): SeatCheck {
  const min = tier.seats?.min ?? 1;
  const max = tier.seats?.max;
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: msg('Enter a whole number of seats.', { id: 'picker.seats_not_number' }) };
  const seats = Number(trimmed);
  const name = tier.name;
  if (seats < min) {
    const least = countOf('seats', min, locale);
    return { ok: false, reason: msg(str`${name} needs at least ${least}.`, { id: 'picker.seats_too_few' }) };
  }
  if (max !== undefined && seats > max) {
    const most = countOf('seats', max, locale);
    return { ok: false, reason: msg(str`${name} allows at most ${most}. Contact sales for more.`, { id: 'picker.seats_too_many' }) };
  }
  return { ok: true, seats };
}
