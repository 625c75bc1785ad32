import { currencyExponent } from '../core/currency.js';
import { cachedFormatter } from '../core/intl-cache.js';
import { toDecimalString } from '../core/money.js';
import type { Money } from '../core/types.js';

/**
 * The amount an input starts from, written as the page's language writes it ("25.00", "25,00")
 * without grouping, so that `parseMoneyInput` reads back exactly what it shows.
 */
export function asMoneyInput(m: Money | undefined, locale: string): string {
  if (!m) return '';
  const digits = currencyExponent(m.currency);
  const format = cachedFormatter('money-input', locale, { digits }, () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }));
  return format.format(toDecimalString(m) as Intl.StringNumericLiteral);
}
