import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/billing-portal.js';
import type { TectraBillingPortal } from '../src/elements/billing-portal/billing-portal.js';
import { setBillingLocale, supportedLocales } from '../src/i18n/localization.js';
import { memoryClient, shadowText, waitForText, waitUntil, warmOnDemand } from './helpers.js';

before(warmOnDemand);

const expected: Record<string, { title: string; tab: string; money: RegExp }> = {
  en: { title: 'Current plan', tab: 'Overview', money: /\$49\.00/ },
  de: { title: 'Aktueller Tarif', tab: 'Übersicht', money: /49,00\s\$/ },
  fr: { title: 'Forfait actuel', tab: 'Aperçu', money: /49,00\s\$US/ },
  es: { title: 'Plan actual', tab: 'Resumen', money: /49,00\sUS\$/ },
  ja: { title: '現在のプラン', tab: '概要', money: /\$49\.00/ },
  ar: { title: 'الخطة الحالية', tab: 'نظرة عامة', money: /US\$|\$|٤٩/ },
};

describe('every locale', () => {
  afterEach(() => setBillingLocale('en'));

  it('ships en, de, fr, es, ja and ar', () => {
    expect([...supportedLocales].sort()).to.deep.equal(['ar', 'de', 'en', 'es', 'fr', 'ja']);
  });

  for (const [locale, want] of Object.entries(expected)) {
    it(`${locale}: the portal speaks it, formats money in it, and passes axe`, async () => {
      const { client } = memoryClient('individual-active');
      const provider = await fixture(html`<tectra-billing-provider .client=${client} locale=${locale}><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider>`);
      const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
      await waitUntil(() => portal.shadowRoot?.querySelector('tectra-billing-summary'));
      const summary = portal.shadowRoot?.querySelector('tectra-billing-summary') as HTMLElement;
      await waitForText(summary, want.title);
      await waitUntil(() => want.money.test(shadowText(summary)), `no money in ${shadowText(summary)}`);
      expect(shadowText(portal)).to.contain(want.tab);
      expect(summary.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : null);
      expect(getComputedStyle(summary).direction).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      await expect(portal).to.be.accessible();
    });
  }

  it('switching the locale at runtime re-renders every element', async () => {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => portal.shadowRoot?.querySelector('tectra-billing-summary'));
    const summary = portal.shadowRoot?.querySelector('tectra-billing-summary') as HTMLElement;
    await waitForText(summary, 'Current plan');
    await setBillingLocale('fr');
    await waitForText(summary, 'Forfait actuel');
    expect(shadowText(portal)).to.contain('Aperçu');
    await setBillingLocale('en');
    await waitForText(summary, 'Current plan');
  });
});
