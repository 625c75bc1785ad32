/**
 * CSV exports for spreadsheets and accounting tools: invoices, the usage of the period per
 * meter and per day, and the credit ledger. RFC 4180 (quoted where needed, CRLF line ends); columns have
 * stable English names, dates are ISO 8601 and amounts are decimals in major units with the
 * currency beside them, so a file reads the same in every locale. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe.
 */
import { toDecimalString } from './money.js';
import type { CreditEntry, DailyUsage, Invoice, Money, Usage } from './types.js';

/** An amount as an exact decimal ("-1.20"): a number to a spreadsheet, never a formula. */
type Decimal = { decimal: string };
type Cell = string | number | Decimal | null | undefined;

const decimal = (m: Money): Decimal => ({ decimal: toDecimalString(m) });

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.decimal;
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (the first one the header) as CSV text. */
export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function invoicesCsv(invoices: Invoice[]): string {
  return toCsv([
    ['number', 'status', 'created_at', 'period_start', 'period_end', 'due_date', 'currency', 'total', 'amount_due', 'pdf_url', 'hosted_url'],
    ...invoices.map((i) => [
      i.number,
      i.status,
      i.createdAt,
      i.periodStart,
      i.periodEnd,
      i.dueDate,
      i.total.currency,
      decimal(i.total),
      decimal(i.amountDue),
      i.pdfUrl,
      i.hostedUrl,
    ]),
  ]);
}

/** The period's usage, a row per meter (no limit: an empty cell). */
export function usageCsv(usage: Usage): string {
  return toCsv([
    ['meter', 'unit', 'used', 'limit', 'period_start', 'period_end', 'updated_at'],
    ...usage.meters.map((m) => [m.key, m.unit, m.used, m.limit, usage.period.start, usage.period.end, usage.updatedAt]),
  ]);
}

/**
 * The period's usage day by day: a row per UTC day and meter, oldest first, every meter every
 * day (0 on a day it was not used), so a pivot table needs no gaps filled.
 */
export function dailyUsageCsv(daily: DailyUsage, usage: Usage): string {
  return toCsv([
    ['date', 'meter', 'unit', 'used'],
    ...daily.days.flatMap((day) => usage.meters.map((m) => [day.date, m.key, m.unit, day.used[m.key] ?? 0])),
  ]);
}

export function creditLedgerCsv(entries: CreditEntry[]): string {
  return toCsv([
    ['id', 'at', 'kind', 'currency', 'amount', 'balance_after', 'meter', 'quantity', 'description'],
    ...entries.map((e) => [e.id, e.at, e.kind, e.amount.currency, decimal(e.amount), decimal(e.balanceAfter), e.meter, e.quantity, e.description]),
  ]);
}
