/**
 * The money rules an integrator relies on, down to the messages a developer reads: whole
 * minor units only, one currency per sum, exact rounding of signed amounts, and exact
 * parsing of what a user types.
 */
import { describe, expect, it } from 'vitest';
import { addMoney, formatMoney, formatNumber, fromDecimalString, money, mulDivRound, multiplyMoney, toDecimalString } from '../../../src/core/money.js';

describe('money rules', () => {
  it('says what is wrong when an amount is not whole minor units, or currencies are mixed', () => {
    expect(() => money(49.5, 'usd')).toThrow(new RangeError('Money amounts are whole minor units, got 49.5 USD'));
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(new RangeError('Cannot combine USD with EUR'));
    expect(() => multiplyMoney(money(100, 'USD'), 1.5)).toThrow(new RangeError('Money is multiplied by whole numbers, got 1.5'));
    expect(multiplyMoney(money(100, 'USD'), -3)).toEqual({ amount: -300, currency: 'USD' });
    expect(() => mulDivRound(1, 1, 0)).toThrow(new RangeError('Division by zero'));
  });

  it('rounds a * b / c half away from zero for every sign', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivRound(5, -1, 2)).toBe(-3);
    expect(mulDivRound(5, 1, -2)).toBe(-3);
    expect(mulDivRound(-5, 1, -2)).toBe(3);
    expect(mulDivRound(-5, -1, -2)).toBe(-3);
    expect(mulDivRound(4, 1, -2)).toBe(-2);
    expect(mulDivRound(0, 7, -3)).toBe(0);
    expect(mulDivRound(-1, 1, 3)).toBe(0);
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('writes a signed amount exactly, and zero without a sign', () => {
    expect(toDecimalString(money(-1234, 'USD'))).toBe('-12.34');
    expect(toDecimalString(money(0, 'USD'))).toBe('0.00');
    expect(toDecimalString(money(-5, 'JPY'))).toBe('-5');
    expect(toDecimalString(money(7, 'KWD'))).toBe('0.007');
  });

  it('reads what a user types exactly, or refuses it', () => {
    expect(fromDecimalString(' 12.34 ', 'USD')).toEqual({ amount: 1234, currency: 'USD' });
    expect(fromDecimalString('-12.3', 'USD')).toEqual({ amount: -1230, currency: 'USD' });
    expect(fromDecimalString('12', 'USD')).toEqual({ amount: 1200, currency: 'USD' });
    expect(fromDecimalString('1200', 'JPY')).toEqual({ amount: 1200, currency: 'JPY' });
    expect(fromDecimalString('1.5', 'JPY'), 'yen have no minor units').toBeNull();
    expect(fromDecimalString('12.345', 'USD')).toBeNull();
    expect(fromDecimalString('12.', 'USD')).toBeNull();
    expect(fromDecimalString('x12', 'USD')).toBeNull();
    expect(fromDecimalString('12x', 'USD')).toBeNull();
    expect(fromDecimalString('1e3', 'USD')).toBeNull();
    expect(fromDecimalString('', 'USD')).toBeNull();
    expect(fromDecimalString('90071992547409.93', 'USD'), 'beyond a safe integer').toBeNull();
  });

  it('formats with the currency’s symbol by default, whatever case the code came in, or as asked', () => {
    expect(formatMoney({ amount: 1234, currency: 'usd' }, 'en-US')).toBe('$12.34');
    expect(formatMoney(money(1234, 'USD'), 'en-US', { currencyDisplay: 'code' }).replace(/\u00a0/g, ' ')).toBe('USD 12.34');
    expect(formatMoney(money(-1234, 'EUR'), 'de-DE').replace(/\u00a0/g, ' ')).toBe('-12,34 €');
    expect(formatNumber(1234.5, 'de-DE')).toBe('1.234,5');
    expect(formatNumber(0.5, 'en', { style: 'percent' })).toBe('50%');
  });
});
