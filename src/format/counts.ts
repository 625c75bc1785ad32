/**
 * Phrases with a count ("1 seat", "3 seats"), in the plural form that the locale's rules
 * (`Intl.PluralRules`) pick: Arabic has six forms, English two, Japanese one.
 *
 * Each phrase has one message per plural category, `count.<noun>.<category>`, and the one
 * for the count's category is looked up by its id. Only English's two forms are written
 * here, as the fallback; `plural-forms.ts` lists every form for translation.
 */
import { msg, str, type StrResult } from '@lit/localize';
import { cachedFormatter } from '../core/intl-cache.js';
import { formatNumber } from '../core/money.js';

export type CountedNoun = 'seats' | 'months' | 'invoices';

const english: Record<CountedNoun, (n: string, one: boolean) => StrResult> = {
  seats: (n, one) => (one ? str`${n} seat` : str`${n} seats`),
  months: (n, one) => (one ? str`${n} month` : str`${n} months`),
  invoices: (n, one) => (one ? str`${n} invoice` : str`${n} invoices`),
};

/** The plural category of `count` in `locale`: 'zero', 'one', 'two', 'few', 'many' or 'other'. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return cachedFormatter('plural', locale, {}, () => new Intl.PluralRules(locale)).select(count);
}

// msg() called under a plain function type: the ids below are built at run time, which the
// message extractor cannot read (it reads plural-forms.ts instead). Called, not kept:
// @lit/localize swaps msg() when a language loads.
type LookUp = (template: StrResult, options: { id: string }) => string;
const lookUp: LookUp = (template, options) => (msg as LookUp)(template, options);

/** "3 seats" in the page's language, the number formatted for `locale`. */
export function countOf(noun: CountedNoun, count: number, locale: string): string {
  const category = pluralCategory(count, locale);
  return lookUp(english[noun](formatNumber(count, locale), count === 1), { id: `count.${noun}.${category}` });
}
