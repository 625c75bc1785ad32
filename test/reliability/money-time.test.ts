/**
 * Money and time, the classic billing bugs: zero-decimal currencies charged 100 times,
 * drifting arithmetic, periods off by a day across time zones and month ends.
 */
import { expect } from '@open-wc/testing';
import { currencyExponent } from '../../src/core/currency.js';
import { addMonths, formatDate } from '../../src/core/dates.js';
import { addMoney, formatMoney, fromDecimalString, percentOfMoney, subtractMoney, toDecimalString } from '../../src/core/money.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const currencies = Intl.supportedValuesOf('currency');

describe('money: every active ISO 4217 currency', () => {
  it(`formats each of the ${currencies.length} currencies with its ISO exponent`, () => {
    const jpyLike = ['JPY', 'KRW', 'VND', 'CLP', 'ISK'];
    const threeDecimals = ['KWD', 'BHD', 'JOD', 'OMR', 'TND', 'IQD', 'LYD'];
    for (const code of jpyLike) expect(currencyExponent(code), code).to.equal(0);
    for (const code of threeDecimals) expect(currencyExponent(code), code).to.equal(3);
    for (const code of currencies) {
      const exponent = currencyExponent(code);
      const text = formatMoney({ amount: 123456, currency: code }, 'en-US', { currencyDisplay: 'code' });
      const digits = /[\d,]+(?:\.(\d+))?/.exec(text.replace(code, ''))?.[1] ?? '';
      expect(digits.length, `${code}: ${text}`).to.equal(exponent);
    }
  });

  it('round-trips 200 random amounts per currency through the exact decimal form, without drift', () => {
    const next = random(42);
    for (const code of currencies) {
      for (let i = 0; i < 200; i++) {
        const amount = Math.floor((next() - 0.5) * 2 * 10 ** (6 + Math.floor(next() * 8)));
        const money = { amount, currency: code };
        const back = fromDecimalString(toDecimalString(money), code);
        expect(back?.amount, `${code} ${amount}`).to.equal(amount);
      }
    }
  });

  it('adds, subtracts and takes percentages in whole minor units only', () => {
    const next = random(7);
    for (let i = 0; i < 5000; i++) {
      const a = { amount: Math.floor(next() * 1e9), currency: 'USD' };
      const b = { amount: Math.floor(next() * 1e9), currency: 'USD' };
      expect(subtractMoney(addMoney(a, b), b).amount).to.equal(a.amount);
      const percent = Math.round(next() * 10000) / 100;
      const part = percentOfMoney(a, percent).amount;
      expect(Number.isSafeInteger(part)).to.equal(true);
      expect(Math.abs(part - (a.amount * percent) / 100)).to.be.at.most(0.5 + 1e-6);
    }
    // ¥1,200 stays ¥1,200: never multiplied by 100.
    expect(formatMoney({ amount: 1200, currency: 'JPY' }, 'en-US')).to.equal('¥1,200');
  });
});

describe('time: billing dates across zones, DST changes and month ends', () => {
  const zones = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

  it('a period that starts at midnight UTC shows the day of each account zone', () => {
    const start = '2026-03-01T00:00:00.000Z';
    const expected: Record<string, string> = {
      'America/Los_Angeles': 'Feb 28, 2026',
      'Asia/Kolkata': 'Mar 1, 2026',
      'Pacific/Kiritimati': 'Mar 1, 2026',
      'Pacific/Pago_Pago': 'Feb 28, 2026',
    };
    for (const zone of zones) expect(formatDate(start, 'en-US', zone), zone).to.equal(expected[zone]);
  });

  it('monthly anchors clamp to month ends and keep the time of day across DST', () => {
    // Los Angeles moves to daylight time on 2026-03-08; anchors are UTC instants.
    const anchor = '2026-01-31T08:00:00.000Z';
    const months = [1, 2, 3, 4].map((n) => addMonths(anchor, n));
    expect(months).to.deep.equal([
      '2026-02-28T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-30T08:00:00.000Z',
      '2026-05-31T08:00:00.000Z',
    ]);
    expect(months.map((m) => formatDate(m, 'en-US', 'America/Los_Angeles'))).to.deep.equal([
      'Feb 28, 2026',
      'Mar 31, 2026',
      'Apr 30, 2026',
      'May 31, 2026',
    ]);
  });

  it('the browser zone does not change what an account zone shows', () => {
    // These tests also run with the TZ environment set to each zone (scripts/tz-check.mjs).
    const expectedZone = (window as unknown as { __expectedTimeZone?: string }).__expectedTimeZone;
    if (expectedZone) {
      // The browser runs in that zone (compared by what it shows: zone names have aliases).
      const instant = new Date('2026-07-01T12:00:00Z');
      const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'long' };
      expect(new Intl.DateTimeFormat('en-US', options).format(instant)).to.equal(
        new Intl.DateTimeFormat('en-US', { ...options, timeZone: expectedZone }).format(instant),
      );
    }
    const due = '2026-11-01T09:30:00.000Z';
    expect(formatDate(due, 'en-US', 'America/Los_Angeles')).to.equal('Nov 1, 2026');
    expect(formatDate(due, 'en-US', 'Pacific/Kiritimati')).to.equal('Nov 1, 2026');
    expect(formatDate(due, 'en-US', 'Pacific/Pago_Pago')).to.equal('Oct 31, 2026');
    expect(formatDate(due, 'en-US', 'UTC')).to.equal('Nov 1, 2026');
  });
});
