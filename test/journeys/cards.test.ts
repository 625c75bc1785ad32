/**
 * Journey: a team adds a card, makes another the default and removes one; a past-due
 * account that adds a card pays its overdue invoice with it.
 */
import { expect } from '@open-wc/testing';
import { textOf, warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, VARIANTS, waitFor, typeCard, until } from './journey.js';

before(warmOnDemand);

async function addCard(list: Element, number: string): Promise<void> {
  await tabTo((el) => el.id === 'add-card', 'Add a card');
  await press('Enter');
  await waitFor(() => list.shadowRoot?.querySelector('[name="card-number"]'), 'no card form', 6000);
  await typeCard(number, '09 / 32', '123');
  await press('Enter');
}

describe('journey: manage cards', () => {
  for (const variant of VARIANTS) {
    it(`adds a card, makes another the default, removes one (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('team', variant, 'payment');
      try {
        const list = await waitFor(() => j.find('tectra-payment-methods'), 'no card list');
        await until(() => list.shadowRoot?.querySelectorAll('[part="method"]').length === 2, 'no cards');
        await addCard(list, '4242 4242 4242 4242');
        await until(() => list.shadowRoot?.querySelectorAll('[part="method"]').length === 3, 'the card was not added', { timeout: 6000 });
        await until(() => focused()?.id === 'add-card', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) await heard('Visa ending in 4242 is added and is now your default card.');

        // Make the Mastercard the default: focus stays on that card.
        // Make default is the card's other button (its name is translated).
        const makeDefault = (el: Element) =>
          el.tagName === 'BUTTON' && !el.hasAttribute('data-remove') && !!el.closest('[part="method"]')?.querySelector('[data-remove="pm_mastercard"]');
        await tabTo(makeDefault, 'Make default: Mastercard', { back: true });
        if (inEnglish(variant)) expect(textOf(focused())).to.equal('Make default : Mastercard ending in 4444');
        await press('Enter');
        await until(() => focused()?.getAttribute('data-remove') === 'pm_mastercard', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) await heard('Mastercard ending in 4444 is now your default card.');
        // Every language: the change has finished before the next one (Remove is unavailable while busy).
        await until(
          () =>
            list.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' &&
            ![...(list.shadowRoot?.querySelectorAll('button') ?? [])].some(makeDefault),
          'the default change did not finish',
        );

        // Remove the old Visa: the confirm looks destructive; focus lands on a card that is left.
        await tabTo((el) => el.getAttribute('data-remove') === 'pm_visa', 'Remove: the old Visa');
        await press('Enter');
        const dialog = await waitFor(() => list.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]'), 'no confirm');
        await tabTo((el) => el.matches('button.danger'), 'Remove card');
        await press('Enter');
        await until(() => !dialog.open, 'the confirm stayed open');
        await until(() => focused()?.hasAttribute('data-remove') || focused()?.id === 'add-card', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) await heard('Card removed.');

        const after = await j.backend.state();
        const cards = after.snapshot.paymentMethods;
        expect(cards.map((c) => c.id).sort()).to.deep.equal(['pm_mastercard', 'pm_test_4_4242_0932']);
        expect(cards.find((c) => c.isDefault)?.id).to.equal('pm_mastercard');
        expect(cards.find((c) => c.id === 'pm_test_4_4242_0932')).to.include({ brand: 'visa', expMonth: 9, expYear: 2032 });
        expect(j.events['tectra-payment-method-changed']).to.equal(3);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }

  it('a past-due account that adds a card pays the overdue invoice with it', async function () {
    this.timeout(30_000);
    const j = await openPortal('past-due', VARIANTS[0] ?? { name: 'desktop', width: 1280, locale: 'en' }, 'payment');
    try {
      const list = await waitFor(() => j.find('tectra-payment-methods'), 'no card list');
      await until(() => list.shadowRoot?.querySelector('[part="method"]'), 'no cards');
      await addCard(list, '4242 4242 4242 4242');
      await heard('Card added, and your overdue payment of $19.00 is paid.', 8000);
      expect(j.events['tectra-invoice-paid']).to.equal(1);
      const after = await j.backend.state();
      expect(after.snapshot.subscription.status).to.equal('active');
      expect(after.snapshot.invoices.filter((i) => i.status === 'open')).to.have.length(0);
    } finally {
      await j.end();
    }
  });
});
