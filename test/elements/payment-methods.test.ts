import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/payment-methods.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { TectraPaymentMethods } from '../../src/elements/payment-methods/payment-methods.js';
import { createBillingClient } from '../../src/state/client.js';
import { shadowText, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

async function mount(scenario: DemoScenario, options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-payment-methods></tectra-payment-methods></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-payment-methods') as TectraPaymentMethods;
  return { el, adapter, client };
}

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const button = (el: Element, text: string) =>
  [...root(el).querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(text)) as HTMLButtonElement;

describe('<tectra-payment-methods>', () => {
  it('lists cards with brand, last four, expiry and the default badge', async () => {
    const { el } = await mount('team');
    await waitForText(el, 'Visa ending in 4242');
    const text = shadowText(el);
    expect(text).to.contain('Mastercard ending in 4444');
    expect(text).to.match(/Expires 08\/\d{4}/);
    expect(text).to.contain('Default');
    await expect(el).to.be.accessible();
  });

  it('warns about an expired card', async () => {
    const { el } = await mount('past-due');
    await waitForText(el, 'Expired');
    await expect(el).to.be.accessible();
  });

  it('warns about a card that expires soon', async () => {
    const snapshot = demoSnapshot('team');
    const now = new Date();
    const card = snapshot.paymentMethods[1];
    if (card) {
      card.expMonth = now.getUTCMonth() + 1;
      card.expYear = now.getUTCFullYear();
    }
    const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-payment-methods></tectra-payment-methods></tectra-billing-provider>`);
    const el = provider.querySelector('tectra-payment-methods') as TectraPaymentMethods;
    await waitForText(el, 'Expires soon');
  });

  it('shows the empty state', async () => {
    const { el } = await mount('new');
    await waitForText(el, 'No cards on file.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with retry', async () => {
    const { el, adapter } = await mount('team', { faults: { listPaymentMethods: { code: 'server', times: 1 } } });
    await waitForText(el, 'We could not load your cards.');
    await expect(el).to.be.accessible();
    button(el, 'Retry').click();
    await waitForText(el, 'Visa ending in 4242');
    expect(adapter.count('listPaymentMethods')).to.equal(2);
  });

  it('makes a card the default and fires tectra-payment-method-changed', async () => {
    const { el, adapter } = await mount('team');
    await waitForText(el, 'Mastercard ending in 4444');
    const changed = oneEvent(el, 'tectra-payment-method-changed');
    button(el, 'Make default').click();
    expect((await changed).detail.action).to.equal('default');
    expect(adapter.count('setDefaultPaymentMethod')).to.equal(1);
    await waitForText(el, 'Mastercard ending in 4444 is now your default card.');
  });

  it('removes a card after confirmation', async () => {
    const { el, adapter } = await mount('team');
    await waitForText(el, 'Mastercard ending in 4444');
    const removeButtons = [...root(el).querySelectorAll<HTMLButtonElement>('[data-remove]')];
    removeButtons[1]?.click();
    await waitUntil(() => root(el).querySelector('dialog')?.open);
    expect(shadowText(el)).to.contain('Remove Mastercard ending in 4444?');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'tectra-payment-method-changed');
    button(el, 'Remove card').click();
    expect((await changed).detail.action).to.equal('removed');
    expect(adapter.count('removePaymentMethod')).to.equal(1);
    await waitUntil(() => !shadowText(el).includes('Mastercard ending in 4444'));
  });

  it('says why the only card of an active plan cannot be removed, instead of offering a Remove that refuses', async () => {
    const { el, adapter } = await mount('individual-active');
    await waitForText(el, 'Visa ending in 4242');
    expect(root(el).querySelector('[data-remove]')).to.not.exist;
    expect(shadowText(el)).to.contain('This is the only card of your plan. Add another card before removing it.');
    expect(adapter.count('removePaymentMethod')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('offers no Make default on an expired card; a destructive confirm looks destructive; focus stays on the card', async () => {
    const snapshot = demoSnapshot('team');
    const card = snapshot.paymentMethods[1];
    if (card) Object.assign(card, { expMonth: 1, expYear: 2020 });
    const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-payment-methods></tectra-payment-methods></tectra-billing-provider>`);
    const el = provider.querySelector('tectra-payment-methods') as HTMLElement;
    await waitForText(el, 'Mastercard ending in 4444');
    expect(button(el, 'Make default: Mastercard ending in 4444'), 'an expired card cannot become the default').to.equal(undefined);
    const remove = root(el).querySelector<HTMLButtonElement>('[data-remove="pm_mastercard"]') as HTMLButtonElement;
    remove.focus();
    remove.click();
    await waitUntil(() => root(el).querySelector('dialog')?.open);
    expect(button(el, 'Remove card')?.classList.contains('danger')).to.equal(true);
    button(el, 'Remove card')?.click();
    await waitUntil(() => !root(el).querySelector('dialog')?.open);
    await waitUntil(() => !shadowText(el).includes('Mastercard ending in 4444'));
    // Its Remove is gone with it: focus moves to what is left, not to the page.
    await waitUntil(() => root(el).activeElement !== null, 'focus fell to the page');
  });

  it('adds a card through a setup intent and the test card form', async () => {
    const { el, adapter } = await mount('new');
    await waitForText(el, 'No cards on file.');
    button(el, 'Add a card').click();
    await waitUntil(() => root(el).querySelector('[name="card-number"]'), 'no card form');
    expect(shadowText(el)).to.contain('Test mode: do not enter real card details.');
    await expect(el).to.be.accessible();
    const set = (name: string, value: string) => {
      const input = root(el).querySelector<HTMLInputElement>(`[name="card-${name}"]`);
      if (input) input.value = value;
    };
    set('number', '5555 5555 5555 4444');
    set('expiry', '10 / 33');
    set('cvc', '123');
    button(el, 'Save card').click();
    await waitForText(el, 'Test mode accepts only test card numbers');
    set('number', '4242 4242 4242 4242');
    const changed = oneEvent(el, 'tectra-payment-method-changed');
    button(el, 'Save card').click();
    expect((await changed).detail.action).to.equal('added');
    expect(adapter.count('createSetupIntent')).to.equal(1);
    expect(adapter.count('addPaymentMethod')).to.equal(1);
    await waitForText(el, 'Visa ending in 4242 is added and is now your default card.');
    await waitUntil(() => root(el).activeElement?.id === 'add-card', 'focus did not return to Add a card');
  });
});
