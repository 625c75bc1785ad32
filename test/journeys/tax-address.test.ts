/**
 * Journey: a new account whose tax goes by where it is billed chooses Pro. The checkout
 * asks for the billing address before anything can be paid; the customer fills it in by
 * keyboard, hears the price with its tax, and pays it; the backend holds the address and
 * an invoice for the taxed amount.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, type, typeCard, until, VARIANTS, waitFor } from './journey.js';

before(warmOnDemand);

const focusedId = () => focused()?.id ?? '';

describe('journey: the checkout asks for the address where tax needs it', () => {
  for (const variant of VARIANTS) {
    it(`chooses Pro, is asked for the address, hears the tax and pays it (${variant.name})`, async function () {
      this.timeout(40_000);
      const j = await openPortal('new-with-tax', variant, 'plan');
      try {
        const picker = await waitFor(() => j.find('tectra-tier-picker'), 'no tier picker');
        await waitFor(() => picker.shadowRoot?.querySelector('[data-tier-radio="pro"]'), 'no Pro');
        await tabTo((el) => el.getAttribute('role') === 'radio', 'the tiers');
        for (let i = 0; i < 12 && focused()?.getAttribute('data-tier-radio') !== 'pro'; i++) await press('ArrowDown');
        await press('Enter');
        const form = await waitFor(() => j.find('tectra-payment-form'), 'no payment form');
        await until(() => focusedId() === 'checkout-title', `focus is on ${focused()?.outerHTML.slice(0, 100)}`);

        // Nothing can be paid yet: the review says why, the button names no amount and is off.
        const details = await waitFor(() => form.shadowRoot?.querySelector('tectra-billing-details'), 'no address step', 8000);
        await until(() => details.shadowRoot?.querySelector('#d-line1'), 'the address form is not open');
        const submit = () => form.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]');
        expect(submit()?.disabled).to.equal(true);
        expect(details.shadowRoot?.textContent).to.not.contain('Cancel');
        if (inEnglish(variant)) {
          await j.sees('Tax Worked out from your address Total before tax $49.00');
          expect(j.text(), 'nothing is due before the tax is known').to.not.contain('Due now');
          await j.sees('Tax depends on where you are billed: enter your address to see what you pay.');
          expect(submit()?.textContent?.trim()).to.equal('Subscribe');
        }

        // Saving with no address names each missing field, and focus goes to the first.
        await tabTo((el) => el.tagName === 'BUTTON' && el.getAttribute('type') === 'submit' && !!el.closest('form[part="form"]'), 'Save');
        await press('Enter');
        await until(() => focusedId() === 'd-line1', `focus is on ${focused()?.outerHTML.slice(0, 100)}`);
        expect(details.shadowRoot?.querySelector('#d-line1')?.getAttribute('aria-invalid')).to.equal('true');
        expect(details.shadowRoot?.querySelector('#d-city')?.getAttribute('aria-invalid')).to.equal('true');

        if (inEnglish(variant)) {
          // The United Kingdom, chosen by typing its name on the country list: 20 % VAT.
          await tabTo((el) => el.id === 'd-country', 'the country', { back: true });
          await type('United Kingdom');
          await until(() => details.shadowRoot?.querySelector<HTMLSelectElement>('#d-country')?.value === 'GB', 'the country is not the United Kingdom');
          await tabTo((el) => el.id === 'd-line1', 'the street');
          await type('1 Poultry');
          await tabTo((el) => el.id === 'd-city', 'the city');
          await type('London');
          await tabTo((el) => el.id === 'd-postalCode', 'the postal code');
          await type('EC2R 8AH');
        } else {
          // The country the language suggests (no tax is registered there): the street and the city.
          await type('1 شارع التحرير');
          await tabTo((el) => el.id === 'd-city', 'the city');
          await type('القاهرة');
        }
        await press('Enter');
        await until(() => focusedId() === 'd-edit', `focus is on ${focused()?.outerHTML.slice(0, 100)}`);
        await until(() => submit() && !submit()?.disabled, 'the pay button stayed off after the address was saved', { timeout: 8000 });
        if (inEnglish(variant)) {
          await heard('Billing details saved.');
          await heard('Tax: $9.80. Due now: $58.80.');
          await j.sees('Pay $58.80 and subscribe');
          expect(j.text()).to.not.contain('Worked out from your address');
        } else await heard(/الضريبة: .+المستحق الآن: /);

        await typeCard('4242 4242 4242 4242');
        await tabTo((el) => el.matches('[part="submit"]'), 'Pay');
        await press('Enter');
        await waitFor(() => form.shadowRoot?.querySelector('[part="confirmation"]'), 'no confirmation', 8000);
        await until(() => focused()?.closest('[part="confirmation"]'), `focus is on ${focused()?.outerHTML.slice(0, 100)}`);
        if (inEnglish(variant)) await j.sees('Paid today: $58.80.');

        const { snapshot, calls } = await j.backend.state();
        expect(calls.filter((c) => c === 'activate')).to.have.length(1);
        expect(snapshot.invoices.map((i) => i.total.amount)).to.deep.equal([inEnglish(variant) ? 5880 : 4900]);
        // Arabic suggests Egypt, where the demo registers no tax.
        expect(snapshot.billingDetails?.address?.country).to.equal(inEnglish(variant) ? 'GB' : 'EG');
        expect(snapshot.billingDetails?.address?.line1).to.equal(inEnglish(variant) ? '1 Poultry' : '1 شارع التحرير');
        expect(j.events['tectra-billing-activated']).to.equal(1);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
