import { msg, str } from '@lit/localize';
import { formatNumber } from '../core/money.js';
import type { Meter } from '../core/types.js';

/** An amount of a meter as people read it: "1.2M tokens", "3 hr 40 min", "12". */
export function formatUsageAmount(value: number, unit: Meter['unit'], locale: string): string {
  if (unit === 'tokens') {
    const amount = formatNumber(value, locale, { notation: value >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 });
    return msg(str`${amount} tokens`, { id: 'usage.tokens' });
  }
  if (unit === 'minutes') {
    const minutes = Math.round(value);
    const part = (n: number, u: 'hour' | 'minute') => formatNumber(n, locale, { style: 'unit', unit: u, unitDisplay: 'short' });
    if (minutes < 60) return part(minutes, 'minute');
    const rest = minutes % 60;
    return rest ? `${part(Math.floor(minutes / 60), 'hour')} ${part(rest, 'minute')}` : part(minutes / 60, 'hour');
  }
  return formatNumber(value, locale, { maximumFractionDigits: 0 });
}

export function formatPercent(fraction: number, locale: string): string {
  return formatNumber(fraction, locale, { style: 'percent', maximumFractionDigits: 0 });
}
