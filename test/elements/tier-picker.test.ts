import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import type { Quote } from '../../src/core/types.js';
import type { TectraTierPicker } from '../../src/elements/tier-picker/tier-picker.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient, type BillingClient } from '../../src/state/client.js';
import { shadowText, textOf, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

/** A simulator on the real clock, so quotes are fresh when confirmed. */
function setup(scenario: DemoScenario, options: MemoryAdapterOptions = {}, wrap?: (a: MemoryAdapter) => BillingAdapter) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter: wrap ? wrap(adapter) : adapter });
  return { adapter, client };
}

async function mount(client: BillingClient, attrs: { kinds?: string } = {}): Promise<TectraTierPicker> {
  const provider = await fixture(html`<tectra-billing-provider .client=${client}>
    <tectra-tier-picker kinds=${attrs.kinds ?? ''}></tectra-tier-picker>
  </tectra-billing-provider>`);
  const picker = provider.querySelector('tectra-tier-picker') as TectraTierPicker;
  await waitUntil(() => picker.shadowRoot?.querySelector('[part="tier"], .empty, [part="error"], [part="banner"]'), 'picker never rendered');
  return picker;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) ?? null;
const radio = (el: Element, tierId: string) => $(el, `[data-tier-radio="${tierId}"]`) as HTMLElement;
const card = (el: Element, tierId: string) => radio(el, tierId)?.closest('[part="tier"]') as HTMLElement;
const cardText = (el: Element, tierId: string) => textOf(card(el, tierId));
const dialog = (el: Element) => $(el, 'dialog.change-dialog') as HTMLDialogElement;
/** The card's action button (Choose, Upgrade to, Downgrade to, Update seats). */
const action = (el: Element, tierId: string) => card(el, tierId)?.querySelector<HTMLButtonElement>('[part="tier-action"]') as HTMLButtonElement;
const dialogText = (el: Element) => textOf(dialog(el));

describe('<tectra-tier-picker>: showing tiers', () => {
  it('shows a loading skeleton of reserved size', async () => {
    const { client } = setup('individual-active', { faults: { getCatalog: 'hang' } });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker></tectra-billing-provider>`);
    const picker = provider.querySelector('tectra-tier-picker') as TectraTierPicker;
    await picker.updateComplete;
    expect($(picker, '[part="skeleton"]')).to.exist;
    expect($(picker, '[part="base"]')?.getAttribute('aria-busy')).to.equal('true');
    expect(($(picker, '[part="skeleton"]') as HTMLElement).getBoundingClientRect().height).to.be.at.least(300);
    await expect(picker).to.be.accessible();
  });

  it('groups tiers as Individual, Team and Enterprise with prices, limits, features and badges', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const groups = [...(picker.shadowRoot?.querySelectorAll('[part="group-title"]') ?? [])].map((h) => h.textContent);
    expect(groups).to.deep.equal(['Individual', 'Team', 'Enterprise']);
    expect(cardText(picker, 'pro')).to.contain('Recommended').and.contain('$49 per month').and.contain('Input tokens 10M');
    expect(cardText(picker, 'pro')).to.contain('Scheduled automations');
    expect(cardText(picker, 'team')).to.contain('$39 per seat per month');
    expect(cardText(picker, 'business')).to.contain('Integrations Unlimited');
    expect(radio(picker, 'pro').getAttribute('role')).to.equal('radio');
    await expect(picker).to.be.accessible();
  });

  it('an empty interval attribute (Lit renders interval=${undefined} so) is no choice: monthly prices, Monthly checked', async () => {
    const { client } = setup('new');
    const interval: string | undefined = undefined;
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-tier-picker interval=${interval as unknown as string}></tectra-tier-picker>
    </tectra-billing-provider>`);
    const picker = provider.querySelector('tectra-tier-picker') as TectraTierPicker;
    await waitUntil(() => radio(picker, 'pro'), 'picker never rendered');
    expect(picker.getAttribute('interval')).to.equal('');
    expect(cardText(picker, 'pro')).to.contain('$49 per month').and.not.contain('Not available');
    const toggle = [...(picker.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name="interval"]') ?? [])];
    expect(toggle.filter((i) => i.checked).map((i) => i.value)).to.deep.equal(['month']);
  });

  it('limits the groups with the kinds attribute', async () => {
    const { client } = setup('new');
    const picker = await mount(client, { kinds: 'team' });
    const groups = [...(picker.shadowRoot?.querySelectorAll('[part="group-title"]') ?? [])].map((h) => h.textContent);
    expect(groups).to.deep.equal(['Team']);
    expect(radio(picker, 'pro')).to.equal(null);
  });

  it('says so when no tier is available', async () => {
    const { client } = setup('new');
    const picker = await mount(client, { kinds: 'galactic' });
    expect(shadowText(picker)).to.contain('No plans are available right now.');
    await expect(picker).to.be.accessible();
  });

  it('names each radio with its price and interval', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const r = radio(picker, 'team');
    const name = (r.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => picker.shadowRoot?.getElementById(id)?.textContent?.trim())
      .join(', ');
    expect(name).to.equal('Team, $39 per seat per month');
  });

  it('is one radiogroup named by its heading, the kinds labelled groups inside it, no headings inside radios', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const groups = picker.shadowRoot?.querySelectorAll('[role="radiogroup"]') ?? [];
    expect(groups).to.have.length(1);
    const group = groups[0] as HTMLElement;
    expect(picker.shadowRoot?.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()).to.equal('Choose a plan');
    const radios = [...picker.shadowRoot!.querySelectorAll('[role="radio"]')];
    expect(radios.length).to.be.above(3);
    expect(radios.every((r) => group.contains(r) && r.closest('[role="group"]') && !r.querySelector('h1, h2, h3, h4, h5, h6'))).to.equal(true);
  });

  it('switches to yearly prices and shows the saving', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    expect(shadowText(picker)).to.contain('save up to 17%');
    const yearly = picker.shadowRoot?.querySelector<HTMLInputElement>('[part="interval-toggle"] input[type="radio"]:not(:checked)');
    yearly?.click();
    await picker.updateComplete;
    expect(picker.interval).to.equal('year');
    // The yearly price with a month of it; the saving is said once, on the toggle.
    expect(cardText(picker, 'pro')).to.contain('$490 per year').and.contain('$40.83 per month, billed yearly').and.not.contain('Save');
    expect(cardText(picker, 'team')).to.contain('$32.50 per seat per month, billed yearly');
    await expect(picker).to.be.accessible();
  });

  it('offers contact sales for enterprise, never a checkout', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const link = $(picker, 'a[part="contact-sales"]') as HTMLAnchorElement;
    expect(link.href).to.equal('https://tectra.example/contact-sales');
    expect(link.rel).to.contain('noopener');
    expect(radio(picker, 'enterprise')).to.equal(null);
  });

  it('never links an unsafe contact URL and shows adapter text as text', async () => {
    const snapshot = demoSnapshot('new');
    const enterprise = snapshot.catalog.tiers.find((t) => t.id === 'enterprise');
    const pro = snapshot.catalog.tiers.find((t) => t.id === 'pro');
    if (enterprise) enterprise.contactSalesUrl = 'javascript:alert(1)';
    if (pro) {
      pro.name = '<img src=x onerror="window.__pickerPwned=1">';
      pro.features = ['<b>bold</b>'];
    }
    const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const picker = await mount(client);
    expect($(picker, 'a[part="contact-sales"]')).to.equal(null);
    expect(shadowText(picker)).to.contain('Contact sales');
    expect(cardText(picker, 'pro')).to.contain('<img src=x').and.contain('<b>bold</b>');
    expect(picker.shadowRoot?.querySelector('img, b')).to.equal(null);
    expect((window as { __pickerPwned?: number }).__pickerPwned).to.equal(undefined);
  });

  it('names each radio by its tier whatever the tier id holds (a space, a leading digit, an underscore)', async () => {
    const snapshot = demoSnapshot('new');
    const ids = ['pro plus', '2pro', 'pro_plus'];
    snapshot.catalog.tiers.slice(0, ids.length).forEach((t, i) => {
      t.id = ids[i] ?? t.id;
    });
    const picker = await mount(createBillingClient({ adapter: createMemoryAdapter(snapshot) }));
    for (const id of ids) {
      const input = picker.shadowRoot?.querySelector(`[data-tier-radio="${CSS.escape(id)}"]`) as HTMLElement;
      const names = (input.getAttribute('aria-labelledby') ?? '').split(' ').map((ref) => picker.shadowRoot?.getElementById(ref)?.textContent?.trim());
      expect(names.length, id).to.equal(2);
      expect(names.every(Boolean), `${id}: ${input.getAttribute('aria-labelledby')}`).to.equal(true);
    }
    const allIds = [...(picker.shadowRoot?.querySelectorAll('[id]') ?? [])].map((e) => e.id);
    expect(new Set(allIds).size).to.equal(allIds.length);
    await expect(picker).to.be.accessible();
  });

  it('shows an error with retry, and recovers', async () => {
    const { client, adapter } = setup('new', { faults: { getCatalog: { code: 'server', times: 1 } } });
    const picker = await mount(client);
    expect(shadowText(picker)).to.contain('We could not load the plans.');
    await expect(picker).to.be.accessible();
    ($(picker, '[part="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => radio(picker, 'pro'));
    expect(adapter.count('getCatalog')).to.equal(2);
  });

  it('shares one catalog and subscription request with the summary on the page', async () => {
    const { client, adapter } = setup('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-billing-summary></tectra-billing-summary><tectra-tier-picker></tectra-tier-picker>
    </tectra-billing-provider>`);
    const picker = provider.querySelector('tectra-tier-picker') as TectraTierPicker;
    await waitUntil(() => radio(picker, 'pro'));
    expect(adapter.count('getCatalog')).to.equal(1);
    expect(adapter.count('getSubscription')).to.equal(1);
  });

  it('prices JPY tiers in whole yen', async () => {
    const { client } = setup('jpy');
    const picker = await mount(client);
    expect(cardText(picker, 'pro')).to.contain('¥7,400 per month');
    await expect(picker).to.be.accessible();
  });

  it('speaks German', async () => {
    await setBillingLocale('de');
    try {
      const { client } = setup('new');
      const picker = await mount(client);
      await waitForText(picker, 'Tarif wählen');
      expect(cardText(picker, 'pro')).to.contain('49 $ pro Monat').and.contain('Empfohlen');
      expect(cardText(picker, 'team')).to.contain('Plätze');
      await expect(picker).to.be.accessible();
    } finally {
      await setBillingLocale('en');
    }
  });
});

describe('<tectra-tier-picker>: seats', () => {
  it('steps seats within the tier range and shows the total', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const seats = card(picker, 'team').querySelector('[part="seats"]') as HTMLElement;
    const [less, more] = [...seats.querySelectorAll('button')];
    const input = seats.querySelector('input') as HTMLInputElement;
    expect(input.value).to.equal('3');
    // At the minimum the button says so but keeps its place in the tab order (no focus loss).
    expect(less?.getAttribute('aria-disabled')).to.equal('true');
    less?.focus();
    less?.click();
    await picker.updateComplete;
    expect(input.value).to.equal('3');
    expect(picker.shadowRoot?.activeElement === less).to.equal(true);
    more?.click();
    await picker.updateComplete;
    expect(input.value).to.equal('4');
    expect(seats.textContent).to.contain('$156 per month in total');
    await expect(picker).to.be.accessible();
  });

  it('is a spin button: its range and value, arrow, Home and End keys, and the new total said', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const seats = card(picker, 'team').querySelector('[part="seats"]') as HTMLElement;
    const input = seats.querySelector('input') as HTMLInputElement;
    const hint = seats.querySelector('.hint') as HTMLElement;
    expect(input.getAttribute('role')).to.equal('spinbutton');
    expect([input.getAttribute('aria-valuemin'), input.getAttribute('aria-valuemax'), input.getAttribute('aria-valuenow')]).to.deep.equal(['3', '100', '3']);
    expect(hint.getAttribute('aria-live')).to.equal('polite');
    input.focus();
    const pressed = async (key: string, value: string) => {
      await sendKeys({ press: key });
      await picker.updateComplete;
      expect(input.value, key).to.equal(value);
      expect(input.getAttribute('aria-valuenow'), key).to.equal(value);
      expect(picker.shadowRoot?.activeElement === input, `focus after ${key}`).to.equal(true);
    };
    await pressed('ArrowUp', '4');
    expect(hint.textContent).to.contain('$156 per month in total');
    await pressed('ArrowUp', '5');
    await pressed('ArrowDown', '4');
    await pressed('End', '100');
    await pressed('ArrowUp', '100');
    await pressed('ArrowDown', '99');
    await pressed('Home', '3');
    await pressed('ArrowDown', '3');
    await expect(picker).to.be.accessible();
  });

  it('refuses a value outside the range and says why, keeping what was typed', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const seats = card(picker, 'team').querySelector('[part="seats"]') as HTMLElement;
    const input = seats.querySelector('input') as HTMLInputElement;
    // The reasons come with the seat checks, which may still be loading: wait for what is said.
    const typed = async (value: string, said: string) => {
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => seats.textContent?.includes(said), `no "${said}"`, { timeout: 5000 });
    };
    await typed('2', 'Team needs at least 3 seats.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.value).to.equal('2');
    await typed('101', 'Team allows at most 100 seats.');
    await typed('ten', 'Enter a whole number of seats.');
    await expect(picker).to.be.accessible();
    // A count the tier takes is taken at once, and the refusal goes.
    input.value = '7';
    input.dispatchEvent(new Event('change'));
    await picker.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(seats.textContent).to.contain('$273 per month in total').and.not.contain('Enter a whole number');
  });
});

describe('<tectra-tier-picker>: without a subscription (checkout)', () => {
  it('puts the chosen tier into the shared checkout and fires tectra-tier-select', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const heard = oneEvent(picker, 'tectra-tier-select');
    radio(picker, 'team').click();
    const event = await heard;
    expect(event.detail.selection).to.deep.equal({ tierId: 'team', interval: 'month', seats: 3 });
    expect(client.$checkout.get().selection).to.deep.equal({ tierId: 'team', interval: 'month', seats: 3 });
    await picker.updateComplete;
    expect(radio(picker, 'team').getAttribute('aria-checked')).to.equal('true');
    expect(shadowText(picker)).to.contain('Team selected');
  });

  it('lets the host veto the choice', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    picker.addEventListener('tectra-tier-select', (e) => e.preventDefault(), { once: true });
    radio(picker, 'pro').click();
    await picker.updateComplete;
    expect(client.$checkout.get().selection).to.equal(undefined);
    expect(radio(picker, 'pro').getAttribute('aria-checked')).to.equal('false');
  });

  it('updates the checkout when seats or the interval change', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    radio(picker, 'team').click();
    (card(picker, 'team').querySelectorAll('[part="seats"] button')[1] as HTMLButtonElement).click();
    await picker.updateComplete;
    expect(client.$checkout.get().selection).to.deep.equal({ tierId: 'team', interval: 'month', seats: 4 });
    picker.shadowRoot?.querySelector<HTMLInputElement>('[part="interval-toggle"] input:not(:checked)')?.click();
    await picker.updateComplete;
    expect(client.$checkout.get().selection).to.deep.equal({ tierId: 'team', interval: 'year', seats: 4 });
  });

  it('is a radio group for the keyboard: one tab stop, arrows move and choose', async () => {
    const { client } = setup('new');
    const picker = await mount(client);
    const tabbable = [...(picker.shadowRoot?.querySelectorAll('[role="radio"]') ?? [])].filter((r) => r.getAttribute('tabindex') === '0');
    expect(tabbable).to.have.length(1);
    radio(picker, 'starter').focus();
    await sendKeys({ press: 'ArrowRight' });
    await picker.updateComplete;
    expect(picker.shadowRoot?.activeElement === radio(picker, 'pro'), 'focus').to.equal(true);
    expect(client.$checkout.get().selection?.tierId).to.equal('pro');
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect(picker.shadowRoot?.activeElement === radio(picker, 'business'), 'focus').to.equal(true);
    expect(radio(picker, 'business').getAttribute('tabindex')).to.equal('0');
  });

  it('follows the reading direction in Arabic: Left moves forward, Right back, Up and Down too, wrapping', async () => {
    const { client } = setup('new');
    await setBillingLocale('ar');
    try {
      const picker = await mount(client);
      expect(picker.getAttribute('dir')).to.equal('rtl');
      const focused = (id: string) => picker.shadowRoot?.activeElement === radio(picker, id);
      radio(picker, 'starter').focus();
      await sendKeys({ press: 'ArrowLeft' });
      await picker.updateComplete;
      expect(focused('pro'), 'Left goes forward').to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      await picker.updateComplete;
      expect(focused('starter'), 'Right goes back').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      await picker.updateComplete;
      expect(focused('business'), 'Up from the first wraps to the last').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      expect(focused('starter'), 'Down from the last wraps to the first').to.equal(true);
    } finally {
      await setBillingLocale('en');
    }
  });

  it('submits the chosen tier with a host form', async () => {
    const { client } = setup('new');
    const form = await fixture<HTMLFormElement>(html`<form>
      <tectra-billing-provider .client=${client}><tectra-tier-picker name="plan"></tectra-tier-picker></tectra-billing-provider>
    </form>`);
    const picker = form.querySelector('tectra-tier-picker') as TectraTierPicker;
    await waitUntil(() => radio(picker, 'business'));
    radio(picker, 'business').click();
    await picker.updateComplete;
    const data = new FormData(form);
    expect(data.get('plan')).to.equal('business');
    expect(picker.value).to.equal('business');
  });
});

describe('<tectra-tier-picker>: with a subscription (change with a quote)', () => {
  it('marks the current tier, which cannot be chosen again with the same interval', async () => {
    const { client, adapter } = setup('individual-active');
    const picker = await mount(client);
    expect(cardText(picker, 'pro')).to.contain('Current plan');
    expect(radio(picker, 'pro').getAttribute('aria-disabled')).to.equal('true');
    action(picker, 'pro').click();
    await picker.updateComplete;
    expect(dialog(picker).open).to.equal(false);
    expect(adapter.count('previewChange')).to.equal(0);
    picker.shadowRoot?.querySelector<HTMLInputElement>('[part="interval-toggle"] input:not(:checked)')?.click();
    await picker.updateComplete;
    expect(radio(picker, 'pro').getAttribute('aria-disabled')).to.equal('false');
  });

  it('shows a scheduled change', async () => {
    const { client } = setup('scheduled-downgrade');
    const picker = await mount(client);
    // The banner comes with the plan actions, which load on demand.
    await waitForText(picker, /Your plan changes to Starter \(Monthly\) on/);
    expect(cardText(picker, 'starter')).to.contain('Scheduled');
    await expect(picker).to.be.accessible();
  });

  it('gives each card one action that says what it does, naming the tier', async () => {
    const { client } = setup('individual-active');
    const picker = await mount(client);
    await waitUntil(() => action(picker, 'team'));
    const label = (id: string) => action(picker, id)?.textContent?.trim();
    expect(label('starter')).to.equal('Downgrade to Starter');
    expect(label('pro')).to.equal('Current plan');
    expect(action(picker, 'pro').disabled).to.equal(true);
    expect(label('team')).to.equal('Upgrade to Team');
    expect(label('business')).to.equal('Upgrade to Business');
    const contact = picker.shadowRoot?.querySelector('[part="contact-sales"]');
    expect(textOf(contact)).to.equal('Contact sales : Enterprise');
    // A click on the card only checks it; the action opens the review.
    radio(picker, 'team').click();
    await picker.updateComplete;
    expect(dialog(picker).open).to.equal(false);
    expect(radio(picker, 'team').getAttribute('aria-checked')).to.equal('true');
    await expect(picker).to.be.accessible();
  });

  it('carries the seats of a team plan to another team tier, clamped to its range and saying so', async () => {
    const snapshot = demoSnapshot('team');
    snapshot.subscription.seats = 4;
    const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const picker = await mount(client);
    await waitUntil(() => action(picker, 'business'));
    const business = card(picker, 'business').querySelector<HTMLInputElement>('[part="seats"] input');
    expect(business?.value, 'Business starts at 5 users').to.equal('5');
    expect(cardText(picker, 'business')).to.contain('Your plan has 4 seats; Business counts 5 seats.');
    // The current tier with other seats is an update of seats.
    const team = card(picker, 'team').querySelector('[part="seats"]') as HTMLElement;
    team.querySelectorAll('button')[1]?.click();
    await picker.updateComplete;
    expect(action(picker, 'team').textContent?.trim()).to.equal('Update seats');
    action(picker, 'team').click();
    await waitUntil(() => dialogText(picker).includes('Due now'), 'no quote for the seats');
    expect(dialogText(picker)).to.contain('to Team (Yearly, 5 seats)');
  });

  it('shows an enterprise contract instead of self-serve tiers', async () => {
    const { client } = setup('enterprise');
    const picker = await mount(client);
    await waitForText(picker, 'Your plan is set by your contract. To change it, contact your account manager.');
    expect(picker.shadowRoot?.querySelector('[part="tier-action"]')).to.not.exist;
    expect(picker.shadowRoot?.querySelector('[part="cancel-button"]')).to.not.exist;
    await expect(picker).to.be.accessible();
  });

  it('quotes a change, confirms it once with an idempotency key, and fires tectra-tier-changed', async () => {
    const { client, adapter } = setup('individual-active');
    const picker = await mount(client);
    const trigger = action(picker, 'team');
    trigger.focus();
    trigger.click();
    await waitUntil(() => dialogText(picker).includes('Due now'), 'no quote shown');
    expect(dialog(picker).open).to.equal(true);
    expect(dialog(picker).contains(picker.shadowRoot?.activeElement ?? null)).to.equal(true);
    expect(dialogText(picker)).to.contain('From Pro (Monthly) to Team (Monthly, 3 seats)');
    expect(dialogText(picker)).to.contain('New price $117 per month').and.contain('Takes effect Immediately');
    expect(adapter.count('previewChange')).to.equal(1);
    await expect(picker).to.be.accessible();

    const changed = oneEvent(picker, 'tectra-tier-changed');
    const confirm = dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement;
    confirm.click();
    confirm.click();
    confirm.click();
    const event = await changed;
    expect(event.detail.subscription.tierId).to.equal('team');
    expect(adapter.count('changeTier')).to.equal(1);
    const request = adapter.calls.find((c) => c.method === 'changeTier')?.args[0] as { idempotencyKey: string; quoteId: string };
    expect(request.idempotencyKey).to.be.a('string').and.not.empty;
    expect(request.quoteId).to.match(/^qt_/);
    await waitUntil(() => !dialog(picker).open);
    await waitForText(picker, 'Your plan is now Team.');
    await waitUntil(() => cardText(picker, 'team').includes('Current plan'));
    expect(picker.shadowRoot?.activeElement === radio(picker, 'team'), 'focus').to.equal(true);
  });

  it('schedules a downgrade for the period end', async () => {
    const { client } = setup('individual-active');
    const picker = await mount(client);
    action(picker, 'starter').click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    expect(dialogText(picker)).to.contain('Due now $0.00');
    expect(dialogText(picker)).to.not.contain('Takes effect Immediately');
    (dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).click();
    await waitForText(picker, 'Your plan changes to Starter on');
  });

  it('changes nothing when the confirm step is cancelled, and returns focus', async () => {
    const { client, adapter } = setup('individual-active');
    const picker = await mount(client);
    action(picker, 'business').focus();
    action(picker, 'business').click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(picker).open);
    expect(adapter.count('changeTier')).to.equal(0);
    expect(client.$change.get().status).to.equal('idle');
    expect(picker.shadowRoot?.activeElement === action(picker, 'business'), 'focus').to.equal(true);
    expect(radio(picker, 'pro').getAttribute('aria-checked')).to.equal('true');
  });

  it('opens the review from the keyboard: arrows move, Enter chooses', async () => {
    const { client, adapter } = setup('individual-active');
    const picker = await mount(client);
    radio(picker, 'pro').focus();
    await sendKeys({ press: 'ArrowRight' });
    await picker.updateComplete;
    expect(picker.shadowRoot?.activeElement === radio(picker, 'team'), 'focus').to.equal(true);
    expect(adapter.count('previewChange')).to.equal(0);
    expect(radio(picker, 'team').getAttribute('aria-checked')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(picker).open);
    // The change module loads with the first request, then quotes once.
    await waitUntil(() => adapter.count('previewChange') === 1);
  });

  it('explains a failed quote and retries it', async () => {
    const { client, adapter } = setup('individual-active', { faults: { previewChange: { code: 'server', times: 1 } } });
    const picker = await mount(client);
    action(picker, 'team').click();
    await waitUntil(() => dialogText(picker).includes('We could not calculate the price'));
    expect((dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).disabled).to.equal(true);
    await expect(picker).to.be.accessible();
    (dialog(picker).querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    expect(adapter.count('previewChange')).to.equal(2);
  });

  it('a card declined for the change says so, not "try again in a moment"', async () => {
    const { client } = setup('individual-active', { faults: { changeTier: 'card_declined' } });
    const picker = await mount(client);
    action(picker, 'team').click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    (dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).click();
    await waitUntil(() => dialogText(picker).includes('Your plan was not changed.'));
    expect(dialogText(picker)).to.contain('Your card was declined.').and.not.contain('Please try again in a moment.');
  });

  it('keeps the selection when the change fails, and retries with the same idempotency key', async () => {
    const { client, adapter } = setup('individual-active', { faults: { changeTier: { code: 'network', times: 1 } } });
    const picker = await mount(client);
    action(picker, 'team').click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    (dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).click();
    await waitUntil(() => dialogText(picker).includes('Your plan was not changed.'));
    expect(dialog(picker).open).to.equal(true);
    expect(dialogText(picker)).to.contain('Team (Monthly, 3 seats)');
    await expect(picker).to.be.accessible();
    const retry = oneEvent(picker, 'tectra-tier-changed');
    (dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).click();
    await retry;
    const keys = adapter.calls.filter((c) => c.method === 'changeTier').map((c) => (c.args[0] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('shows the change as pending, with confirm busy (still focusable) and cancel disabled', async () => {
    const { client } = setup('individual-active', { faults: { changeTier: 'hang' } });
    const picker = await mount(client);
    action(picker, 'team').click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    const confirm = dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement;
    confirm.click();
    await waitUntil(() => dialogText(picker).includes('Changing your plan…'));
    expect(confirm.getAttribute('aria-busy')).to.equal('true');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    expect(confirm.disabled, 'a disabled button would drop focus to the page').to.equal(false);
    expect((dialog(picker).querySelector('[part="dialog-cancel"]') as HTMLButtonElement).disabled).to.equal(true);
    await sendKeys({ press: 'Escape' });
    expect(dialog(picker).open).to.equal(true);
    await expect(picker).to.be.accessible();
  });

  it('meets contrast in the dark theme, dialog included', async () => {
    const { client } = setup('individual-active');
    const wrapper = await fixture(html`<div class="dark-picker">
      <tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker></tectra-billing-provider>
    </div>`);
    const style = document.createElement('style');
    style.textContent = '.dark-picker { color-scheme: dark; background: #0d0f14; }';
    document.head.appendChild(style);
    try {
      const picker = wrapper.querySelector('tectra-tier-picker') as TectraTierPicker;
      await waitUntil(() => radio(picker, 'team'));
      await expect(picker).to.be.accessible();
      action(picker, 'team').click();
      await waitUntil(() => dialogText(picker).includes('Due now'));
      await expect(picker).to.be.accessible();
    } finally {
      style.remove();
    }
  });

  it('refreshes an expired quote instead of using it', async () => {
    let quotes = 0;
    const { client, adapter } = setup('individual-active', {}, (a) => ({
      ...a,
      previewChange: async (selection, o) => {
        const quote: Quote = await a.previewChange(selection, o);
        quotes++;
        // The first quote is already expired when the user confirms.
        return quotes === 1 ? { ...quote, expiresAt: new Date(Date.now() - 1000).toISOString() } : quote;
      },
    }));
    const picker = await mount(client);
    action(picker, 'team').click();
    await waitUntil(() => dialogText(picker).includes('Due now'));
    (dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).click();
    await waitUntil(() => dialogText(picker).includes('The price was refreshed'));
    expect(adapter.count('changeTier')).to.equal(0);
    expect(quotes).to.equal(2);
    const changed = oneEvent(picker, 'tectra-tier-changed');
    (dialog(picker).querySelector('[part="dialog-confirm"]') as HTMLButtonElement).click();
    await changed;
    expect(adapter.count('changeTier')).to.equal(1);
  });
});
