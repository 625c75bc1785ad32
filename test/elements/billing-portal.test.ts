import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/billing-portal.js';
import type { TectraBillingPortal } from '../../src/elements/billing-portal/billing-portal.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import { createBillingClient } from '../../src/state/client.js';
import { demoBackend, memoryClient, NOW, shadowText, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

const inner = (portal: Element, tag: string) => portal.shadowRoot?.querySelector(tag) as HTMLElement;
const tab = (portal: Element, section: string) => portal.shadowRoot?.querySelector<HTMLElement>(`#tab-${section}`) as HTMLElement;

describe('<tectra-billing-portal>', () => {
  it('shows the overview in tabs, inside a provider', async () => {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => inner(portal, 'tectra-billing-summary'));
    await waitForText(inner(portal, 'tectra-billing-summary'), 'Pro');
    const tabs = [...(portal.shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.textContent?.trim());
    expect(tabs).to.deep.equal(['Overview', 'Usage', 'Plan', 'Payment methods', 'Billing details', 'Billing history']);
    expect(tab(portal, 'overview').getAttribute('aria-selected')).to.equal('true');
    await expect(portal).to.be.accessible();
  });

  it('has no Billing details tab over a backend without them, and a deep link to it shows the overview', async () => {
    const { getBillingDetails, updateBillingDetails, addTaxId, removeTaxId, ...adapter } = createMemoryAdapter(demoSnapshot('individual-active'));
    void [getBillingDetails, updateBillingDetails, addTaxId, removeTaxId];
    const client = createBillingClient({ adapter });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal section="details"></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => inner(portal, 'tectra-billing-summary'), 'the overview never showed');
    const tabs = [...(portal.shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.textContent?.trim());
    expect(tabs).to.deep.equal(['Overview', 'Usage', 'Plan', 'Payment methods', 'Billing history']);
    expect(portal.section).to.equal('overview');
  });

  it('has a Credits tab for an account with prepaid credit only, and deep-links to it', async () => {
    const { client } = memoryClient('prepaid');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal section="credits"></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => tab(portal, 'credits'), 'no Credits tab');
    const tabs = [...(portal.shadowRoot?.querySelectorAll('[role="tab"]') ?? [])].map((t) => t.textContent?.trim());
    expect(tabs).to.deep.equal(['Overview', 'Usage', 'Credits', 'Plan', 'Payment methods', 'Billing details', 'Billing history']);
    expect(portal.section).to.equal('credits');
    await waitUntil(() => inner(portal, 'tectra-credits')?.shadowRoot?.querySelector('#credit-balance'), 'the credits never showed');
    // Another account without credit: no tab, and the deep link falls back to the overview.
    const other = await fixture(html`<tectra-billing-provider .client=${memoryClient('team').client}><tectra-billing-portal section="credits"></tectra-billing-portal></tectra-billing-provider>`);
    const plain = other.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => plain.section === 'overview', 'the deep link to credits stayed');
    expect(tab(plain, 'credits')).to.equal(null);
  });

  it('deep-links with the section attribute and fires tectra-section-change when the user moves', async () => {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal section="invoices"></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => inner(portal, 'tectra-invoice-list'));
    const moved = oneEvent(portal, 'tectra-section-change');
    tab(portal, 'usage').click();
    expect((await moved).detail.section).to.equal('usage');
    expect(portal.getAttribute('section')).to.equal('usage');
    await waitUntil(() => inner(portal, 'tectra-usage-alerts'));
  });

  for (const dir of ['ltr', 'rtl']) {
    it(`at 320 px the selected tab is scrolled into the strip's view (${dir}), without moving the page`, async () => {
      const { client } = memoryClient('individual-active');
      const provider = await fixture(html`<div dir=${dir} style="inline-size: 320px"><tectra-billing-provider .client=${client}><tectra-billing-portal section="invoices"></tectra-billing-portal></tectra-billing-provider></div>`);
      const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
      const inView = (section: string) => {
        const t = tab(portal, section).getBoundingClientRect();
        const strip = (tab(portal, section).parentElement as HTMLElement).getBoundingClientRect();
        return t.left >= strip.left - 1 && t.right <= strip.right + 1;
      };
      const scrollY = window.scrollY;
      await waitUntil(() => inView('invoices'), 'the deep-linked tab is out of view');
      tab(portal, 'overview').click();
      await waitUntil(() => inView('overview'), 'the first tab is out of view');
      expect(window.scrollY).to.equal(scrollY);
    });
  }

  it('moves between tabs with the arrow keys', async () => {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    tab(portal, 'overview').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => portal.section === 'usage');
    expect(portal.shadowRoot?.activeElement === tab(portal, 'usage')).to.equal(true);
    await sendKeys({ press: 'End' });
    await waitUntil(() => portal.section === 'invoices');
  });

  it('moves between tabs in the reading direction of a right-to-left page, and not with Up and Down', async () => {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client} dir="rtl"><tectra-billing-portal dir="rtl"></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    tab(portal, 'usage').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => portal.section === 'plan', 'Left did not go forward');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => portal.section === 'usage', 'Right did not go back');
    await sendKeys({ press: 'ArrowDown' });
    await portal.updateComplete;
    expect(portal.section).to.equal('usage');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => portal.section === 'overview', 'Home');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => portal.section === 'invoices', 'Right from the first did not wrap to the last');
  });

  it('takes Manage to the plan and Update payment method to the cards', async () => {
    // Past due with no open invoice to pay in place: the way out is another card.
    const snapshot = demoSnapshot('past-due', { now: NOW });
    snapshot.invoices = snapshot.invoices.filter((i) => i.status !== 'open');
    const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    const summary = await waitUntil(() => inner(portal, 'tectra-billing-summary')).then(() => inner(portal, 'tectra-billing-summary'));
    await waitForText(summary, 'Update payment method');
    [...(summary.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes('Update payment method'))?.click();
    await waitUntil(() => portal.section === 'payment');
    await waitUntil(() => inner(portal, 'tectra-payment-methods'));
  });

  it('offers a first activation (tiers, then payment) to an account without billing', async () => {
    const { client } = memoryClient('new');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal section="plan"></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => inner(portal, 'tectra-payment-form'));
    expect(inner(portal, 'tectra-tier-picker')).to.exist;
    await expect(portal).to.be.accessible();
  });

  it('is a page on its own with the api attribute (the http adapter and the demo backend)', async () => {
    const backend = demoBackend('team');
    const portal = await fixture<TectraBillingPortal>(html`<tectra-billing-portal api=${backend.baseUrl}></tectra-billing-portal>`);
    await waitUntil(() => inner(portal, 'tectra-billing-summary'));
    await waitForText(inner(portal, 'tectra-billing-summary'), '8 seats');
    expect(shadowText(portal)).to.contain('Overview');
  });
});
