/**
 * Journey: a new account chooses Pro in the billing page, applies a coupon, pays with a
 * card that asks for 3-D Secure (after a declined one), and lands on the confirmation.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, focusedName, heard, inEnglish, openPortal, press, selectAll, tabTo, type, VARIANTS, waitFor, typeCard, until } from './journey.js';

before(warmOnDemand);

describe('journey: a new account buys a plan', () => {
  for (const variant of VARIANTS) {
    it(`chooses Pro, applies a coupon, is declined, then pays with 3-D Secure (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('new', variant, 'plan');
      try {
        const picker = await waitFor(() => j.find('tectra-tier-picker'), 'no tier picker');
        await waitFor(() => picker.shadowRoot?.querySelector('[data-tier-radio="pro"]'), 'no Pro');

        // Choose Pro: Enter on its card commits the choice, and the checkout is the next step.
        // The tiers are one radio group (one tab stop); arrow keys move to Pro, in either direction of text.
        await tabTo((el) => el.getAttribute('role') === 'radio', 'the tiers');
        for (let i = 0; i < 12 && focused()?.getAttribute('data-tier-radio') !== 'pro'; i++) await press('ArrowDown');
        const pro = focused() as HTMLElement;
        expect(pro.getAttribute('data-tier-radio')).to.equal('pro');
        expect(j.events['tectra-tier-select'], 'arrow keys choose in checkout mode').to.be.greaterThan(0);
        expect(focused() === pro, 'arrow keys do not jump to the checkout').to.equal(true);
        await press('Enter');
        expect(pro.getAttribute('aria-checked')).to.equal('true');
        if (inEnglish(variant)) await heard('Pro selected, $49 per month.');
        const form = await waitFor(() => j.find('tectra-payment-form'), 'no payment form');
        await until(() => focused()?.id === 'checkout-title', `focus is on ${focused()?.outerHTML.slice(0, 100)}`);
        const title = form.shadowRoot?.querySelector('#checkout-title') as HTMLElement;
        await until(() => {
          const box = title.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }, 'the checkout was not brought into view');

        // A coupon, by keyboard: applied, and focus stays in the coupon area.
        await waitFor(() => form.shadowRoot?.querySelector('[name="card-number"]'), 'no card form', 6000);
        await tabTo((el) => el.id === 'coupon', 'the coupon field');
        await type('WELCOME20');
        await press('Enter');
        await until(() => form.shadowRoot?.querySelector('[part="coupon"].applied'), 'the coupon was not applied');
        await until(() => focused()?.closest('[part="coupon"]'), `focus left the coupon: ${focused()?.outerHTML.slice(0, 100)}`);
        if (inEnglish(variant)) {
          await heard('Code WELCOME20 applied: 20% off for 3 months.');
          await j.sees('Pay $39.20 and subscribe');
        }

        // A declined card: the message, focused; what was typed stays.
        await typeCard('4000 0000 0000 0002', '12 / 30', '123', true);
        await press('Enter');
        await until(() => focused()?.getAttribute('role') === 'alert', 'the decline was not focused', { timeout: 6000 });
        if (inEnglish(variant)) expect(focusedName()).to.contain('Your card was declined. Try another card.');
        expect(j.events['tectra-billing-activated'] ?? 0).to.equal(0);
        const number = form.shadowRoot?.querySelector<HTMLInputElement>('[name="card-number"]');
        expect(number?.value).to.equal('4000 0000 0000 0002');

        // Another card, which asks for 3-D Secure.
        await tabTo((el) => el === number, 'the card number', { back: true });
        await selectAll();
        await type('4000 0027 6000 3184');
        await tabTo((el) => el.matches('[part="submit"]'), 'Pay');
        await press('Enter');
        const challenge = await waitFor(() => form.shadowRoot?.querySelector<HTMLDialogElement>('dialog.challenge[open]'), 'no challenge', 6000);
        await tabTo((el) => el.matches('button.primary') && el.closest('dialog') === challenge, 'Complete authentication');
        await press('Enter');

        // The confirmation: what was bought, what was paid, the next payment; focused and announced.
        await waitFor(() => form.shadowRoot?.querySelector('[part="confirmation"]'), 'no confirmation', 8000);
        await until(() => focused()?.closest('[part="confirmation"]'), `focus is on ${focused()?.outerHTML.slice(0, 100)}`);
        if (inEnglish(variant)) {
          await heard('You are subscribed to Pro.');
          expect(focusedName()).to.contain('You are subscribed to Pro.');
          await j.sees('Paid today: $39.20.');
          await j.sees(/Next payment: \$39\.20 on /);
          expect(j.text()).to.not.contain('Pro selected');
        }
        expect(j.events['tectra-billing-activated']).to.equal(1);
        expect(j.events['tectra-error'], 'only the decline is an error').to.equal(1);

        const after = await j.backend.state();
        expect(after.snapshot.subscription).to.include({ status: 'active', tierId: 'pro', interval: 'month' });
        expect(after.snapshot.subscription.discount?.code).to.equal('WELCOME20');
        expect(after.snapshot.invoices).to.have.length(1);
        expect(after.snapshot.invoices[0]?.total.amount).to.equal(3920);
        expect(after.calls.filter((c) => c === 'activate')).to.have.length(1);
        expect(after.snapshot.paymentMethods.map((pm) => pm.last4)).to.deep.equal(['3184']);
      } finally {
        await j.end();
      }
    });
  }
});
