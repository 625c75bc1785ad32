import { msg, str } from '@lit/localize';
import { countOf } from '../../format/counts.js';
import type { Tier } from '../../core/types.js';

/**
 * Why a typed seat count is refused (one `seatsInRange` did not take): not a whole
 * number, below the tier's minimum or above its maximum. Loaded with the first seats.
 */
export function seatRefusal(tier: Tier, text: string, locale: string): string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return msg('Enter a whole number of seats.', { id: 'picker.seats_not_number' });
  const name = tier.name;
  if (Number(trimmed) < (tier.seats?.min ?? 1)) {
    const least = countOf('seats', tier.seats?.min ?? 1, locale);
    return msg(str`${name} needs at least ${least}.`, { id: 'picker.seats_too_few' });
  }
  const most = countOf('seats', tier.seats?.max ?? 0, locale);
  return msg(str`${name} allows at most ${most}. Contact sales for more.`, { id: 'picker.seats_too_many' });
}
