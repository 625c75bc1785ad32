/**
 * Journey: an Individual Pro customer upgrades to Team, then schedules a downgrade to
 * Starter, each time after reviewing the quote and what the change means.
 */
import { expect } from '@open-wc/testing';
import { textOf, warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, tabTo, VARIANTS, waitFor, until } from './journey.js';

before(warmOnDemand);

const action = (el: Element | null | undefined, tierId: string) =>
  el?.shadowRoot?.querySelector(`[data-tier-radio="${tierId}"]`)?.closest('[part="tier"]')?.querySelector<HTMLButtonElement>('[part="tier-action"]');

describe('journey: upgrade, then downgrade', () => {
  for (const variant of VARIANTS) {
    it(`upgrades Pro to Team now and schedules Starter for the period end (${variant.name})`, async function () {
      this.timeout(30_000);
      const j = await openPortal('individual-active', variant, 'plan');
      try {
        const picker = await waitFor(() => j.find('tectra-tier-picker'), 'no tier picker');
        const upgrade = await waitFor(() => action(picker, 'team'), 'no action on Team');
        if (inEnglish(variant)) {
          expect(upgrade.textContent?.trim()).to.equal('Upgrade to Team');
          expect(action(picker, 'pro')?.textContent?.trim()).to.equal('Current plan');
          expect(action(picker, 'starter')?.textContent?.trim()).to.equal('Downgrade to Starter');
        }
        const before = await j.backend.state();

        // Upgrade: the review opens with focus inside; Confirm stays focused while busy.
        await tabTo((el) => el === upgrade, 'Upgrade to Team');
        await press('Enter');
        const dialog = await waitFor(() => picker.shadowRoot?.querySelector<HTMLDialogElement>('dialog.change-dialog[open]'), 'no review');
        await until(() => dialog.textContent?.includes('$') && dialog.querySelector('[part="dialog-confirm"]:not([disabled])'), 'no quote', { timeout: 6000 });
        expect(dialog.contains(focused())).to.equal(true);
        if (inEnglish(variant)) {
          expect(textOf(dialog)).to.contain('From Pro (Monthly) to Team (Monthly, 3 seats)');
          expect(textOf(dialog)).to.contain('Takes effect Immediately');
        }
        await tabTo((el) => el.matches('[part="dialog-confirm"]'), 'Confirm change');
        await press('Enter');
        await until(() => !dialog.open, 'the review stayed open', { timeout: 6000 });
        if (inEnglish(variant)) await heard('Your plan is now Team.');
        expect(picker.shadowRoot?.contains(focused()), 'focus stays in the tiers').to.equal(true);
        expect(j.events['tectra-tier-changed']).to.equal(1);
        const upgraded = await j.backend.state();
        expect(upgraded.snapshot.subscription).to.include({ tierId: 'team', seats: 3, status: 'active' });
        expect(upgraded.snapshot.invoices.length, 'the proration is invoiced').to.equal(before.snapshot.invoices.length + 1);

        // Downgrade to Starter: the review says what is lost, and it is scheduled, not charged.
        const downgrade = await waitFor(() => action(picker, 'starter'), 'no action on Starter');
        await tabTo((el) => el === downgrade, 'Downgrade to Starter', { back: true });
        await press('Enter');
        await until(() => dialog.open && dialog.querySelector('[part="consequences"]'), 'no consequences in the review', { timeout: 6000 });
        if (inEnglish(variant)) {
          const text = textOf(dialog);
          expect(text).to.contain('You lose:');
          expect(text).to.match(/over Starter's limit of/);
          expect(text).to.contain('Due now $0.00');
        }
        await tabTo((el) => el.matches('[part="dialog-confirm"]'), 'Confirm change');
        await press('Enter');
        await until(() => !dialog.open, 'the review stayed open', { timeout: 6000 });
        if (inEnglish(variant)) await heard(/Your plan changes to Starter on /);
        expect(j.events['tectra-tier-changed']).to.equal(2);
        const scheduled = await j.backend.state();
        expect(scheduled.snapshot.subscription.tierId).to.equal('team');
        expect(scheduled.snapshot.subscription.scheduledChange?.tierId).to.equal('starter');
        expect(scheduled.snapshot.invoices.length, 'a downgrade charges nothing now').to.equal(upgraded.snapshot.invoices.length);
        expect(scheduled.calls.filter((c) => c === 'changeTier')).to.have.length(2);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
