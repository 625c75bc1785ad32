/**
 * The simulator's usage by day: what a scenario starts with, spread over the period's days
 * until the first record (weekdays busier than weekends, the same every time), plus what was
 * recorded on each day since. Days are UTC calendar days. Part of the simulator's chunk.
 */
import type { DailyUsage } from '../../core/types.js';
import type { BillingSnapshot } from './snapshot.js';

const DAY_MS = 86_400_000;

export function dailyUsage(state: BillingSnapshot, now: string): DailyUsage {
  const { period, meters } = state.usage;
  const recorded = state.usageByDay ?? {};
  const today = now.slice(0, 10);
  // What the scenario started with is spread up to the first day anything was recorded, so it stays put as days pass.
  const seededUntil = [today, ...Object.keys(recorded)].sort()[0]!;
  const seeded: string[] = [];
  for (let t = Date.parse(period.start.slice(0, 10)); t <= Date.parse(seededUntil) && t < Date.parse(period.end); t += DAY_MS) {
    seeded.push(new Date(t).toISOString().slice(0, 10));
  }
  if (!seeded.length) seeded.push(seededUntil);
  const dates = [...new Set([...seeded, ...Object.keys(recorded)])].sort();
  const byDay = new Map(dates.map((date) => [date, { ...recorded[date] } as Record<string, number>]));
  const weights = seeded.map((date, i) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return (weekday === 0 || weekday === 6 ? 1 : 3) + (i % 3);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  for (const meter of meters) {
    const recordedTotal = dates.reduce((sum, date) => sum + (recorded[date]?.[meter.key] ?? 0), 0);
    const base = Math.max(0, meter.used - recordedTotal);
    let given = 0;
    seeded.forEach((date, i) => {
      // The last day takes what rounding left, so the days add up to the meter exactly.
      const share = i === seeded.length - 1 ? base - given : Math.floor((base * weights[i]!) / total);
      given += share;
      const day = byDay.get(date)!;
      if (share > 0) day[meter.key] = (day[meter.key] ?? 0) + share;
    });
  }
  return { period: { ...period }, days: dates.map((date) => ({ date, used: byDay.get(date)! })) };
}
