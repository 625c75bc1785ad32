import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/payment-form.js';
import '../../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import type { Subscription } from '../../src/core/types.js';
import type { TectraPaymentForm } from '../../src/elements/payment-form/payment-form.js';
import { createBillingClient, type BillingClient } from '../../src/state/client.js';
import { cardReady, submitButton, typeCard } from '../checkout.js';
import { installStripeDouble, stripeScripts } from '../stripe-double.js';
import { shadowText, textOf, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

function setup(
  scenario: DemoScenario = 'new',
  options: MemoryAdapterOptions = {},
  wrap?: (a: MemoryAdapter) => BillingAdapter,
  storage = memoryStorage(),
) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter: wrap ? wrap(adapter) : adapter, activationPoll: { intervalMs: 20, attempts: 5 }, storage });
  return { adapter, client, storage };
}

async function mount(client: BillingClient, selection = true): Promise<TectraPaymentForm> {
  if (selection) client.selectTier({ tierId: 'pro', interval: 'month' });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}>
    <tectra-billing-summary></tectra-billing-summary>
    <tectra-payment-form></tectra-payment-form>
  </tectra-billing-provider>`);
  return provider.querySelector('tectra-payment-form') as TectraPaymentForm;
}

const root = (form: TectraPaymentForm) => form.shadowRoot as ShadowRoot;

/** Types an address into the checkout's address step and saves it, as the customer does. */
async function saveAddress(details: HTMLElement & { updateComplete: Promise<boolean> }, country: string, line1: string, city: string, postalCode: string): Promise<void> {
  const $ = <T extends HTMLElement>(selector: string) => details.shadowRoot?.querySelector(selector) as T;
  $<HTMLSelectElement>('#d-country').value = country;
  $<HTMLSelectElement>('#d-country').dispatchEvent(new Event('change'));
  await details.updateComplete;
  for (const [id, value] of [['#d-line1', line1], ['#d-city', city], ['#d-postalCode', postalCode]] as const) {
    $<HTMLInputElement>(id).value = value;
    $<HTMLInputElement>(id).dispatchEvent(new Event('input'));
  }
  await details.updateComplete;
  $<HTMLButtonElement>('form[part="form"] button[type="submit"]').click();
}

const submit = submitButton;

describe('<tectra-payment-form>: states', () => {
  it('asks for a tier when nothing is selected, and loads no Stripe', async () => {
    const { client } = setup();
    const form = await mount(client, false);
    await waitForText(form, 'Choose a plan to continue.');
    expect(stripeScripts()).to.have.length(0);
    await expect(form).to.be.accessible();
  });

  it('shows a skeleton while loading', async () => {
    const { client } = setup('new', { faults: { getSubscription: 'hang' } });
    const form = await mount(client);
    await form.updateComplete;
    expect(root(form).querySelector('[part="skeleton"]')).to.exist;
    await expect(form).to.be.accessible();
  });

  it('says so for an account that already has a plan', async () => {
    const { client } = setup('individual-active');
    const form = await mount(client);
    await waitForText(form, 'Your plan is active.');
  });

  it('shows the selection, the test card form and the review', async () => {
    const { client } = setup();
    const form = await mount(client);
    await cardReady(form);
    const text = shadowText(form);
    expect(text).to.contain('Pro, Monthly');
    expect(text).to.contain('Test mode: do not enter real card details.');
    expect(textOf(root(form).querySelector('[part="review"]'))).to.contain('Subtotal $49.00').and.contain('Due now $49.00');
    expect(submit(form).textContent?.trim()).to.equal('Pay $49.00 and subscribe');
    await expect(form).to.be.accessible();
  });

  it('shows the card form when the catalog answers after the secure card form is ready', async () => {
    // The order is set here: the setup intent answers, then the catalog. The card form used to be
    // put into a container that was not rendered yet, and the customer saw a pay button with no card.
    let releaseCatalog = () => {};
    const catalogHeld = new Promise<void>((resolve) => (releaseCatalog = resolve));
    let intentAnswered = () => {};
    const intentDone = new Promise<void>((resolve) => (intentAnswered = resolve));
    const { client } = setup('new', {}, (memory) => ({
      ...memory,
      getCatalog: async (o) => (await catalogHeld, memory.getCatalog(o)),
      createSetupIntent: async (o) => {
        const intent = await memory.createSetupIntent(o);
        intentAnswered();
        return intent;
      },
    }));
    const form = await mount(client);
    await intentDone;
    // The test form is created from the intent; the skeleton stays until the catalog is there.
    await waitUntil(() => (form as unknown as { providerState: string }).providerState === 'ready', 'the card form never loaded');
    await form.updateComplete;
    expect(root(form).querySelector('[part="skeleton"]')).to.exist;
    releaseCatalog();
    await cardReady(form);
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitForText(form, 'You are subscribed to Pro.');
  });

  it('shows a failed quote with retry', async () => {
    const { client, adapter } = setup('new', { faults: { previewChange: { code: 'server', times: 1 } } });
    const form = await mount(client);
    await waitForText(form, 'We could not calculate the price.');
    expect(submit(form).disabled).to.equal(true);
    await expect(form).to.be.accessible();
    [...root(form).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry')?.click();
    await waitForText(form, 'Due now');
    expect(adapter.count('previewChange')).to.equal(2);
  });
});

describe('<tectra-payment-form>: paying', () => {
  it('pays with 4242, activates once, confirms, fires tectra-billing-activated and updates the page', async () => {
    const { client, adapter } = setup();
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4242 4242 4242 4242');
    const activated = oneEvent(form, 'tectra-billing-activated');
    submit(form).click();
    const event = await activated;
    expect(event.detail.subscription).to.include({ status: 'active', tierId: 'pro' });
    expect(adapter.count('activate')).to.equal(1);
    await waitForText(form, 'You are subscribed to Pro.');
    expect(shadowText(form)).to.contain('A confirmation email is on its way.').and.contain('Paid today: $49.00.');
    expect(root(form).activeElement?.textContent).to.contain('You are subscribed to Pro.');
    const summary = form.parentElement?.querySelector('tectra-billing-summary') as HTMLElement;
    await waitForText(summary, 'Pro');
    expect(shadowText(summary)).to.contain('Active');
    await expect(form).to.be.accessible();
  });

  it('five rapid clicks make one activate call; the button is busy from the first and keeps focus', async () => {
    const { client, adapter } = setup('new', { latencyMs: 50 });
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4242424242424242');
    const button = submit(form);
    button.focus();
    for (let i = 0; i < 5; i++) button.click();
    await waitUntil(() => button.getAttribute('aria-disabled') === 'true', 'the button never became busy');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.disabled, 'a disabled button would drop focus to the page').to.equal(false);
    expect(root(form).activeElement === button).to.equal(true);
    await waitForText(form, 'You are subscribed to Pro.');
    expect(adapter.count('activate')).to.equal(1);
  });

  it('where tax needs the address: asked first, nothing to pay until it is saved, then the address stays as priced (inert) while paying', async () => {
    const { client } = setup('new-with-tax', { faults: { activate: 'hang' } });
    const form = await mount(client);
    await waitUntil(() => root(form).querySelector('tectra-billing-details')?.shadowRoot?.querySelector('#d-line1') && root(form).querySelector('[name="card-number"]'), 'no address step or card form', { timeout: 5000 });
    const details = root(form).querySelector('tectra-billing-details') as HTMLElement & { updateComplete: Promise<boolean> };
    expect(submit(form).disabled, 'nothing to pay before the tax is known').to.equal(true);
    expect(shadowText(form)).to.include('Total before tax').and.not.include('Due now');
    await saveAddress(details, 'GB', '1 Poultry', 'London', 'EC2R 8AH');
    await waitUntil(() => !submit(form).disabled, 'the pay button stayed off');
    expect(textOf(submit(form))).to.equal('Pay $58.80 and subscribe');
    const step = root(form).querySelector('[part="address"]') as HTMLElement;
    expect(step.inert).to.equal(false);
    typeCard(form, '4242424242424242');
    submit(form).click();
    await waitUntil(() => step.inert, 'the address stayed editable while paying');
    expect(details.isConnected).to.equal(true);
  });

  it('where tax needs the address: an address being edited (not saved) is not paid for; saving it prices it, then Pay goes through', async () => {
    const { client, adapter } = setup('new-with-tax');
    const form = await mount(client);
    await waitUntil(() => root(form).querySelector('tectra-billing-details')?.shadowRoot?.querySelector('#d-line1'), 'no address step', { timeout: 5000 });
    const details = root(form).querySelector('tectra-billing-details') as HTMLElement & { editing: boolean; updateComplete: Promise<boolean> };
    const $ = <T extends HTMLElement>(selector: string) => details.shadowRoot?.querySelector(selector) as T;
    await saveAddress(details, 'GB', '1 Poultry', 'London', 'EC2R 8AH');
    await waitUntil(() => textOf(submit(form)) === 'Pay $58.80 and subscribe', `the button says ${textOf(submit(form))}`);
    // Written as the UK writes it (the town, then the postcode), in its own direction in any language.
    expect($('address').textContent).to.equal('1 Poultry\nLondon\nEC2R 8AH\nUnited Kingdom');
    expect($('address').getAttribute('dir')).to.equal('auto');
    $<HTMLButtonElement>('#d-edit').click();
    await waitUntil(() => details.editing, 'the form never opened');
    await cardReady(form);
    typeCard(form, '4242424242424242');
    submit(form).click();
    await waitForText(form, 'Save your billing address first: the tax is worked out from it.');
    expect(adapter.count('activate'), 'nothing is bought for an address not saved').to.equal(0);
    // Moved to Germany and saved: 19 % now, and the warning goes.
    await saveAddress(details, 'DE', 'Unter den Linden 1', 'Berlin', '10117');
    await waitUntil(() => textOf(submit(form)) === 'Pay $58.31 and subscribe', `the button says ${textOf(submit(form))}`);
    expect(shadowText(form)).to.not.include('Save your billing address first');
    submit(form).click();
    await waitForText(form, 'You are subscribed to Pro.');
    expect(adapter.snapshot().invoices.map((i) => i.total.amount)).to.deep.equal([5831]);
  });

  it('submits with Enter from a card field, once', async () => {
    const { client, adapter } = setup('new', { latencyMs: 30 });
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4242424242424242');
    root(form).querySelector<HTMLInputElement>('[name="card-cvc"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitForText(form, 'You are subscribed to Pro.');
    expect(adapter.count('activate')).to.equal(1);
  });

  it('explains a declined card, keeps the form, and lets the user retry with another card', async () => {
    const { client, adapter } = setup();
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4000 0000 0000 0002');
    submit(form).click();
    await waitForText(form, 'Your card was declined. Try another card.');
    expect(adapter.count('activate')).to.equal(0);
    expect(root(form).querySelector<HTMLInputElement>('[name="card-number"]')?.value).to.equal('4000 0000 0000 0002');
    expect(root(form).activeElement?.getAttribute('role')).to.equal('alert');
    await expect(form).to.be.accessible();
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitForText(form, 'You are subscribed to Pro.');
    expect(adapter.count('activate')).to.equal(1);
  });

  it('flags an invalid card number on its field and moves focus there', async () => {
    const { client, adapter } = setup();
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '1234 5678 9012 3456');
    submit(form).click();
    await waitForText(form, 'Enter a valid card number.');
    const input = root(form).querySelector<HTMLInputElement>('[name="card-number"]');
    expect(input?.getAttribute('aria-invalid')).to.equal('true');
    expect(root(form).activeElement).to.equal(input);
    expect(adapter.count('activate')).to.equal(0);
    await expect(form).to.be.accessible();
  });

  it('asks for the card as browsers and password managers expect: autocomplete cc-number, cc-exp, cc-csc, each required', async () => {
    const { client } = setup();
    const form = await mount(client);
    await cardReady(form);
    const inputs = [...root(form).querySelectorAll<HTMLInputElement>('[part="test-card"] input')];
    expect(inputs.map((i) => [i.name, i.autocomplete, i.required])).to.deep.equal([
      ['card-number', 'cc-number', true],
      ['card-expiry', 'cc-exp', true],
      ['card-cvc', 'cc-csc', true],
    ]);
    // Card numbers and "MM / YY" read left to right in every language (in Arabic too).
    expect(inputs.map((i) => i.dir)).to.deep.equal(['ltr', 'ltr', 'ltr']);
  });

  it('runs the 3-D Secure challenge: approved pays, failed says so and charges nothing', async () => {
    const { client, adapter } = setup();
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4000 0027 6000 3184');
    submit(form).click();
    await waitUntil(() => root(form).querySelector<HTMLDialogElement>('dialog.challenge')?.open, 'no challenge');
    expect(shadowText(form)).to.contain('Confirming your card…');
    // The challenge opens on the action that goes on with the payment, not on failing it.
    await waitUntil(() => root(form).activeElement?.textContent?.includes('Complete authentication'), 'focus is not on Complete authentication');
    await expect(form).to.be.accessible();
    [...root(form).querySelectorAll('dialog button')].find((b) => b.textContent?.includes('Fail'))?.dispatchEvent(new MouseEvent('click'));
    await waitForText(form, 'The card could not be authenticated.');
    expect(adapter.count('activate')).to.equal(0);
    submit(form).click();
    await waitUntil(() => root(form).querySelector<HTMLDialogElement>('dialog.challenge')?.open);
    [...root(form).querySelectorAll('dialog button')].find((b) => b.textContent?.includes('Complete'))?.dispatchEvent(new MouseEvent('click'));
    await waitForText(form, 'You are subscribed to Pro.');
    expect(adapter.count('activate')).to.equal(1);
  });

  it('handles an activation that requires action, then waits for the backend to read active', async () => {
    let authenticated = false;
    let reads = 0;
    const { client, adapter } = setup('new', {}, (a) => ({
      ...a,
      activate: async (request, o) => {
        await a.activate(request, o);
        return { status: 'requires_action', clientSecret: 'pi_123_secret_456' };
      },
      getSubscription: async (o) => {
        const sub = await a.getSubscription(o);
        if (sub.status === 'active' && (!authenticated || ++reads < 2)) return { ...sub, status: 'incomplete' } as Subscription;
        return sub;
      },
    }));
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitUntil(() => root(form).querySelector<HTMLDialogElement>('dialog.challenge')?.open, 'no challenge for the required action');
    expect(shadowText(form)).to.contain('Waiting for your bank');
    authenticated = true;
    [...root(form).querySelectorAll('dialog button')].find((b) => b.textContent?.includes('Complete'))?.dispatchEvent(new MouseEvent('click'));
    await waitForText(form, 'You are subscribed to Pro.');
    expect(adapter.count('activate')).to.equal(1);
  });

  it('keeps one idempotency key for the same purchase across retries and reloads, and a new one for another purchase', async () => {
    const storage = memoryStorage();
    const first = setup('new', { faults: { activate: { code: 'network', times: 1 } } }, undefined, storage);
    const form = await mount(first.client);
    await cardReady(form);
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitForText(form, 'you will not be charged twice');
    expect([...storage.items.keys()]).to.have.length(1);
    await expect(form).to.be.accessible();
    submit(form).click();
    await waitForText(form, 'You are subscribed to Pro.');
    const keys = first.adapter.calls.filter((c) => c.method === 'activate').map((c) => (c.args[0] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(storage.items.size).to.equal(0);

    // A reload mid-checkout: a new page (client) with the same session storage.
    const reloadStorage = memoryStorage();
    const before = setup('new', { faults: { activate: { code: 'network', times: 1 } } }, undefined, reloadStorage);
    const f1 = await mount(before.client);
    await cardReady(f1);
    typeCard(f1, '4242 4242 4242 4242');
    submit(f1).click();
    await waitForText(f1, 'you will not be charged twice');
    const after = setup('new', {}, undefined, reloadStorage);
    const f2 = await mount(after.client);
    await cardReady(f2);
    typeCard(f2, '4242 4242 4242 4242');
    submit(f2).click();
    await waitForText(f2, 'You are subscribed to Pro.');
    const k1 = before.adapter.calls.find((c) => c.method === 'activate')?.args[0] as { idempotencyKey: string };
    const k2 = after.adapter.calls.find((c) => c.method === 'activate')?.args[0] as { idempotencyKey: string };
    expect(k2.idempotencyKey).to.equal(k1.idempotencyKey);

    // Another purchase (another tier) gets another key.
    const other = setup('new', {}, undefined, memoryStorage());
    other.client.selectTier({ tierId: 'starter', interval: 'year' });
    const f3 = await mount(other.client, false);
    await cardReady(f3);
    typeCard(f3, '4242 4242 4242 4242');
    submit(f3).click();
    await waitForText(f3, 'You are subscribed to Starter.');
    const k3 = other.adapter.calls.find((c) => c.method === 'activate')?.args[0] as { idempotencyKey: string };
    expect(k3.idempotencyKey).to.not.equal(k1.idempotencyKey);
  });

  it('shows Activating until the backend reads active, and never a failure for a payment that went through', async () => {
    let reads = 0;
    const { client } = setup('new', {}, (a) => ({
      ...a,
      getSubscription: async (o) => {
        const sub = await a.getSubscription(o);
        // The backend confirms only after a few reads (a webhook in real life).
        return sub.status === 'active' && ++reads < 3 ? ({ ...sub, status: 'incomplete' } as Subscription) : sub;
      },
    }));
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitForText(form, 'Activating…');
    await expect(form).to.be.accessible();
    await waitForText(form, 'You are subscribed to Pro.');
    expect(reads).to.be.at.least(3);
  });

  it('says the payment is being confirmed (not failed) when the backend has not confirmed in time', async () => {
    const { client } = setup('new', {}, (a) => ({
      ...a,
      getSubscription: async (o) => {
        const sub = await a.getSubscription(o);
        return sub.status === 'active' ? ({ ...sub, status: 'incomplete' } as Subscription) : sub;
      },
    }));
    const form = await mount(client);
    await cardReady(form);
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitForText(form, 'We are still confirming your payment.');
    expect(shadowText(form)).to.not.contain('declined');
    // No alert with text: a payment that may have gone through is never reported as failed.
    const alerts = [...root(form).querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim()).filter(Boolean);
    expect(alerts).to.deep.equal([]);
  });
});

describe('<tectra-payment-form>: coupons and quotes', () => {
  it('applies a coupon, re-quotes, shows the discount and its duration, and removes it', async () => {
    const { client, adapter } = setup();
    const form = await mount(client);
    await cardReady(form);
    const quotesBefore = adapter.count('previewChange');
    const input = root(form).querySelector<HTMLInputElement>('#coupon') as HTMLInputElement;
    input.value = 'welcome20';
    input.dispatchEvent(new Event('input'));
    [...root(form).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply')?.click();
    await waitForText(form, 'Code WELCOME20: 20% off for 3 months');
    await waitUntil(() => textOf(root(form).querySelector('[part="review"]')).includes('Discount -$9.80'));
    expect(adapter.count('previewChange')).to.equal(quotesBefore + 1);
    expect(submit(form).textContent?.trim()).to.equal('Pay $39.20 and subscribe');
    await expect(form).to.be.accessible();
    [...root(form).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Remove')?.click();
    await waitUntil(() => !textOf(root(form).querySelector('[part="review"]')).includes('Discount'));
  });

  it('says an invalid code is invalid and keeps what was typed', async () => {
    const { client } = setup();
    const form = await mount(client);
    await cardReady(form);
    const input = root(form).querySelector<HTMLInputElement>('#coupon') as HTMLInputElement;
    input.value = 'EXPIRED10';
    input.dispatchEvent(new Event('input'));
    input.focus();
    await sendKeys({ press: 'Enter' });
    await waitForText(form, 'The code EXPIRED10 is not valid or has expired.');
    expect(input.value).to.equal('EXPIRED10');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(client.$purchase.get().status).to.equal('idle');
    await expect(form).to.be.accessible();
  });

  it('buys the latest quote only: a seat change re-quotes before paying', async () => {
    const { client, adapter } = setup();
    client.selectTier({ tierId: 'team', interval: 'month', seats: 3 });
    const form = await mount(client, false);
    await cardReady(form);
    client.selectTier({ tierId: 'team', interval: 'month', seats: 5 });
    await waitUntil(() => submit(form).textContent?.includes('$195.00'));
    typeCard(form, '4242 4242 4242 4242');
    submit(form).click();
    await waitForText(form, 'You are subscribed to Team.');
    const activation = adapter.calls.find((c) => c.method === 'activate')?.args[0] as { seats: number; quoteId: string };
    const lastQuote = adapter.calls.filter((c) => c.method === 'previewChange').at(-1)?.args[0] as { seats: number };
    expect(activation.seats).to.equal(5);
    expect(lastQuote.seats).to.equal(5);
  });

  it('takes its selection from attributes', async () => {
    const { client } = setup();
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-payment-form tier="team" interval="year" seats="4"></tectra-payment-form>
    </tectra-billing-provider>`);
    const form = provider.querySelector('tectra-payment-form') as TectraPaymentForm;
    await waitForText(form, 'Team, Yearly, 4 seats');
    expect(client.$checkout.get().selection).to.deep.equal({ tierId: 'team', interval: 'year', seats: 4 });
  });
});

describe('<tectra-payment-form>: Stripe', () => {
  const stripeIntent = (a: MemoryAdapter): BillingAdapter => ({
    ...a,
    createSetupIntent: async () => ({ provider: 'stripe', publishableKey: 'pk_test_123', clientSecret: 'seti_123_secret_456' }),
  });

  it('mounts the Payment Element in the light DOM, confirms with redirect if_required, never shows the test form', async () => {
    const double = installStripeDouble();
    try {
      const { client, adapter } = setup('new', {}, stripeIntent);
      const form = await mount(client);
      await waitUntil(() => double.calls.some((c) => c.method === 'mount'), 'Payment Element not mounted', { timeout: 4000 });
      expect(stripeScripts()).to.have.length(0);
      expect(double.calls.find((c) => c.method === 'Stripe')?.args[0]).to.equal('pk_test_123');
      expect(double.calls.find((c) => c.method === 'elements')?.args[0]).to.deep.include({ clientSecret: 'seti_123_secret_456' });
      expect(double.calls.find((c) => c.method === 'create')?.args[0]).to.equal('payment');
      const target = double.calls.find((c) => c.method === 'mount')?.args[0] as HTMLElement;
      expect(target.getAttribute('slot')).to.equal('payment-element');
      expect(target.parentElement).to.equal(form);
      expect(shadowText(form)).to.not.contain('Test mode');
      expect(root(form).querySelector('[name="card-number"]')).to.equal(null);
      await waitUntil(() => !submit(form).disabled);
      submit(form).click();
      await waitForText(form, 'You are subscribed to Pro.');
      const confirm = double.calls.find((c) => c.method === 'confirmSetup')?.args[0] as { redirect: string; elements: unknown };
      expect(confirm.redirect).to.equal('if_required');
      expect(confirm.elements).to.exist;
      const activation = adapter.calls.find((c) => c.method === 'activate')?.args[0] as { paymentMethodId: string };
      expect(activation.paymentMethodId).to.equal('pm_stripe_1');
    } finally {
      double.uninstall();
    }
  });

  it('shows Stripe errors in our words and calls handleNextAction when activation requires it', async () => {
    let declineOnce = true;
    const double = installStripeDouble({
      confirmSetup: async () => {
        if (declineOnce) {
          declineOnce = false;
          return { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined (Stripe).' } };
        }
        return { setupIntent: { id: 'seti_1', status: 'succeeded', payment_method: { id: 'pm_stripe_2' } } };
      },
    });
    try {
      let actionHandled = false;
      const { client } = setup('new', {}, (a) => ({
        ...stripeIntent(a),
        activate: async (request, o) => {
          await a.activate(request, o);
          return { status: 'requires_action', clientSecret: 'pi_9_secret_9' };
        },
        getSubscription: async (o) => {
          const sub = await a.getSubscription(o);
          actionHandled = double.calls.some((c) => c.method === 'handleNextAction');
          return sub.status === 'active' && !actionHandled ? ({ ...sub, status: 'incomplete' } as Subscription) : sub;
        },
      }));
      const form = await mount(client);
      await waitUntil(() => double.calls.some((c) => c.method === 'mount'), 'not mounted', { timeout: 4000 });
      await waitUntil(() => submit(form) && !submit(form).disabled, `submit stays disabled: ${shadowText(form)}`, { timeout: 4000 });
      submit(form).click();
      await waitForText(form, 'Your card was declined. Try another card.');
      expect(shadowText(form)).to.not.contain('(Stripe)');
      submit(form).click();
      await waitForText(form, 'You are subscribed to Pro.');
      expect(double.calls.find((c) => c.method === 'handleNextAction')?.args[0]).to.deep.equal({ clientSecret: 'pi_9_secret_9' });
    } finally {
      double.uninstall();
    }
  });

  it('a stripe setup intent can never reach the test card form', async () => {
    const { createPaymentProvider } = await import('../../src/payments/provider.js');
    const { createTestProvider } = await import('../../src/payments/test-provider.js');
    expect(() => createTestProvider({ provider: 'stripe', publishableKey: 'pk', clientSecret: 'cs' })).to.throw();
    const double = installStripeDouble();
    try {
      const provider = await createPaymentProvider({ provider: 'stripe', publishableKey: 'pk', clientSecret: 'cs' }, { locale: 'en' });
      expect(provider.kind).to.equal('stripe');
    } finally {
      double.uninstall();
    }
  });
});

describe('Stripe.js loading', () => {
  it('pages without a payment step load no js.stripe.com script', async () => {
    const { client } = setup('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-billing-summary></tectra-billing-summary><tectra-tier-picker></tectra-tier-picker><tectra-payment-form></tectra-payment-form>
    </tectra-billing-provider>`);
    const summary = provider.querySelector('tectra-billing-summary') as HTMLElement;
    await waitForText(summary, 'Pro');
    await new Promise((r) => setTimeout(r, 100));
    expect(stripeScripts()).to.have.length(0);
  });
});
