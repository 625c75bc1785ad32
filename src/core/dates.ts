import { cachedFormatter } from './intl-cache.js';
import type { Interval } from './types.js';

// The syntax only; the ranges (month, day of that month, hour, offset) are checked by field.
// openapi.yaml's Timestamp says the same in one pattern, and a test holds the two equal.
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** True when a string is an ISO 8601 date or date-time with an explicit offset. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/**
 * Parses an ISO 8601 date (taken as UTC midnight) or date-time with an offset (`Z` or
 * `+hh:mm`, upper-case `T` and `Z`). Strings without an offset are refused: their meaning
 * would depend on the viewer's clock. So are days a month does not have (2026-02-30),
 * which Date would silently roll over, and hours past 23.
 */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_8601.exec(value);
  if (!match) return null;
  // Absent time fields are NaN, which no range check refuses.
  const [year = 0, month = 0, day = 0, ...clock] = match.slice(1).map(Number);
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0); // day 0 of the next month; years 0-99 stay as they are
  if (month < 1 || month > 12 || day < 1 || day > lastDay.getUTCDate()) return null;
  // hour, minute, second, offset hours, offset minutes
  if ([23, 59, 59, 23, 59].some((max, i) => (clock[i] ?? 0) > max)) return null;
  const date = new Date(match[4] === undefined ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function requireDate(value: string): Date {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not an ISO 8601 date: ${value}`);
  return date;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A cached formatter in the given zone; an unknown zone falls back to UTC rather than
 * throwing in the middle of a render.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormatter('date', locale, options, () => {
    try {
      return new Intl.DateTimeFormat(locale, options);
    } catch {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    }
  });
}

/** Formatting takes instants the client has already validated; only an unreadable one is refused. */
function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO 8601 date: ${iso}`);
  return date;
}

export type DateStyle = 'short' | 'medium' | 'long' | 'full';

/** Formats an ISO instant as a calendar date in an IANA time zone (UTC by default). */
// A date with its month's name, not dateStyle 'medium': that is all digits in Arabic,
// Japanese or German ("05/11/2026"), beside long dates that name the month.
const MEDIUM = { year: 'numeric', month: 'short', day: 'numeric' } as const;

export function formatDate(iso: string, locale: string, timeZone = 'UTC', dateStyle: DateStyle = 'medium'): string {
  return dateFormat(locale, dateStyle === 'medium' ? { ...MEDIUM, timeZone } : { dateStyle, timeZone }).format(toDate(iso));
}

export function formatDateTime(iso: string, locale: string, timeZone = 'UTC'): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(toDate(iso));
}

/** "Jan 1 – 31, 2026" in the locale's own range pattern. */
export function formatDateRange(startIso: string, endIso: string, locale: string, timeZone = 'UTC'): string {
  const format = dateFormat(locale, { ...MEDIUM, timeZone });
  const [start, end] = [toDate(startIso), toDate(endIso)];
  // CLDR's Japanese range pattern is all digits: two dates, written as single ones are.
  return locale.startsWith('ja') ? `${format.format(start)}～${format.format(end)}` : format.formatRange(start, end);
}

function daysInUtcMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Adds calendar months in UTC, clamping to the month's end (Jan 31 + 1 month is
 * Feb 28 or 29), the way billing anchors behave.
 */
export function addMonths(iso: string, months: number): string {
  const date = requireDate(iso);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInUtcMonth(targetYear, targetMonth));
  const result = new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      day,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
  return result.toISOString();
}

export function addInterval(iso: string, interval: Interval, count = 1): string {
  return addMonths(iso, interval === 'year' ? 12 * count : count);
}

export function toIso(date: Date): string {
  return date.toISOString();
}

export function millisBetween(startIso: string, endIso: string): number {
  return requireDate(endIso).getTime() - requireDate(startIso).getTime();
}
