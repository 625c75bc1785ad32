/**
 * Counts in every language: each phrase picks the form its language's plural rules
 * (Intl.PluralRules) choose for the number, Arabic's six included.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/billing-provider.js';
import '../src/define/invoice-list.js';
import { createMemoryAdapter, demoSnapshot } from '../src/adapters/memory/index.js';
import { countOf, pluralCategory } from '../src/format/counts.js';
import { setBillingLocale } from '../src/i18n/localization.js';
import { createBillingClient } from '../src/state/client.js';
import { waitForText, warmOnDemand } from './helpers.js';

before(warmOnDemand);

const counts = [0, 1, 2, 3, 11, 100] as const;
/** The phrase for each count in `counts`, with {n} for the number as the locale writes it. */
const seats: Record<string, string[]> = {
  en: ['{n} seats', '{n} seat', '{n} seats', '{n} seats', '{n} seats', '{n} seats'],
  de: ['{n} Plätze', '{n} Platz', '{n} Plätze', '{n} Plätze', '{n} Plätze', '{n} Plätze'],
  // French counts zero as singular.
  fr: ['{n} siège', '{n} siège', '{n} sièges', '{n} sièges', '{n} sièges', '{n} sièges'],
  es: ['{n} puestos', '{n} puesto', '{n} puestos', '{n} puestos', '{n} puestos', '{n} puestos'],
  ja: ['{n}席', '{n}席', '{n}席', '{n}席', '{n}席', '{n}席'],
  // Arabic: zero, one, two, few (3–10), many (11–99), other (100…).
  ar: ['{n} مقعد', '{n} مقعد', '{n} مقعدان', '{n} مقاعد', '{n} مقعدًا', '{n} مقعد'],
};
const months: Record<string, string[]> = {
  en: ['{n} months', '{n} month', '{n} months', '{n} months', '{n} months', '{n} months'],
  de: ['{n} Monate', '{n} Monat', '{n} Monate', '{n} Monate', '{n} Monate', '{n} Monate'],
  fr: ['{n} mois', '{n} mois', '{n} mois', '{n} mois', '{n} mois', '{n} mois'],
  es: ['{n} meses', '{n} mes', '{n} meses', '{n} meses', '{n} meses', '{n} meses'],
  ja: ['{n}か月', '{n}か月', '{n}か月', '{n}か月', '{n}か月', '{n}か月'],
  ar: ['{n} شهر', '{n} شهر', '{n} شهران', '{n} أشهر', '{n} شهرًا', '{n} شهر'],
};
const invoices: Record<string, string[]> = {
  en: ['{n} invoices', '{n} invoice', '{n} invoices', '{n} invoices', '{n} invoices', '{n} invoices'],
  de: ['{n} Rechnungen', '{n} Rechnung', '{n} Rechnungen', '{n} Rechnungen', '{n} Rechnungen', '{n} Rechnungen'],
  fr: ['{n} facture', '{n} facture', '{n} factures', '{n} factures', '{n} factures', '{n} factures'],
  es: ['{n} facturas', '{n} factura', '{n} facturas', '{n} facturas', '{n} facturas', '{n} facturas'],
  ja: ['{n}件の請求書', '{n}件の請求書', '{n}件の請求書', '{n}件の請求書', '{n}件の請求書', '{n}件の請求書'],
  ar: ['{n} فاتورة', '{n} فاتورة', '{n} فاتورتان', '{n} فواتير', '{n} فاتورة', '{n} فاتورة'],
};

describe('plural forms', () => {
  afterEach(() => setBillingLocale('en'));

  it('Arabic has six categories, English two, Japanese one', () => {
    expect(counts.map((n) => pluralCategory(n, 'ar'))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(counts.map((n) => pluralCategory(n, 'en'))).to.deep.equal(['other', 'one', 'other', 'other', 'other', 'other']);
    expect(new Set(counts.map((n) => pluralCategory(n, 'ja')))).to.deep.equal(new Set(['other']));
  });

  for (const locale of Object.keys(seats)) {
    it(`${locale}: seats, months and invoices for 0, 1, 2, 3, 11 and 100`, async () => {
      await setBillingLocale(locale);
      const number = (n: number) => new Intl.NumberFormat(locale).format(n);
      for (const [noun, forms] of [['seats', seats], ['months', months], ['invoices', invoices]] as const) {
        const got = counts.map((n) => countOf(noun, n, locale));
        const want = counts.map((n, i) => (forms[locale]?.[i] ?? '').replace('{n}', number(n)));
        expect(got, `${locale} ${noun}`).to.deep.equal(want);
      }
    });
  }

  it('the invoice list says "Showing 1 invoice." and, in French, "1 facture"', async () => {
    const snapshot = demoSnapshot('individual-active');
    snapshot.invoices = snapshot.invoices.slice(0, 1);
    const mount = () =>
      fixture(html`<tectra-billing-provider .client=${createBillingClient({ adapter: createMemoryAdapter(snapshot) })}><tectra-invoice-list></tectra-invoice-list></tectra-billing-provider>`);
    const list = (await mount()).querySelector('tectra-invoice-list') as HTMLElement;
    await waitForText(list, 'Showing 1 invoice.');
    await setBillingLocale('fr');
    const french = (await mount()).querySelector('tectra-invoice-list') as HTMLElement;
    await waitForText(french, 'Affichage : 1 facture.');
  });
});
