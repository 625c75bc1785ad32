/**
 * Journey: an upgrade prompt beside the product, where output tokens run out: the customer
 * upgrades from it by keyboard over real HTTP, the summary on the same page follows, and the
 * backend holds the new plan.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/upgrade-prompt.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { demoBackend, textOf, warmOnDemand } from '../helpers.js';
import { focused, heard, inEnglish, press, tabTo, until, VARIANTS, waitFor } from './journey.js';

before(warmOnDemand);

describe('journey: upgrade from the prompt', () => {
  for (const variant of VARIANTS) {
    it(`upgrades to Team in place, by keyboard (${variant.name})`, async function () {
      this.timeout(30_000);
      await setViewport({ width: variant.width, height: 900 });
      await setBillingLocale(variant.locale);
      const backend = demoBackend('individual-active');
      let changed = 0;
      const page = await fixture(html`<tectra-billing-provider api=${backend.baseUrl} locale=${variant.locale} @tectra-tier-changed=${() => changed++}>
        <main><p>Your automations</p><tectra-upgrade-prompt meter="output_tokens"></tectra-upgrade-prompt></main>
        <aside><tectra-billing-summary></tectra-billing-summary></aside>
      </tectra-billing-provider>`);
      try {
        const prompt = page.querySelector('tectra-upgrade-prompt') as HTMLElement;
        const summary = page.querySelector('tectra-billing-summary') as HTMLElement;
        await waitFor(() => prompt.shadowRoot?.querySelector('#up-start'), 'the prompt never showed');
        if (inEnglish(variant)) expect(textOf(prompt.shadowRoot?.querySelector('#up-headline'))).to.equal('You have used 84% of your Output tokens for this period.');
        await tabTo((el) => el.id === 'up-start', 'Upgrade to Team');
        await press('Enter');
        await until(() => focused()?.id === 'up-confirm', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        await press('Enter');
        await until(() => focused()?.id === 'up-done', `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
        if (inEnglish(variant)) await heard('You are on Team now.');
        else await heard(/./);
        // The summary beside it follows; the prompt has nothing left to suggest.
        // (The demo catalog names the tiers in each language: فريق in Arabic.)
        const team = inEnglish(variant) ? 'Team' : 'فريق';
        await until(() => textOf(summary.shadowRoot).includes(team), 'the summary never showed Team');
        await until(() => !prompt.shadowRoot?.querySelector('#up-start'), 'the prompt still suggests an upgrade');
        const { snapshot, calls } = await backend.state();
        expect(snapshot.subscription).to.include({ tierId: 'team', seats: 3 });
        expect(calls.filter((c) => c === 'changeTier')).to.have.length(1);
        expect(changed).to.equal(1);
      } finally {
        await setBillingLocale('en');
      }
    });
  }
});
