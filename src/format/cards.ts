/** How a saved card is named and whether it can still pay: shared by the card list and the plan's payments. */
import { msg, str } from '@lit/localize';
import type { PaymentMethod } from '../core/types.js';

const BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/** "Visa ending in 4242". */
export function cardLabel(pm: PaymentMethod): string {
  const brand = BRANDS[pm.brand ?? ''] ?? pm.brand ?? pm.type;
  return msg(str`${brand} ending in ${pm.last4}`, { id: 'cards.label' });
}

/** Months from now until the card's expiry month ends (negative once expired). */
export function monthsLeft(pm: PaymentMethod, now = new Date()): number | undefined {
  if (!pm.expMonth || !pm.expYear) return undefined;
  return (pm.expYear - now.getUTCFullYear()) * 12 + (pm.expMonth - (now.getUTCMonth() + 1));
}

export function isExpired(pm: PaymentMethod, now = new Date()): boolean {
  return (monthsLeft(pm, now) ?? 0) < 0;
}
