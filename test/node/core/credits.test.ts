// The rules of prepaid credit: what a custom amount and an auto-recharge setting may be, how
// a typed amount reads in each language, and the ledger in calendar months.
import { describe, expect, it } from 'vitest';
import { autoRechargeProblems, creditInUnits, customAmountProblem, ledgerByPeriod, parseMoneyInput } from '../../../src/core/credits.js';
import type { CreditEntry, Meter } from '../../../src/core/types.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('credit rules', () => {
  it('says what the balance buys of each meter it covers at its overage price, rounded down, leaving out meters it cannot price', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const meter = (key: string, overagePrice?: Meter['overagePrice']): Meter => ({ key, used: 0, limit: 100, unit: 'tokens', ...(overagePrice ? { overagePrice } : {}) });
    const output = meter('output_tokens', { amount: usd(800), per: 1_000_000 });
    const minutes = meter('transcription_minutes', { amount: usd(3), per: 1 });
    const euro = meter('input_tokens', { amount: { amount: 100, currency: 'EUR' }, per: 1_000_000 });
    const meters = [output, minutes, euro, meter('integrations')];
    expect(creditInUnits({ balance: usd(2600), covers: [] }, meters)).toEqual([
      { meter: output, units: 3_250_000 },
      { meter: minutes, units: 866 },
    ]);
    expect(creditInUnits({ balance: usd(2600), covers: ['transcription_minutes'] }, meters)).toEqual([{ meter: minutes, units: 866 }]);
    expect(creditInUnits({ balance: usd(0), covers: [] }, meters)).toEqual([]);
    expect(creditInUnits({ balance: usd(-50), covers: [] }, meters)).toEqual([]);
  });

  it('takes a custom amount within the bounds, in the balance currency only', () => {
    const bounds = { min: usd(500), max: usd(50000) };
    expect(customAmountProblem(usd(500), bounds)).toBeUndefined();
    expect(customAmountProblem(usd(50000), bounds)).toBeUndefined();
    expect(customAmountProblem(usd(499), bounds)).toBe('below_min');
    expect(customAmountProblem(usd(50001), bounds)).toBe('above_max');
    expect(customAmountProblem({ amount: 1000, currency: 'EUR' }, bounds)).toBe('currency');
    expect(customAmountProblem(usd(0), bounds)).toBe('invalid');
    expect(customAmountProblem(usd(10.5), bounds)).toBe('invalid');
    expect(customAmountProblem(null, bounds)).toBe('invalid');
    expect(customAmountProblem(usd(1000), undefined)).toBe('invalid');
  });

  it('wants the recharge above the threshold and a ceiling that holds one recharge', () => {
    expect(autoRechargeProblems({ threshold: usd(500), amount: usd(2500), monthlyLimit: usd(2500) }, 'USD')).toEqual([]);
    expect(autoRechargeProblems({ threshold: usd(0), amount: usd(1) }, 'USD')).toEqual([]);
    expect(autoRechargeProblems({ threshold: usd(2500), amount: usd(2500) }, 'USD')).toEqual([['amount', 'not_above_threshold']]);
    expect(autoRechargeProblems({ threshold: usd(500), amount: usd(2500), monthlyLimit: usd(2499) }, 'USD')).toEqual([['monthlyLimit', 'below_amount']]);
    expect(autoRechargeProblems({ threshold: usd(-1), amount: usd(0) }, 'USD')).toEqual([['threshold', 'invalid'], ['amount', 'invalid']]);
    expect(autoRechargeProblems({ threshold: { amount: 500, currency: 'EUR' }, amount: usd(2500) }, 'USD')).toEqual([['threshold', 'currency']]);
    expect(autoRechargeProblems({ threshold: usd(500), amount: usd(2500), monthlyLimit: usd(0) }, 'USD')).toEqual([['monthlyLimit', 'invalid']]);
  });

  it('reads an amount as people type it in their language', () => {
    expect(parseMoneyInput('25', 'USD', 'en')).toEqual(usd(2500));
    expect(parseMoneyInput('$1,250.50', 'USD', 'en')).toEqual(usd(125050));
    expect(parseMoneyInput('25,5', 'USD', 'de')).toEqual(usd(2550));
    expect(parseMoneyInput('1.250,00 $', 'USD', 'de')).toEqual(usd(125000));
    expect(parseMoneyInput('١٢٫٥٠', 'USD', 'ar')).toEqual(usd(1250));
    expect(parseMoneyInput('1 000', 'JPY', 'fr')).toEqual({ amount: 1000, currency: 'JPY' });
    expect(parseMoneyInput('.5', 'USD', 'en')).toEqual(usd(50));
    expect(parseMoneyInput('12.345', 'USD', 'en')).toBeNull();
    expect(parseMoneyInput('-5', 'USD', 'en')).toBeNull();
    expect(parseMoneyInput('five', 'USD', 'en')).toBeNull();
    expect(parseMoneyInput('', 'USD', 'en')).toBeNull();
    // Grouping is three digits: a stray dot is refused, not dropped.
    expect(parseMoneyInput('1.2.3', 'USD', 'de')).toBeNull();
    expect(parseMoneyInput('25.50', 'USD', 'de')).toBeNull();
    expect(parseMoneyInput('1,2,3', 'USD', 'de')).toBeNull();
  });

  it('groups the ledger in calendar months of the account time zone, newest first, with what came in and went out', () => {
    const entry = (id: string, at: string, amount: number): CreditEntry => ({ id, kind: amount > 0 ? 'purchase' : 'usage', amount: usd(amount), balanceAfter: usd(0), at });
    const periods = ledgerByPeriod([
      entry('a', '2026-10-31T23:30:00Z', 1000),
      entry('b', '2026-11-01T02:00:00Z', -200),
      entry('c', '2026-11-20T12:00:00Z', -300),
      entry('d', '2026-11-21T12:00:00Z', 2500),
    ], 'America/New_York');
    // 2 a.m. UTC on 1 November is still 31 October in New York.
    expect(periods.map((p) => [p.start, p.entries.map((e) => e.id), p.added, p.used])).toEqual([
      ['2026-11-01', ['d', 'c'], 2500, 300],
      ['2026-10-01', ['b', 'a'], 1000, 200],
    ]);
    expect(ledgerByPeriod([])).toEqual([]);
  });
});
