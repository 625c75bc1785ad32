import { currencyExponent } from './currency.js';
import { cachedFormatter } from './intl-cache.js';
import type { Money } from './types.js';

function assertMinorUnits(money: Money): void {
  if (!Number.isSafeInteger(money.amount)) {
    throw new RangeError(`Money amounts are whole minor units, got ${money.amount} ${money.currency}`);
  }
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency.toUpperCase() !== b.currency.toUpperCase()) {
    throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function money(amount: number, currency: string): Money {
  const m = { amount, currency: currency.toUpperCase() };
  assertMinorUnits(m);
  return m;
}

export function zero(currency: string): Money {
  return money(0, currency);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`Money is multiplied by whole numbers, got ${factor}`);
  return money(a.amount * factor, a.currency);
}

/** round(a * b / c), half away from zero, exact for any safe integers (BigInt inside). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c === 0) throw new RangeError('Division by zero');
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(negative ? -q : q);
}

/** A percentage of an amount (12.5 means 12.5 %), rounded to the minor unit. */
export function percentOfMoney(a: Money, percent: number): Money {
  // Percent to basis points keeps the arithmetic in integers.
  const basisPoints = Math.round(percent * 100);
  return money(mulDivRound(a.amount, basisPoints, 10_000), a.currency);
}

/** The share `part / whole` of an amount (proration by time), rounded to the minor unit. */
export function prorateMoney(a: Money, part: number, whole: number): Money {
  return money(mulDivRound(a.amount, Math.round(part), Math.round(whole)), a.currency);
}

/**
 * Exact decimal string of a minor-unit amount (12345 KWD -> "12.345"), so Intl
 * formats the exact value instead of a float approximation.
 */
export function toDecimalString(m: Money): string {
  assertMinorUnits(m);
  const exponent = currencyExponent(m.currency);
  const digits = Math.abs(m.amount).toString().padStart(exponent + 1, '0');
  const sign = m.amount < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Parses a decimal string in major units ("12.34") into minor units; null when not exact. */
export function fromDecimalString(value: string, currency: string): Money | null {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const fraction = match[3] ?? '';
  if (fraction.length > exponent) return null;
  const amount = Number((match[2] ?? '0') + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(amount)) return null;
  return money(match[1] ? -amount : amount, currency);
}

export interface FormatMoneyOptions {
  /**
   * Drop the fraction when it is zero ($20 instead of $20.00). The kit's one rule: a recurring
   * price, written with its interval ("$20 per month"), drops it; an amount charged keeps it.
   */
  trimZeroFraction?: boolean;
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** `always`: a plus sign on amounts added (a ledger's lines). */
  signDisplay?: 'auto' | 'always';
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cachedFormatter('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** Formats money in a locale with the currency's ISO exponent, never through float arithmetic. */
export function formatMoney(m: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const exponent = currencyExponent(m.currency);
  const whole = m.amount % 10 ** exponent === 0;
  const digits = options.trimZeroFraction && whole ? 0 : exponent;
  return numberFormat(locale, {
    // currencyDisplay and signDisplay are Intl's own options (trimZeroFraction is ignored by Intl).
    ...options,
    style: 'currency',
    currency: m.currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: exponent,
  }).format(toDecimalString(m) as Intl.StringNumericLiteral);
}

/** Formats a plain number in a locale (counts, percentages). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}
