import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/upgrade-prompt.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { createBillingClient } from '../../src/state/client.js';
import type { TectraUpgradePrompt } from '../../src/elements/upgrade-prompt/upgrade-prompt.js';
import type { TectraErrorEvent, TectraTierChangedEvent } from '../../src/events.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { textOf, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

async function mount(scenario: DemoScenario, attributes: { meter?: string; feature?: string }, options: MemoryAdapterOptions = {}) {
  // The real clock: a quote is valid for 15 minutes from now, as the client checks it.
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter });
  const provider = await fixture(
    html`<tectra-billing-provider .client=${client}><tectra-upgrade-prompt meter=${attributes.meter ?? ''} feature=${attributes.feature ?? ''}></tectra-upgrade-prompt></tectra-billing-provider>`,
  );
  const el = provider.querySelector('tectra-upgrade-prompt') as TectraUpgradePrompt;
  // Settled once the plan, catalog and usage have loaded (shown or not).
  await waitUntil(() => client.$usage.get().status === 'ready' && client.$catalog.get().status === 'ready' && client.$subscription.get().status === 'ready', 'never loaded');
  await el.updateComplete;
  return { el, client, adapter };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) as T;
const active = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
const shown = (el: HTMLElement) => getComputedStyle(el).display !== 'none';

describe('<tectra-upgrade-prompt>', () => {
  afterEach(async () => {
    await setBillingLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  it('names the smallest tier that fits a meter near its limit, with its price; hidden for a meter within it', async () => {
    const { el } = await mount('individual-active', { meter: 'output_tokens' });
    await waitForText(el, 'You have used 84% of your Output tokens for this period.');
    expect(shown(el)).to.equal(true);
    expect(textOf($(el, '[part="base"] p:nth-of-type(2)'))).to.equal('Team includes 12M Output tokens, for $39 per seat per month. $117 per month for 3 seats.');
    expect(textOf($(el, '[part="upgrade-button"]'))).to.equal('Upgrade to Team');
    await expect(el).to.be.accessible();
    const quiet = await mount('individual-active', { meter: 'input_tokens' });
    expect(shown(quiet.el)).to.equal(false);
  });

  it('without an attribute watches the meter nearest its limit', async () => {
    const { el } = await mount('individual-active', {});
    await waitForText(el, 'You have used 84% of your Output tokens for this period.');
    const calm = await mount('trial', {});
    expect(shown(calm.el), 'every meter of the trial is far from its limit').to.equal(false);
  });

  it('quotes and confirms the upgrade in place by keyboard: focus follows, one event, the backend changes once', async () => {
    const { el, adapter } = await mount('individual-active', { meter: 'output_tokens' });
    const changed: TectraTierChangedEvent[] = [];
    el.addEventListener('tectra-tier-changed', (e) => changed.push(e));
    $(el, '#up-start').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'up-confirm', 'focus never reached Confirm');
    expect(textOf($(el, '[part="quote"]'))).to.include('Due now');
    expect(textOf(active(el))).to.equal('Confirm upgrade to Team');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'up-done').catch(() => {
      throw new Error(`focus is on ${active(el)?.outerHTML.slice(0, 80)}; the prompt says "${textOf(el.shadowRoot)}"; changes: ${adapter.count('changeTier')}`);
    });
    expect(textOf(active(el))).to.equal('You are on Team now.');
    expect(changed).to.have.length(1);
    expect(changed[0]?.detail.subscription.tierId).to.equal('team');
    expect(adapter.count('changeTier')).to.equal(1);
    expect(adapter.snapshot().subscription).to.include({ tierId: 'team', seats: 3 });
  });

  it('cancels back to the upgrade button, and retries a failed quote', async () => {
    const { el } = await mount('individual-active', { meter: 'output_tokens' }, { faults: { previewChange: { code: 'server', times: 1 } } });
    const errors: TectraErrorEvent[] = [];
    el.addEventListener('tectra-error', (e) => errors.push(e));
    $(el, '#up-start').click();
    await waitForText(el, 'We could not get the price.');
    await waitUntil(() => active(el)?.id === 'up-retry', 'focus never reached Retry');
    expect(errors.map((e) => e.detail.operation)).to.deep.equal(['preview-change']);
    $(el, '#up-retry').click();
    await waitUntil(() => $(el, '#up-confirm'), 'no quote after Retry');
    $(el, '#up-cancel').click();
    await waitUntil(() => active(el)?.id === 'up-start', 'focus never came back to Upgrade');
  });

  it('suggests the tier with a missing feature, and chooses it for the checkout without a plan', async () => {
    const { el } = await mount('past-due', { feature: 'Premium models' });
    await waitForText(el, 'Premium models is not in your plan.');
    expect(textOf($(el, '[part="base"] p:nth-of-type(2)'))).to.equal('Pro includes it, for $49 per month.');
    const has = await mount('individual-active', { feature: 'premium models' });
    expect(shown(has.el), 'Pro has it').to.equal(false);
    const fresh = await mount('new', { feature: 'Premium models' });
    await waitForText(fresh.el, 'Choose Pro');
    $(fresh.el, '#up-start').click();
    await waitForText(fresh.el, 'Pro chosen. Complete the checkout to start it.');
    expect(fresh.client.$checkout.get().selection).to.deep.include({ tierId: 'pro', interval: 'month' });
  });

  it('points to sales when only a contract tier fits', async () => {
    const { el } = await mount('team', { feature: 'Dedicated success manager' });
    await waitForText(el, 'Enterprise fits: talk to sales.');
  });

  it('reads right to left at 360 px in Arabic', async () => {
    await setViewport({ width: 360, height: 800 });
    await setBillingLocale('ar');
    const { el } = await mount('individual-active', { meter: 'output_tokens' });
    await waitUntil(() => shown(el) && $(el, '#up-start'), 'never shown');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(textOf($(el, '#up-start'))).to.not.include('Upgrade');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
