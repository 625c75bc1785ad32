import { describe, expect, it } from 'vitest';
import { addInterval, addMonths, formatDate, formatDateRange, parseIsoDate } from '../../../src/core/dates.js';

describe('dates', () => {
  it('parses ISO dates as UTC and refuses ambiguous or impossible ones', () => {
    expect(parseIsoDate('2026-03-01')?.toISOString()).to.equal('2026-03-01T00:00:00.000Z');
    expect(parseIsoDate('2026-03-01T10:00:00+05:30')?.toISOString()).to.equal('2026-03-01T04:30:00.000Z');
    expect(parseIsoDate('2026-03-01T10:00:00')).to.equal(null);
    expect(parseIsoDate('2026-02-30')).to.equal(null);
    expect(parseIsoDate('yesterday')).to.equal(null);
  });

  it('shows an instant on the calendar day of the account time zone', () => {
    const iso = '2026-03-01T03:00:00Z';
    expect(formatDate(iso, 'en-US', 'UTC')).to.equal('Mar 1, 2026');
    expect(formatDate(iso, 'en-US', 'America/Los_Angeles')).to.equal('Feb 28, 2026');
    expect(formatDate(iso, 'en-US', 'Asia/Kolkata')).to.equal('Mar 1, 2026');
    expect(formatDate('2026-03-01T12:30:00Z', 'en-US', 'Pacific/Kiritimati')).to.equal('Mar 2, 2026');
    expect(formatDate('2026-03-01T10:30:00Z', 'en-US', 'Pacific/Pago_Pago')).to.equal('Feb 28, 2026');
  });

  it('falls back to UTC for an unknown time zone instead of throwing', () => {
    expect(formatDate('2026-03-01T03:00:00Z', 'en-US', 'Mars/Olympus')).to.equal('Mar 1, 2026');
  });

  it('formats in the given locale', () => {
    expect(formatDate('2026-03-01T00:00:00Z', 'de-DE', 'UTC', 'long')).to.equal('1. März 2026');
    expect(formatDateRange('2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z', 'en-US')).to.match(/^Jan 1\s*–\s*31, 2026$/);
  });

  it('names the month in single dates and ranges alike, in every locale (no all-digit dates beside long ones)', () => {
    const [a, b] = ['2026-11-05T00:00:00Z', '2026-12-05T00:00:00Z'];
    for (const locale of ['ar', 'ja', 'de', 'fr', 'es', 'en']) {
      const single = formatDate(a, locale, 'UTC');
      const range = formatDateRange(a, b, locale, 'UTC');
      const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(a));
      expect(single, locale).to.contain(month);
      expect(range, locale).not.to.match(/\d+[/.]\d+[/.]\d+/);
    }
    expect(formatDate(a, 'ar', 'UTC')).to.equal(new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(a)));
    expect(formatDateRange(a, b, 'ja', 'UTC')).to.equal('2026年11月5日～2026年12月5日');
  });

  it('adds months with month-end clamping, like billing anchors', () => {
    expect(addMonths('2026-01-31T00:00:00.000Z', 1)).to.equal('2026-02-28T00:00:00.000Z');
    expect(addMonths('2028-01-31T00:00:00.000Z', 1)).to.equal('2028-02-29T00:00:00.000Z');
    expect(addMonths('2026-12-15T08:00:00.000Z', 1)).to.equal('2027-01-15T08:00:00.000Z');
    expect(addMonths('2026-03-31T00:00:00.000Z', -1)).to.equal('2026-02-28T00:00:00.000Z');
    expect(addInterval('2028-02-29T00:00:00.000Z', 'year')).to.equal('2029-02-28T00:00:00.000Z');
  });
});
