/**
 * Every plural form of the phrases in `counts.ts`, one message per category, for
 * `lit-localize extract` to put in front of translators (each locale fills the forms its
 * language uses; the others repeat its "other" form). Never imported: `countOf()` looks
 * these ids up at run time, so no form ships in a bundle that does not need it.
 */
import { msg, str } from '@lit/localize';

export function pluralForms(n: string): string[] {
  return [
  msg(str`${n} seats`, { id: 'count.seats.zero' }),
  msg(str`${n} seat`, { id: 'count.seats.one' }),
  msg(str`${n} seats`, { id: 'count.seats.two' }),
  msg(str`${n} seats`, { id: 'count.seats.few' }),
  msg(str`${n} seats`, { id: 'count.seats.many' }),
  msg(str`${n} seats`, { id: 'count.seats.other' }),
  msg(str`${n} months`, { id: 'count.months.zero' }),
  msg(str`${n} month`, { id: 'count.months.one' }),
  msg(str`${n} months`, { id: 'count.months.two' }),
  msg(str`${n} months`, { id: 'count.months.few' }),
  msg(str`${n} months`, { id: 'count.months.many' }),
  msg(str`${n} months`, { id: 'count.months.other' }),
  msg(str`${n} invoices`, { id: 'count.invoices.zero' }),
  msg(str`${n} invoice`, { id: 'count.invoices.one' }),
  msg(str`${n} invoices`, { id: 'count.invoices.two' }),
  msg(str`${n} invoices`, { id: 'count.invoices.few' }),
  msg(str`${n} invoices`, { id: 'count.invoices.many' }),
  msg(str`${n} invoices`, { id: 'count.invoices.other' }),
  ];
}
