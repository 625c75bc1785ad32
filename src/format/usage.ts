import { msg, str } from '@lit/localize';
import { formatNumber } from '../core/money.js';
import type { Meter } from '../core/types.js';

type Measured = Pick<Meter, 'unit' | 'unitLabel'>;

/** Large amounts are compact ("1.2M"); minutes are whole, other units keep a decimal ("12.5"). */
const amountOptions = (value: number, unit: Meter['unit']) =>
  ({ notation: value >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: unit === 'minutes' ? 0 : 1 }) as const;

/** An amount of a meter without its unit: "1.2M", "222", "12.5". */
export function formatAmount(value: number, unit: Meter['unit'], locale: string): string {
  return formatNumber(value, locale, amountOptions(value, unit));
}

/** An amount as people read it, in the meter's unit: "1.2M tokens", "222 min", "12.5 GB", "12". */
export function formatUsageAmount(value: number, meter: Measured, locale: string): string {
  const { unit, unitLabel } = meter;
  // Intl writes minutes as each language does ("222 min", "222 Min.", "222分").
  if (unit === 'minutes') return formatNumber(value, locale, { ...amountOptions(value, unit), style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const amount = formatAmount(value, unit, locale);
  if (unit === 'tokens') return msg(str`${amount} tokens`, { id: 'usage.tokens' });
  return unitLabel ? `${amount} ${unitLabel}` : amount;
}

/** A share of a limit: "96%", and "<1%" for a little more than nothing. */
export function formatPercent(fraction: number, locale: string): string {
  const percent = (f: number) => formatNumber(f, locale, { style: 'percent', maximumFractionDigits: 0 });
  return fraction > 0 && fraction < 0.01 ? `<${percent(0.01)}` : percent(fraction);
}
