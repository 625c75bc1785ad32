/** The rows of a price quote, shared by the checkout's review and the tier change's confirm step. */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formatDate } from '../core/dates.js';
import { formatMoney } from '../core/money.js';
import type { Money, Quote } from '../core/types.js';
import { perInterval } from './labels.js';

/** A term, its value, and whether it is the amount to pay. */
export type QuoteRow = [term: string, value: string, strong?: boolean];

/** A discount is money taken off: written as a negative amount, with the locale's own minus sign. */
export function discountText(discount: Money, locale: string): string {
  return formatMoney({ ...discount, amount: -discount.amount }, locale);
}

/** The price of the plan quoted, with its interval ("$49 per month"): every recurring price has one. */
export function recurringPrice(quote: Quote, locale: string): string {
  const amount = formatMoney(quote.total, locale, { trimZeroFraction: true });
  const per = perInterval(quote.selection.interval);
  return msg(str`${amount} ${per}`, { id: 'picker.price' });
}

/** Discount, tax and proration when there are any, the amount due now, and the next payment's date. */
export function chargeRows(quote: Quote, locale: string, withTax: boolean): QuoteRow[] {
  const money = (m: Money) => formatMoney(m, locale);
  const rows: QuoteRow[] = [];
  if (quote.discount.amount) rows.push([msg('Discount', { id: 'summary.discount' }), discountText(quote.discount, locale)]);
  if (withTax || quote.tax.amount) rows.push([msg('Tax', { id: 'picker.quote_tax' }), money(quote.tax)]);
  if (quote.proration.amount) rows.push([msg('Proration for this period', { id: 'picker.quote_proration' }), money(quote.proration)]);
  return rows;
}

export function dueRows(quote: Quote, locale: string, timeZone: string): QuoteRow[] {
  return [
    [msg('Due now', { id: 'picker.quote_due_now' }), formatMoney(quote.dueNow, locale), true],
    [msg('Next payment', { id: 'summary.next_payment' }), formatDate(quote.nextPaymentDate, locale, timeZone, 'long')],
  ];
}

/** Quote rows as a description list; the amount to pay in bold; `busy` while a new quote is on its way. */
export function quoteList(rows: QuoteRow[], part: string, busy = false): TemplateResult {
  return html`<dl part=${part} class=${part} aria-busy=${busy ? 'true' : 'false'}>
    ${rows.map(([term, value, strong]) => html`<dt class=${strong ? 'total' : ''}>${term}</dt><dd class=${strong ? 'total' : ''}>${value}</dd>`)}
  </dl>`;
}
