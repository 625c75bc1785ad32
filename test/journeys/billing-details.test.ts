/**
 * Journey: a customer opens Billing details from the portal's tabs by keyboard, fills in
 * who invoices are made out to, saves, and adds a tax ID; the backend holds it afterwards.
 * The element is registered only when its section first shows.
 */
import { expect } from '@open-wc/testing';
import { TAX_ID_TYPES } from '../../src/core/tax-ids.js';
import type { TaxIdType } from '../../src/core/types.js';
import { textOf } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, type, until, VARIANTS, waitFor } from './journey.js';

const focusedId = () => focused()?.id ?? '';

describe('journey: billing details in the portal', () => {
  for (const variant of VARIANTS) {
    it(`opens the section by keyboard, saves the details and adds a tax ID (${variant.name})`, async function () {
      this.timeout(40_000);
      const j = await openPortal('team', variant);
      try {
        // From the selected tab, End goes to the last one and the previous arrow to Billing details.
        await tabTo((el) => el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true', 'the selected tab');
        await press('End');
        await until(() => focused()?.id === 'tab-invoices', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        await press(variant.locale === 'ar' ? 'ArrowRight' : 'ArrowLeft');
        await until(() => focused()?.id === 'tab-details', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        expect(j.portal.section).to.equal('details');
        if (inEnglish(variant)) expect(textOf(focused())).to.equal('Billing details');

        const details = await waitFor(() => j.find('tectra-billing-details'), 'no billing details element');
        await until(() => customElements.get('tectra-billing-details') && details.shadowRoot?.querySelector('#d-edit'), 'the details never loaded');
        await tabTo((el) => el.id === 'd-edit', 'Edit billing details');
        await press('Enter');
        await until(() => focusedId() === 'd-email', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        await type('ap@acme.example');
        await press('Tab');
        await type('Acme Inc.');
        if (inEnglish(variant)) {
          // English guesses the United States; its address asks for a state.
          expect(details.shadowRoot?.querySelector<HTMLSelectElement>('#d-country')?.value).to.equal('US');
          await tabTo((el) => el.id === 'd-line1', 'Address line 1');
          await type('500 Howard St');
          await tabTo((el) => el.id === 'd-city', 'City');
          await type('San Francisco');
          await press('Tab');
          await type('CA');
          await press('Tab');
          await type('94105');
        }
        await tabTo((el) => el.tagName === 'BUTTON' && el.getAttribute('type') === 'submit', 'Save');
        await press('Enter');
        await until(() => focusedId() === 'd-edit', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) await heard('Billing details saved.');
        else await heard(/./);

        // A tax ID of the type the form offers first, typed as its hint shows it.
        const typeSelect = details.shadowRoot?.querySelector<HTMLSelectElement>('#tax-type');
        const taxType = typeSelect?.value as TaxIdType;
        expect(taxType, 'a tax ID type is offered').to.be.a('string').and.not.equal('');
        await tabTo((el) => el.id === 'tax-value', 'the tax ID field');
        await type(TAX_ID_TYPES[taxType].example);
        await press('Enter');
        await until(() => details.shadowRoot?.querySelectorAll('[part="tax-id"]').length === 1, 'the tax ID never showed');
        expect(focusedId()).to.equal('tax-value');
        if (inEnglish(variant)) await heard('Tax ID added.');

        const { snapshot } = await j.backend.state();
        expect(snapshot.billingDetails).to.include({ email: 'ap@acme.example', name: 'Acme Inc.' });
        expect(snapshot.billingDetails?.taxIds.map((t) => t.type)).to.deep.equal([taxType]);
        if (inEnglish(variant)) {
          expect(snapshot.billingDetails?.address).to.deep.equal({ line1: '500 Howard St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' });
        }
        expect(j.events['tectra-section-change'], 'End, then the previous tab').to.equal(2);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
