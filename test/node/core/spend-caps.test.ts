import { describe, expect, it } from 'vitest';
import { capReached, capUnits, overageCost, overageSpent, spendCapProblem, unitsFor } from '../../../src/core/spend-caps.js';
import type { Meter } from '../../../src/core/types.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
/** Output tokens: 2,000,000 in the plan, then $8.00 per million. */
const meter = (over: Partial<Meter> = {}): Meter => ({
  key: 'output_tokens',
  used: 1_500_000,
  limit: 2_000_000,
  unit: 'tokens',
  overagePrice: { amount: usd(800), per: 1_000_000 },
  ...over,
});

describe('spend caps', () => {
  it('prices overage by the block and counts the units a ceiling buys', () => {
    const price = { amount: usd(800), per: 1_000_000 };
    expect(unitsFor(usd(5000), price)).toBe(6_250_000);
    expect(unitsFor(usd(1), price)).toBe(1250);
    expect(overageCost(250_000, price)).toEqual(usd(200));
    expect(overageCost(-5, price)).toEqual(usd(0));
    expect(unitsFor(usd(100), { amount: usd(0), per: 1 })).toBe(Infinity);
  });

  it('stops a capped meter at its limit, or at the limit plus what the ceiling buys', () => {
    expect(capUnits(meter())).toBeNull();
    expect(capUnits(meter({ spendCap: { atLimit: 'stop' } }))).toBe(2_000_000);
    expect(capUnits(meter({ spendCap: { atLimit: 'overage', maxOverage: usd(5000) } }))).toBe(8_250_000);
    // An unlimited meter has nothing to cap.
    expect(capUnits(meter({ limit: null, spendCap: { atLimit: 'stop' } }))).toBeNull();
    // A preview for a cap not yet saved.
    expect(capUnits(meter(), { atLimit: 'overage', maxOverage: usd(800) })).toBe(3_000_000);
  });

  it('says when the cap is reached, not before', () => {
    const stop = { atLimit: 'stop' } as const;
    expect(capReached(meter({ used: 1_999_999, spendCap: stop }))).toBe(false);
    expect(capReached(meter({ used: 2_000_000, spendCap: stop }))).toBe(true);
    expect(capReached(meter({ used: 9_000_000 }))).toBe(false);
  });

  it('bills overage up to the ceiling, never beyond it', () => {
    expect(overageSpent(meter())).toEqual(usd(0));
    expect(overageSpent(meter({ used: 2_500_000 }))).toEqual(usd(400));
    expect(overageSpent(meter({ used: 20_000_000, spendCap: { atLimit: 'overage', maxOverage: usd(5000) } }))).toEqual(usd(5000));
    expect(overageSpent(meter({ used: 3_000_000, spendCap: { atLimit: 'stop' } }))).toEqual(usd(0));
    expect(overageSpent(meter({ overagePrice: undefined }))).toBeUndefined();
  });

  it('refuses caps that cannot work, and says why', () => {
    expect(spendCapProblem({ atLimit: 'stop' }, meter())).toBeUndefined();
    expect(spendCapProblem({ atLimit: 'stop' }, meter({ limit: null }))).toBe('unlimited');
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: usd(5000) }, meter())).toBeUndefined();
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: usd(5000) }, meter({ overagePrice: undefined }))).toBe('no_overage');
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: { amount: 5000, currency: 'EUR' } }, meter())).toBe('currency');
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: usd(799) }, meter())).toBe('too_small');
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: usd(800) }, meter())).toBeUndefined();
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: usd(1_000_000_001) }, meter())).toBe('too_large');
    expect(spendCapProblem({ atLimit: 'overage', maxOverage: usd(1000.5) }, meter())).toBe('too_small');
  });
});
