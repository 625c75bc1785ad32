import { formatNumber } from '../core/money.js';

/** A limit or amount of a meter, compact for tokens ("10M") and exact for counts and minutes. */
export function formatQuantity(value: number, unit: 'tokens' | 'minutes' | 'count' | undefined, locale: string): string {
  if (unit === 'tokens' && value >= 10_000) {
    return formatNumber(value, locale, { notation: 'compact', maximumFractionDigits: 1 });
  }
  return formatNumber(value, locale, { maximumFractionDigits: 0 });
}

export function meterUnit(key: string): 'tokens' | 'minutes' | 'count' {
  if (key.endsWith('tokens')) return 'tokens';
  if (key.endsWith('minutes')) return 'minutes';
  return 'count';
}
