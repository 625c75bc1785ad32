/**
 * Journey: a customer cancels their plan from the billing page, changes their mind and
 * resumes it, by keyboard alone.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, heard, longDate, waitFor, inEnglish, liveRegions, openPortal, press, tabTo, type, VARIANTS, until } from './journey.js';

before(warmOnDemand);

const ARABIC = /[\u0600-\u06FF]/;

describe('journey: cancel and resume a plan', () => {
  for (const variant of VARIANTS) {
    it(`cancels at the period end with a reason, then resumes (${variant.name})`, async function () {
      this.timeout(20_000);
      const j = await openPortal('individual-active', variant);
      try {
        const summary = await waitFor(() => j.find('tectra-billing-summary'), 'no summary');
        await until(() => j.find('[part="cancel-button"]'), 'no Cancel plan button');
        if (inEnglish(variant)) await j.sees('$49 per month');
        const start = await j.backend.state();
        const end = longDate(start.snapshot.subscription.currentPeriod?.end, start.snapshot.subscription.timeZone);

        // Cancel plan opens the confirm step, with focus on the safe choice.
        await tabTo((el) => el.matches('[part="cancel-button"]'), 'Cancel plan');
        await press('Enter');
        const dialog = await waitFor(() => j.find<HTMLDialogElement>('dialog.plan-dialog[open]'), 'the confirm step never opened');
        await until(
          () => focused()?.matches('button[type="button"]') && focused()?.closest('dialog') === dialog,
          `focus is not on Keep my plan but on ${focused()?.outerHTML.slice(0, 120)}`,
        );
        if (inEnglish(variant)) expect(focused()?.textContent?.trim()).to.equal('Keep my plan');
        if (inEnglish(variant)) {
          expect(j.text()).to.contain(`Your Pro plan stays active until ${end}. Then it ends: you will not be charged again`);
        } else {
          expect(dialog.textContent ?? '').to.match(ARABIC);
        }

        // Escape keeps the plan and gives focus back to Cancel plan.
        await press('Escape');
        await until(() => !dialog.open, 'Escape did not close the confirm step');
        await until(() => focused()?.matches('[part="cancel-button"]'), 'focus did not return to Cancel plan');
        expect(j.events['tectra-subscription-canceled'] ?? 0).to.equal(0);

        // Again, this time with a reason and a comment.
        await press('Enter');
        await until(() => dialog.open);
        await tabTo((el) => el.id === 'cancel-reason', 'the reason');
        // The reasons start with the placeholder; the second option is "It costs too much".
        await press('ArrowDown');
        await tabTo((el) => el.id === 'cancel-comment', 'the comment');
        await type('Over budget this quarter');
        await tabTo((el) => el.matches('button[type="submit"]'), 'the confirm button');
        await press('Enter');

        // The outcome: announced, focus on the plan, the banner with Resume plan.
        await until(() => !dialog.open, 'the confirm step stayed open');
        await until(() => focused()?.matches('[part="tier-name"]'), `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) {
          await heard(`Your plan is canceled. It stays active until ${end}.`);
          await j.sees(`Your plan ends on ${end} and will not renew.`);
        } else {
          await until(() => liveRegions().some((t) => ARABIC.test(t)), 'nothing announced in Arabic');
        }
        expect(j.events['tectra-subscription-canceled']).to.equal(1);
        expect(j.find('[part="cancel-button"]'), 'no second Cancel plan').to.equal(undefined);
        const afterCancel = await j.backend.state();
        expect(afterCancel.snapshot.subscription.cancelAtPeriodEnd).to.equal(true);
        expect(afterCancel.snapshot.cancellation).to.include({ atPeriodEnd: true, reason: 'too_expensive', comment: 'Over budget this quarter' });
        expect(afterCancel.calls.filter((c) => c === 'cancelSubscription')).to.have.length(1);

        // Resume plan, from the banner.
        await tabTo((el) => el.matches('[part="banner-action"]'), 'Resume plan');
        await press('Enter');
        await until(() => !j.find('[part="banner-action"]'), 'the banner stayed');
        await until(() => focused()?.matches('[part="tier-name"]'), 'focus is not on the plan after resuming');
        if (inEnglish(variant)) await heard(`Your plan is active again and renews on ${end}.`);
        expect(j.events['tectra-subscription-resumed']).to.equal(1);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
        const afterResume = await j.backend.state();
        expect(afterResume.snapshot.subscription.cancelAtPeriodEnd).to.equal(undefined);
        expect(afterResume.snapshot.subscription.nextPayment?.amount.amount).to.equal(4900);
        expect(summary.isConnected).to.equal(true);
      } finally {
        await j.end();
      }
    });
  }
});
