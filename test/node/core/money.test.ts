import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../../../src/core/currency.js';
import {
  addMoney,
  formatMoney,
  fromDecimalString,
  mulDivRound,
  percentOfMoney,
  prorateMoney,
  subtractMoney,
  toDecimalString,
} from '../../../src/core/money.js';

// Intl uses narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('knows the ISO 4217 exponent of zero-, two- and three-decimal currencies', () => {
    expect(currencyExponent('JPY')).to.equal(0);
    expect(currencyExponent('KRW')).to.equal(0);
    expect(currencyExponent('usd')).to.equal(2);
    expect(currencyExponent('EUR')).to.equal(2);
    for (const code of ['KWD', 'BHD', 'JOD', 'OMR', 'TND']) expect(currencyExponent(code)).to.equal(3);
    expect(() => currencyExponent('US')).to.throw(RangeError);
  });

  it('formats USD in English', () => {
    expect(formatMoney({ amount: 1234, currency: 'USD' }, 'en-US')).to.equal('$12.34');
    expect(formatMoney({ amount: -5, currency: 'USD' }, 'en-US')).to.equal('-$0.05');
    expect(formatMoney({ amount: 123456789, currency: 'USD' }, 'en-US')).to.equal('$1,234,567.89');
  });

  it('formats EUR in German', () => {
    expect(plain(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE'))).to.equal('1.234,56 €');
  });

  it('formats JPY without minor units: 1200 is ¥1,200, not ¥12', () => {
    expect(formatMoney({ amount: 1200, currency: 'JPY' }, 'en-US')).to.equal('¥1,200');
    expect(plain(formatMoney({ amount: 1200, currency: 'JPY' }, 'ja-JP'))).to.match(/^[￥¥]1,200$/);
  });

  it('formats KWD with three decimals', () => {
    expect(plain(formatMoney({ amount: 12345, currency: 'KWD' }, 'en-US'))).to.equal('KWD 12.345');
  });

  it('can trim a zero fraction for prices', () => {
    expect(formatMoney({ amount: 4900, currency: 'USD' }, 'en-US', { trimZeroFraction: true })).to.equal('$49');
    expect(formatMoney({ amount: 4950, currency: 'USD' }, 'en-US', { trimZeroFraction: true })).to.equal('$49.50');
  });

  it('converts minor units to exact decimal strings and back', () => {
    expect(toDecimalString({ amount: 5, currency: 'KWD' })).to.equal('0.005');
    expect(toDecimalString({ amount: -1234, currency: 'USD' })).to.equal('-12.34');
    expect(toDecimalString({ amount: 1200, currency: 'JPY' })).to.equal('1200');
    expect(fromDecimalString('12.345', 'KWD')).to.deep.equal({ amount: 12345, currency: 'KWD' });
    expect(fromDecimalString('12.3', 'JPY')).to.equal(null);
    expect(fromDecimalString('0.1', 'USD')).to.deep.equal({ amount: 10, currency: 'USD' });
  });

  it('never formats a float: fractional minor units are refused', () => {
    expect(() => formatMoney({ amount: 12.5, currency: 'USD' }, 'en-US')).to.throw(RangeError);
  });

  it('does integer arithmetic and refuses mixed currencies', () => {
    expect(addMoney({ amount: 10, currency: 'USD' }, { amount: 20, currency: 'USD' }).amount).to.equal(30);
    expect(subtractMoney({ amount: 10, currency: 'USD' }, { amount: 20, currency: 'USD' }).amount).to.equal(-10);
    expect(() => addMoney({ amount: 1, currency: 'USD' }, { amount: 1, currency: 'EUR' })).to.throw(RangeError);
  });

  it('rounds percentages and proration half away from zero, exactly', () => {
    expect(percentOfMoney({ amount: 4900, currency: 'USD' }, 20).amount).to.equal(980);
    expect(percentOfMoney({ amount: 5, currency: 'USD' }, 50).amount).to.equal(3);
    expect(percentOfMoney({ amount: 999, currency: 'USD' }, 12.5).amount).to.equal(125);
    expect(prorateMoney({ amount: 3000, currency: 'USD' }, 1, 3).amount).to.equal(1000);
    expect(mulDivRound(-5, 1, 2)).to.equal(-3);
    // Large amounts stay exact where float math would not.
    expect(mulDivRound(9_007_199_254_740_991, 3, 3)).to.equal(9_007_199_254_740_991);
  });
});
