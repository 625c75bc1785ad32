/**
 * Journey: a customer with prepaid credit opens Credits from the portal's tabs by keyboard,
 * buys a pack, then turns auto-recharge on; the backend holds both afterwards. The element
 * is registered only when its section first shows.
 */
import { expect } from '@open-wc/testing';
import { textOf } from '../helpers.js';
import { focused, heard, inEnglish, openPortal, press, selectAll, tabTo, type, until, VARIANTS, waitFor } from './journey.js';

const focusedId = () => focused()?.id ?? '';
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('journey: credits in the portal', () => {
  for (const variant of VARIANTS) {
    it(`opens Credits by keyboard, buys a pack and turns auto-recharge on (${variant.name})`, async function () {
      this.timeout(40_000);
      const j = await openPortal('prepaid', variant);
      try {
        // The tab shows once the portal knows the account has credit: Overview, Usage, Credits.
        await until(() => j.portal.shadowRoot?.querySelector('#tab-credits'), 'no Credits tab');
        await tabTo((el) => el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true', 'the selected tab');
        await press(variant.locale === 'ar' ? 'ArrowLeft' : 'ArrowRight', 2);
        await until(() => focusedId() === 'tab-credits', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) expect(textOf(focused())).to.equal('Credits');

        const credits = await waitFor(() => j.find('tectra-credits'), 'no credits element');
        await until(() => customElements.get('tectra-credits') && credits.shadowRoot?.querySelector('#credit-buy'), 'the credits never loaded');
        if (inEnglish(variant)) expect(textOf(credits.shadowRoot?.querySelector('#credit-balance'))).to.equal('Balance $15.20');
        // The packs are a radio group: the arrow keys choose the third, $55 for $50.
        await tabTo((el) => el.getAttribute('name') === 'credit-choice', 'the packs');
        await press('ArrowDown', 2);
        expect((focused() as HTMLInputElement).value).to.equal('credit_50');
        await tabTo((el) => el.id === 'credit-buy', 'Buy credit');
        await press('Enter');
        await until(() => focusedId() === 'credit-balance', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) {
          await heard('$55.00 of credit added. $50.00 charged to Visa ending in 4242.');
          expect(textOf(focused())).to.equal('Balance $70.20');
        } else await heard(/./);

        // Auto-recharge: below $10, add $25, at most $100 a month.
        await tabTo((el) => el.id === 'recharge-enabled', 'Auto-recharge');
        await press('Space');
        for (const [id, value] of [['recharge-threshold', '10'], ['recharge-amount', '25'], ['recharge-monthlyLimit', '100']] as const) {
          await tabTo((el) => el.id === id, id);
          await selectAll();
          await type(value);
        }
        await press('Enter');
        if (inEnglish(variant)) await heard('Auto-recharge is on: when the balance falls below $10.00, $25.00 is added.');
        await until(() => focusedId() === 'recharge-save', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);

        const { snapshot } = await j.backend.state();
        expect(snapshot.credits?.balance).to.deep.equal(usd(1520 + 5500));
        expect(snapshot.creditLedger?.[0]).to.deep.include({ kind: 'purchase', amount: usd(5500) });
        expect(snapshot.credits?.autoRecharge).to.deep.include({ enabled: true, threshold: usd(1000), amount: usd(2500), monthlyLimit: usd(10000) });
        expect(j.events['tectra-credits-purchased']).to.equal(1);
        expect(j.events['tectra-section-change']).to.equal(2);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        await j.end();
      }
    });
  }
});
