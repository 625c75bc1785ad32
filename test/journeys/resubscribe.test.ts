/**
 * Journey: a customer whose plan ended comes back: Resubscribe chooses the tier they had,
 * and the checkout takes it from there.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, VARIANTS, waitFor, typeCard, until } from './journey.js';

before(warmOnDemand);

describe('journey: resubscribe after a plan ended', () => {
  for (const variant of VARIANTS) {
    it(`Resubscribe leads to the checkout of Pro, paid with the saved card's replacement (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('canceled', variant);
      try {
        const summary = await waitFor(() => j.find('tectra-billing-summary'), 'no summary');
        const back = await waitFor(() => summary.shadowRoot?.querySelector<HTMLButtonElement>('[part="banner-action"]'), 'no Resubscribe');
        if (inEnglish(variant)) {
          expect(back.textContent?.trim()).to.equal('Resubscribe');
          expect(j.text()).to.not.contain('Included each month');
        }
        await tabTo((el) => el === back, 'Resubscribe');
        await press('Enter');
        await until(() => j.portal.section === 'plan', 'Resubscribe did not lead to the plan');

        // Pro is chosen again and the checkout is there for it.
        const picker = await waitFor(() => j.find('tectra-tier-picker'), 'no tier picker');
        await until(() => picker.shadowRoot?.querySelector('[data-tier-radio="pro"][aria-checked="true"]'), 'Pro is not chosen');
        const form = await waitFor(() => j.find('tectra-payment-form'), 'no checkout');
        if (inEnglish(variant)) await j.sees('Pay $49.00 and subscribe');
        await waitFor(() => form.shadowRoot?.querySelector('[name="card-number"]'), 'no card form', 6000);
        await typeCard('4242 4242 4242 4242', '11 / 31', '321');
        await press('Enter');
        await waitFor(() => form.shadowRoot?.querySelector('[part="confirmation"]'), 'no confirmation', 8000);
        await until(() => focused()?.closest('[part="confirmation"]'), 'focus is not on the confirmation');
        if (inEnglish(variant)) await heard('You are subscribed to Pro.');
        expect(j.events['tectra-billing-activated']).to.equal(1);
        const after = await j.backend.state();
        expect(after.snapshot.subscription).to.include({ status: 'active', tierId: 'pro', interval: 'month' });
        expect(after.calls.filter((c) => c === 'activate')).to.have.length(1);
      } finally {
        await j.end();
      }
    });
  }
});
