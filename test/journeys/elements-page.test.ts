/**
 * Journey: the elements placed apart on an ordinary page under one provider (as on the
 * demo's elements page): the tier picker at the top, the summary beside it, the payment
 * form far below. Choosing a tier brings the checkout forward; paying updates the summary.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/payment-form.js';
import '../../src/define/tier-picker.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { demoBackend, textOf, warmOnDemand } from '../helpers.js';
import { focused, heard, press, tabTo, VARIANTS, waitFor, typeCard, until } from './journey.js';

before(warmOnDemand);

describe('journey: elements placed apart on a page', () => {
  for (const variant of VARIANTS) {
    it(`Choose Pro at the top, pay at the bottom, the summary follows (${variant.name})`, async function () {
      this.timeout(30_000);
      await setViewport({ width: variant.width, height: 900 });
      await setBillingLocale(variant.locale);
      const backend = demoBackend('new');
      let activated = 0;
      const page = await fixture(html`<tectra-billing-provider api=${backend.baseUrl} locale=${variant.locale} @tectra-billing-activated=${() => activated++}>
        <header><tectra-billing-summary></tectra-billing-summary></header>
        <main><tectra-tier-picker kinds="individual"></tectra-tier-picker></main>
        <section>${Array.from({ length: 60 }, () => html`<p>Other settings</p>`)}</section>
        <footer><tectra-payment-form></tectra-payment-form></footer>
      </tectra-billing-provider>`);
      try {
        const picker = page.querySelector('tectra-tier-picker') as HTMLElement;
        const form = page.querySelector('tectra-payment-form') as HTMLElement;
        const summary = page.querySelector('tectra-billing-summary') as HTMLElement;
        const choose = await waitFor(
          () => picker.shadowRoot?.querySelector('[data-tier-radio="pro"]')?.closest('[part="tier"]')?.querySelector<HTMLButtonElement>('[part="tier-action"]'),
          'no Choose Pro',
          6000,
        );
        if (variant.locale === 'en') expect(choose.textContent?.trim()).to.equal('Choose Pro');
        const title = form.shadowRoot?.querySelector('#checkout-title') as HTMLElement;
        window.scrollTo(0, 0);
        expect(title.getBoundingClientRect().top + window.scrollY > window.innerHeight, 'the checkout starts below the fold').to.equal(true);

        await tabTo((el) => el === choose, 'Choose Pro');
        await press('Enter');
        await until(() => focused() === title, `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        await until(() => {
          const box = title.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }, 'the checkout was not brought into view');

        await waitFor(() => form.shadowRoot?.querySelector('[name="card-number"]'), 'no card form', 6000);
        await typeCard('4242 4242 4242 4242', '10 / 33', '123');
        await press('Enter');
        await waitFor(() => form.shadowRoot?.querySelector('[part="confirmation"]'), 'no confirmation', 8000);
        await until(() => focused()?.closest('[part="confirmation"]'), 'focus is not on the confirmation');
        if (variant.locale === 'en') {
          await heard('You are subscribed to Pro.');
          await until(() => textOf(summary.shadowRoot).includes('Pro'), 'the summary did not follow');
        }
        expect(activated).to.equal(1);
        const after = await backend.state();
        expect(after.snapshot.subscription).to.include({ status: 'active', tierId: 'pro' });
        expect(after.calls.filter((c) => c === 'activate')).to.have.length(1);
      } finally {
        await setBillingLocale('en');
      }
    });
  }
});
