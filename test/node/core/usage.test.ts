import { describe, expect, it } from 'vitest';
import { forecast, meterState, newlyCrossed, usedFraction, warningThreshold } from '../../../src/core/usage.js';
import type { Meter } from '../../../src/core/types.js';

const meter = (used: number, limit: number | null, alertThresholds?: number[]): Meter => ({
  key: 'input_tokens', used, limit, unit: 'tokens', ...(alertThresholds ? { alertThresholds } : {}),
});

describe('usage rules', () => {
  it('a threshold is crossed when usage reaches it exactly, once, upwards only, in order', () => {
    expect(newlyCrossed(0.5, 1, [1, 0.8])).to.deep.equal([0.8, 1]);
    expect(newlyCrossed(0.79, 0.8, [0.8])).to.deep.equal([0.8]);
    expect(newlyCrossed(0.8, 0.9, [0.8]), 'already at it before').to.deep.equal([]);
    expect(newlyCrossed(0.9, 0.5, [0.8]), 'going down').to.deep.equal([]);
    expect(newlyCrossed(0.5, 0.7, [0.8])).to.deep.equal([]);
  });

  it('a meter is over at exactly its limit, warning from its first threshold below 100 % (80 % without one)', () => {
    expect(meterState(meter(100, 100))).to.equal('over');
    expect(meterState(meter(99, 100))).to.equal('warning');
    expect(meterState(meter(80, 100))).to.equal('warning');
    expect(meterState(meter(79, 100))).to.equal('normal');
    expect(meterState(meter(50, 100, [0.5, 1]))).to.equal('warning');
    expect(meterState(meter(49, 100, [0.5, 1]))).to.equal('normal');
    expect(warningThreshold(meter(0, 100, [1]))).to.equal(0.8);
    expect(warningThreshold(meter(0, 100, [0.9, 0.6]))).to.equal(0.6);
    expect(meterState(meter(5, null))).to.equal('unlimited');
  });

  it('a limit of zero: nothing used is 0 %, anything used is over', () => {
    expect(usedFraction(meter(0, 0))).to.equal(0);
    expect(usedFraction(meter(1, 0))).to.equal(Infinity);
    expect(meterState(meter(1, 0))).to.equal('over');
    expect(usedFraction(meter(3, null))).to.equal(undefined);
  });

  it('forecasts the day the limit is reached at the pace so far, and only with an hour of pace', () => {
    const period = { start: '2026-03-01T00:00:00Z', end: '2026-03-31T00:00:00Z' };
    // 10 days in, 50 % used: the limit comes 10 days later.
    expect(forecast(meter(50, 100), { period, updatedAt: '2026-03-11T00:00:00Z' })).to.deep.equal({ kind: 'on', date: '2026-03-21T00:00:00.000Z' });
    expect(forecast(meter(10, 100), { period, updatedAt: '2026-03-11T00:00:00Z' })).to.deep.equal({ kind: 'within' });
    expect(forecast(meter(100, 100), { period, updatedAt: '2026-03-11T00:00:00Z' })).to.deep.equal({ kind: 'reached' });
    expect(forecast(meter(5, 100), { period, updatedAt: '2026-03-01T00:59:59Z' }), 'under an hour').to.deep.equal({ kind: 'unknown' });
    expect(forecast(meter(5, 100), { period, updatedAt: '2026-03-01T01:00:00Z' })).to.have.property('kind', 'on');
    expect(forecast(meter(0, 100), { period, updatedAt: '2026-03-11T00:00:00Z' })).to.deep.equal({ kind: 'unknown' });
    expect(forecast(meter(5, null), { period, updatedAt: '2026-03-11T00:00:00Z' })).to.deep.equal({ kind: 'unknown' });
  });
});
