import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-details.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import type { TectraBillingDetails } from '../../src/elements/billing-details/billing-details.js';
import type { TectraErrorEvent } from '../../src/events.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { BillingError } from '../../src/core/errors.js';
import { shadowText, textOf, waitForText, waitUntil } from '../helpers.js';

async function mount(scenario: DemoScenario = 'team', options: MemoryAdapterOptions = {}, adapterOf: (a: BillingAdapter) => BillingAdapter = (a) => a) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter: adapterOf(adapter) });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-details></tectra-billing-details></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-billing-details') as TectraBillingDetails;
  await waitUntil(() => el.shadowRoot?.querySelector('dl, [role="alert"] button, .muted:not(:first-of-type)'), 'billing details never rendered', { timeout: 5000 });
  return { el, adapter, client };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) as T;
const button = (el: Element, text: string) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => textOf(b).startsWith(text)) as HTMLButtonElement;
const active = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
const dd = (el: Element) => [...(el.shadowRoot?.querySelectorAll('dd') ?? [])].map((d) => textOf(d));

describe('<tectra-billing-details>', () => {
  afterEach(async () => {
    await setBillingLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  it('shows what is on file (nothing yet), its tax IDs, and is accessible', async () => {
    const { el } = await mount();
    expect(textOf($(el, 'h2'))).to.equal('Billing details');
    expect(dd(el)).to.deep.equal(['Not set', 'Not set', 'Not set']);
    expect(shadowText(el)).to.include('No tax IDs on file.');
    await expect(el).to.be.accessible();
  });

  it('edits by keyboard: the country decides the fields, errors take focus, a save returns focus and is announced', async () => {
    const { el, adapter } = await mount();
    button(el, 'Edit billing details').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => active(el)?.id === 'd-email', 'focus never reached the email field');
    await sendKeys({ type: 'ap@acme.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Acme Inc.' });
    choose($(el, '#d-country'), 'US');
    await el.updateComplete;
    expect(textOf($(el, 'label[for="d-state"]'))).to.equal('State');
    type($(el, '#d-line1'), '500 Howard St');
    type($(el, '#d-city'), 'San Francisco');
    type($(el, '#d-postalCode'), '9410');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitUntil(() => active(el)?.id === 'd-state', 'focus never reached the first error');
    expect($(el, '#d-state').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(el, '#d-state-error'))).to.equal('This field is required.');
    expect(textOf($(el, '#d-postalCode-error'))).to.equal('Enter a postal code of United States.');
    await expect(el).to.be.accessible();
    type($(el, '#d-state'), 'CA');
    type($(el, '#d-postalCode'), '94105');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitForText(el, 'Billing details saved.');
    expect(textOf($(el, '[role="status"][part="status"]'))).to.equal('Billing details saved.');
    await waitUntil(() => active(el)?.id === 'd-edit', 'focus never came back to Edit');
    expect(dd(el).slice(0, 2)).to.deep.equal(['ap@acme.example', 'Acme Inc.']);
    // As printed on an invoice, line by line.
    expect($(el, 'address').innerText).to.equal('500 Howard St\nSan Francisco, CA 94105\nUnited States');
    expect(adapter.snapshot().billingDetails).to.deep.equal({
      email: 'ap@acme.example',
      name: 'Acme Inc.',
      address: { line1: '500 Howard St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' },
      taxIds: [],
    });
  });

  it('clears a company name or email emptied in the form, and keeps what was left alone', async () => {
    const { el, adapter } = await mount('team');
    await el.updateComplete;
    button(el, 'Edit billing details').click();
    await el.updateComplete;
    type($(el, '#d-email'), 'ap@acme.example');
    type($(el, '#d-name'), 'Acme Inc.');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitForText(el, 'Billing details saved.');
    button(el, 'Edit billing details').click();
    await el.updateComplete;
    type($(el, '#d-name'), '');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitUntil(() => dd(el)[1] === 'Not set', 'the name was not cleared');
    expect(adapter.snapshot().billingDetails).to.deep.equal({ email: 'ap@acme.example', taxIds: [] });
  });

  it('asks each country for its own fields: a prefecture in Japan, no postal code in Hong Kong, no state in Germany', async () => {
    const { el } = await mount();
    button(el, 'Edit billing details').click();
    await el.updateComplete;
    choose($(el, '#d-country'), 'JP');
    await el.updateComplete;
    expect(textOf($(el, 'label[for="d-state"]'))).to.equal('Prefecture');
    choose($(el, '#d-country'), 'HK');
    await el.updateComplete;
    expect($(el, '#d-postalCode')).to.equal(null);
    expect($(el, '#d-state')).to.equal(null);
    choose($(el, '#d-country'), 'DE');
    await el.updateComplete;
    expect($(el, '#d-state')).to.equal(null);
    expect(textOf($(el, 'label[for="d-postalCode"]'))).to.equal('Postal code');
    // Cancel keeps nothing and gives focus back to Edit.
    button(el, 'Cancel').click();
    await waitUntil(() => active(el)?.id === 'd-edit');
    expect(dd(el)).to.deep.equal(['Not set', 'Not set', 'Not set']);
  });

  it('keeps what was typed when saving fails, says so once, and saves it on the next try', async () => {
    const { el, adapter } = await mount('team', { faults: { updateBillingDetails: { code: 'network', times: 1 } } });
    button(el, 'Edit billing details').click();
    await el.updateComplete;
    type($(el, '#d-name'), 'Acme GmbH');
    await el.updateComplete;
    const failed = oneEvent(el, 'tectra-error') as Promise<TectraErrorEvent>;
    button(el, 'Save').click();
    expect((await failed).detail.operation).to.equal('update-billing-details');
    await waitForText(el, 'Your billing details were not saved.');
    expect($<HTMLInputElement>(el, '#d-name').value).to.equal('Acme GmbH');
    button(el, 'Save').click();
    await waitForText(el, 'Billing details saved.');
    expect(adapter.snapshot().billingDetails?.name).to.equal('Acme GmbH');
    const keys = adapter.calls.filter((c) => c.method === 'updateBillingDetails').map((c) => (c.args[0] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('adds tax IDs as typed (checked, normalized, verified), refuses a duplicate, and removes them with focus kept', async () => {
    const { el, adapter } = await mount();
    choose($(el, '#tax-type'), 'eu_vat');
    await el.updateComplete;
    expect(textOf($(el, '#tax-hint'))).to.equal('For example DE123456789');
    type($(el, '#tax-value'), 'DE1234');
    await el.updateComplete;
    button(el, 'Add tax ID').click();
    await waitUntil(() => active(el)?.id === 'tax-value');
    expect(textOf($(el, '#tax-error'))).to.equal('This is not a valid EU VAT number.');
    expect(adapter.count('addTaxId')).to.equal(0);
    type($(el, '#tax-value'), 'de 123 456 789');
    await el.updateComplete;
    button(el, 'Add tax ID').click();
    await waitForText(el, 'Tax ID added.');
    expect([...(el.shadowRoot?.querySelectorAll('[part="tax-id"]') ?? [])].map((li) => textOf(li))).to.deep.equal(['EU VAT number DE123456789 Verified Remove : DE123456789']);
    expect($<HTMLInputElement>(el, '#tax-value').value).to.equal('');
    expect(active(el)?.id).to.equal('tax-value');
    type($(el, '#tax-value'), 'DE123456789');
    await el.updateComplete;
    button(el, 'Add tax ID').click();
    await waitForText(el, 'This tax ID is already on file.');
    choose($(el, '#tax-type'), 'us_ein');
    type($(el, '#tax-value'), '12-3456789');
    await el.updateComplete;
    button(el, 'Add tax ID').click();
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part="tax-id"]').length === 2);
    await expect(el).to.be.accessible();
    $(el, '#tax-remove-0').click();
    await waitForText(el, 'Tax ID removed.');
    await waitUntil(() => active(el)?.id === 'tax-remove-0', 'focus never moved to the tax ID that took its place');
    expect(adapter.snapshot().billingDetails?.taxIds.map((t) => t.value)).to.deep.equal(['12-3456789']);
  });

  it('asked for the address (the checkout, where tax goes by it): the form is open without taking focus, there is no Cancel, and an empty address names each field', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('new-with-tax'));
    const client = createBillingClient({ adapter });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><button id="before">before</button><tectra-billing-details address-required></tectra-billing-details></tectra-billing-provider>`);
    const el = provider.querySelector('tectra-billing-details') as TectraBillingDetails;
    const before = provider.querySelector<HTMLButtonElement>('#before');
    before?.focus();
    await waitUntil(() => $(el, '#d-line1'), 'the form never opened', { timeout: 5000 });
    expect(document.activeElement, 'focus stays where it was').to.equal(before);
    expect(shadowText(el)).to.include('Tax depends on where you are billed: enter your address to see what you pay.');
    expect(shadowText(el)).to.not.include('Who your invoices are made out to.');
    expect(button(el, 'Cancel')).to.equal(undefined);
    choose($(el, '#d-country'), 'DE');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitUntil(() => active(el)?.id === 'd-line1', 'focus never reached the street');
    expect(['d-line1', 'd-city', 'd-postalCode'].map((id) => $(el, `#${id}`).getAttribute('aria-invalid'))).to.deep.equal(['true', 'true', 'true']);
    expect(adapter.calls.filter((c) => c.method === 'updateBillingDetails')).to.have.length(0);
    await expect(el).to.be.accessible();
    type($(el, '#d-line1'), 'Unter den Linden 1');
    type($(el, '#d-city'), 'Berlin');
    type($(el, '#d-postalCode'), '10117');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitUntil(() => active(el)?.id === 'd-edit', 'focus never returned to Edit');
    expect(adapter.snapshot().billingDetails?.address).to.deep.equal({ line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' });
    // With an address on file, Edit opens the form with its Cancel as anywhere else.
    button(el, 'Edit billing details').click();
    await el.updateComplete;
    expect(button(el, 'Cancel')).to.not.equal(undefined);
  });

  it('an address the backend cannot place for tax is named at the postal code, with focus there and what was typed kept', async () => {
    const { el } = await mount('team', {}, (a) => ({
      ...a,
      updateBillingDetails: async () => {
        throw new BillingError('invalid_request', 'address: This address cannot be placed for tax.', { status: 400 });
      },
    }));
    button(el, 'Edit billing details').click();
    await el.updateComplete;
    choose($(el, '#d-country'), 'DE');
    await el.updateComplete;
    type($(el, '#d-line1'), 'Unter den Linden 1');
    type($(el, '#d-city'), 'Berlin');
    type($(el, '#d-postalCode'), '10117');
    await el.updateComplete;
    button(el, 'Save').click();
    await waitUntil(() => active(el)?.id === 'd-postalCode', 'focus never reached the postal code');
    expect(textOf($(el, '#d-postalCode-error'))).to.equal('We cannot place this address for tax. Check the postal code and the country.');
    expect($<HTMLInputElement>(el, '#d-line1').value).to.equal('Unter den Linden 1');
  });

  it('says a failed load plainly and loads again on Retry', async () => {
    const { el, adapter } = await mount('team', { faults: { getBillingDetails: { code: 'server', times: 1 } } });
    await waitForText(el, 'We could not load your billing details.');
    button(el, 'Retry').click();
    await waitUntil(() => $(el, 'dl'), 'the details never loaded');
    expect(adapter.count('getBillingDetails')).to.equal(2);
  });

  it('says so when the backend keeps no billing details', async () => {
    const { el } = await mount('team', {}, (a) => {
      const { getBillingDetails: _g, updateBillingDetails: _u, addTaxId: _a, removeTaxId: _r, ...rest } = a;
      return rest;
    });
    await waitForText(el, 'This billing service does not keep billing details.');
    expect($(el, 'form')).to.equal(null);
  });

  it('reads right to left in Arabic, and fits 360 px without scrolling sideways', async () => {
    await setViewport({ width: 360, height: 800 });
    await setBillingLocale('ar');
    const { el } = await mount();
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="base"]')?.closest('[dir]')?.getAttribute('dir') ?? getComputedStyle($(el, '[part="base"]')).direction).to.equal('rtl');
    expect(textOf($(el, 'h2'))).to.not.equal('Billing details');
    button(el, textOf($(el, '#d-edit'))).click();
    await el.updateComplete;
    const base = $(el, '[part="base"]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    await expect(el).to.be.accessible();
  });
});
