/**
 * Journey: a customer who scheduled a downgrade to Starter keeps Pro after all.
 */
import { expect } from '@open-wc/testing';
import { warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, longDate, openPortal, press, tabTo, VARIANTS, waitFor, until } from './journey.js';

before(warmOnDemand);

describe('journey: undo a scheduled downgrade', () => {
  for (const variant of VARIANTS) {
    it(`Keep Pro drops the change to Starter (${variant.name})`, async function () {
      this.timeout(20_000);
      const j = await openPortal('scheduled-downgrade', variant);
      try {
        const before = await j.backend.state();
        const sub = before.snapshot.subscription;
        const when = longDate(sub.scheduledChange?.effectiveAt, sub.timeZone);
        const keep = await waitFor(() => j.find('[part="banner-action"]'), 'no Keep Pro');
        if (inEnglish(variant)) {
          await j.sees(`Your plan changes to Starter (Monthly) on ${when}.`);
          expect(keep.textContent?.trim()).to.equal('Keep Pro');
          await j.sees(`$19.00 on ${when}`);
        }
        await tabTo((el) => el === keep, 'Keep Pro');
        await press('Enter');
        // Busy, the button keeps focus and says so; then the banner goes and focus is on the plan.
        await until(() => !j.find('[part="banner-action"]'), 'the scheduled change stayed');
        await until(() => focused()?.matches('[part="tier-name"]'), `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) {
          await heard('You keep Pro. The scheduled change is canceled.');
          await j.sees(`$49.00 on ${when}`);
          expect(j.text()).to.not.contain('Your plan changes to Starter');
        }
        expect(j.events['tectra-tier-changed']).to.equal(1);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
        const after = await j.backend.state();
        expect(after.snapshot.subscription.scheduledChange).to.equal(undefined);
        expect(after.snapshot.subscription.tierId).to.equal('pro');
        expect(after.snapshot.subscription.nextPayment?.amount.amount).to.equal(4900);
        expect(after.calls.filter((c) => c === 'cancelScheduledChange')).to.have.length(1);
      } finally {
        await j.end();
      }
    });
  }
});
