/**
 * Journey: an account whose renewal failed (its only card expired) pays the overdue
 * invoice in the page with another card that asks for 3-D Secure.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, VARIANTS, waitFor, typeCard, until } from './journey.js';

before(warmOnDemand);

describe('journey: pay a past-due invoice in place', () => {
  for (const variant of VARIANTS) {
    it(`pays $19.00 with a new card after 3-D Secure (${variant.name})`, async function () {
      this.timeout(25_000);
      const j = await openPortal('past-due', variant);
      try {
        const before = await j.backend.state();
        const open = before.snapshot.invoices.find((i) => i.status === 'open');
        expect(open?.amountDue.amount).to.equal(1900);
        const pay = await waitFor(() => j.find('[part="banner-action"]'), 'no Pay now in the banner');
        if (inEnglish(variant)) {
          await j.sees('Your payment of $19.00 failed. Pay it now to keep your plan.');
          expect(pay.textContent?.trim()).to.equal('Pay $19.00 now');
        }
        await tabTo((el) => el === pay, 'Pay now');
        await press('Enter');
        const dialog = await waitFor(() => j.find<HTMLDialogElement>('dialog.plan-dialog[open]'), 'the payment never opened');
        // The expired card cannot be chosen: "Another card" is, with focus on it.
        const radios = [...dialog.querySelectorAll<HTMLInputElement>('input[name="pay-card"]')];
        expect(radios.map((r) => [r.value, r.disabled])).to.deep.equal([['pm_visa_expired', true], ['new', false]]);
        await until(() => focused() === radios[1], `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) expect(dialog.textContent).to.contain('The new card becomes your default card.');

        // The card form, by keyboard.
        await waitFor(() => dialog.querySelector('[name="card-number"]'), 'the card form never loaded', 6000);
        await typeCard('4000 0027 6000 3184', '12 / 30', '123');
        await tabTo((el) => el.matches('button[type="submit"]'), 'Pay');
        await press('Enter');

        // The bank's challenge (the test provider's), completed by keyboard.
        const challenge = await waitFor(() => dialog.querySelector<HTMLDialogElement>('dialog.challenge[open]'), 'no 3-D Secure challenge');
        await tabTo((el) => el.matches('button.primary') && el.closest('dialog') === challenge, 'Complete authentication');
        await press('Enter');

        await until(() => !dialog.open, 'the payment stayed open', { timeout: 6000 });
        await until(() => focused()?.matches('[part="tier-name"]'), `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) {
          await heard('Payment of $19.00 received. Your plan is active.');
          await j.sees('Active');
          expect(j.text()).to.not.contain('failed');
        }
        expect(j.find('[part="banner-action"]'), 'the past-due banner stayed').to.equal(undefined);
        expect(j.events['tectra-invoice-paid']).to.equal(1);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);

        const after = await j.backend.state();
        expect(after.snapshot.subscription.status).to.equal('active');
        expect(after.snapshot.invoices.find((i) => i.id === open?.id)).to.include({ status: 'paid' });
        expect(after.snapshot.invoices.filter((i) => i.status === 'open')).to.have.length(0);
        expect(after.snapshot.invoices).to.have.length(before.snapshot.invoices.length);
        const card = after.snapshot.paymentMethods.find((pm) => pm.isDefault);
        expect(card).to.include({ brand: 'visa', last4: '3184', expMonth: 12, expYear: 2030 });
        expect(after.calls.filter((c) => c === 'payInvoice')).to.have.length(1);

        // The billing history reads the invoice as paid.
        // The tabs are one tab stop (the current tab); End moves to the last one, Billing history.
        await tabTo((el) => el.getAttribute('role') === 'tab', 'the tabs', { back: true });
        await press('End');
        await until(() => j.portal.section === 'invoices', 'End did not open Billing history');
        const list = await waitFor(() => j.find('tectra-invoice-list'), 'no invoice list');
        await until(() => list.shadowRoot?.querySelector('[role="row"][data-index="0"]'), 'no invoice rows');
        const first = list.shadowRoot?.querySelector('[role="row"][data-index="0"]');
        if (inEnglish(variant)) expect(first?.textContent).to.contain('Paid');
      } finally {
        await j.end();
      }
    });
  }
});
