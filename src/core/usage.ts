import type { Meter, Usage } from './types.js';

export type MeterState = 'normal' | 'warning' | 'over' | 'unlimited';

/** Used as a fraction of the limit (0.62 for 62 %); undefined when unlimited. */
export function usedFraction(meter: Meter): number | undefined {
  if (meter.limit === null) return undefined;
  if (meter.limit === 0) return meter.used > 0 ? Infinity : 0;
  return meter.used / meter.limit;
}

/** The first alert threshold below 100 %, or 80 % when the meter has none. */
export function warningThreshold(meter: Meter): number {
  const below = (meter.alertThresholds ?? []).filter((t) => t < 1);
  return below.length ? Math.min(...below) : 0.8;
}

export function meterState(meter: Meter): MeterState {
  const fraction = usedFraction(meter);
  if (fraction === undefined) return 'unlimited';
  if (fraction >= 1) return 'over';
  return fraction >= warningThreshold(meter) ? 'warning' : 'normal';
}

/** Thresholds passed on the way from `before` to `after` (upwards only). */
export function newlyCrossed(before: number, after: number, thresholds: readonly number[]): number[] {
  return thresholds.filter((t) => before < t && after >= t).sort((a, b) => a - b);
}

export type Forecast =
  | { kind: 'reached' }
  | { kind: 'on'; date: string }
  | { kind: 'within' }
  | { kind: 'unknown' };

const HOUR = 3_600_000;

/**
 * When the limit is reached at the pace so far this period (a straight line from the
 * period start to now): on a date before the period ends, or not this period.
 */
export function forecast(meter: Meter, usage: Pick<Usage, 'period' | 'updatedAt'>): Forecast {
  if (meter.limit === null) return { kind: 'unknown' };
  if (meter.used >= meter.limit) return { kind: 'reached' };
  const start = Date.parse(usage.period.start);
  const end = Date.parse(usage.period.end);
  const now = Date.parse(usage.updatedAt);
  const elapsed = now - start;
  // Too early in the period, or nothing used yet: no meaningful pace.
  if (!(elapsed >= HOUR) || meter.used <= 0 || !(end > now)) return { kind: 'unknown' };
  const rate = meter.used / elapsed;
  const at = now + (meter.limit - meter.used) / rate;
  return at < end ? { kind: 'on', date: new Date(at).toISOString() } : { kind: 'within' };
}
