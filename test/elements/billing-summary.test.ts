import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import type { DemoScenario } from '../../src/adapters/memory/index.js';
import type { TectraBillingSummary } from '../../src/elements/billing-summary/billing-summary.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createBillingClient } from '../../src/state/client.js';
import type { BillingClient } from '../../src/state/client.js';
import { setDefaultBillingClient } from '../../src/state/default-client.js';
import { demoSnapshot } from '../../src/adapters/memory/index.js';
import { demoBackend, memoryClient, NOW, shadowText, waitForText, waitUntil } from '../helpers.js';

async function mount(client: BillingClient): Promise<TectraBillingSummary> {
  const provider = await fixture(html`<tectra-billing-provider .client=${client}>
    <tectra-billing-summary></tectra-billing-summary>
  </tectra-billing-provider>`);
  return provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
}

async function ready(scenario: DemoScenario): Promise<TectraBillingSummary> {
  const { client } = memoryClient(scenario);
  const el = await mount(client);
  await waitUntil(() => el.shadowRoot?.querySelector('[part="tier-name"], .empty'), 'summary never became ready');
  return el;
}

function button(el: TectraBillingSummary, text: string): HTMLButtonElement {
  const found = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}" in ${shadowText(el)}`);
  return found;
}

describe('<tectra-billing-summary>', () => {
  it('shows a loading skeleton of reserved size while the subscription loads', async () => {
    const { client } = memoryClient('individual-active', { faults: { getSubscription: 'hang' } });
    const el = await mount(client);
    await el.updateComplete;
    const base = el.shadowRoot?.querySelector('[part="base"]') as HTMLElement;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot?.querySelector('[part="skeleton"]')).to.exist;
    expect(shadowText(el)).to.contain('Loading your plan');
    expect(base.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();
  });

  for (const width of [1100, 540]) {
    it(`takes the same room loading and ready for a typical plan, ${width} px wide (no layout shift)`, async () => {
      const { client, adapter } = memoryClient('team', { faults: { getSubscription: 'hang' } });
      const el = await mount(client);
      el.style.width = `${width}px`;
      await el.updateComplete;
      const loadingHeight = el.getBoundingClientRect().height;
      expect(el.shadowRoot?.querySelector('[part="skeleton"]')).to.exist;
      adapter.setFault('getSubscription', undefined);
      await client.refresh('subscription');
      await waitForText(el, 'Team');
      expect(Math.abs(el.getBoundingClientRect().height - loadingHeight)).to.be.below(1.5);
    });
  }

  it('shows an active individual plan: tier, price, next payment, period, limits, features (in New York time)', async () => {
    const el = await ready('individual-active');
    const text = shadowText(el);
    expect(el.shadowRoot?.querySelector('[part="tier-name"]')?.textContent).to.equal('Pro');
    expect(el.shadowRoot?.querySelector('[part="status"]')?.textContent).to.equal('Active');
    expect(text).to.contain('$49 per month');
    expect(text).to.contain('Next payment');
    // The period starts at midnight UTC on Mar 3: still Mar 2 in the account's New York time.
    expect(text).to.contain('$49.00 on April 2, 2026');
    expect(text).to.match(/Billing period Mar 2\s*–\s*Apr 2, 2026/);
    expect(text).to.contain('Input tokens 10M');
    expect(text).to.contain('Integrations 15');
    expect(text).to.contain('Transcription minutes 600');
    expect(text).to.contain('Scheduled automations');
    await expect(el).to.be.accessible();
  });

  it('shows when a trial ends and what is due then', async () => {
    const el = await ready('trial');
    expect(el.shadowRoot?.querySelector('[part="status"]')?.textContent).to.equal('Trial');
    expect(shadowText(el)).to.contain('Your trial ends on March 24, 2026. Your first payment of $49.00 is due then.');
    await expect(el).to.be.accessible();
  });

  it('asks a past-due account without an open invoice to update its payment method, by an event', async () => {
    const snapshot = demoSnapshot('past-due', { now: NOW });
    snapshot.invoices = snapshot.invoices.filter((i) => i.status !== 'open');
    const el = await mount(createBillingClient({ adapter: createMemoryAdapter(snapshot) }));
    await waitForText(el, 'Your last payment failed');
    const heard = oneEvent(el, 'tectra-manage');
    button(el, 'Update payment method').click();
    expect((await heard).detail.action).to.equal('update-payment-method');
    await expect(el).to.be.accessible();
  });

  it('shows a canceled plan with the date it ended, no limits as if live, and Resubscribe with the tier it had', async () => {
    const { client } = memoryClient('canceled');
    const el = await mount(client);
    await waitForText(el, 'Your plan was canceled and ended on March 12, 2026.');
    const text = shadowText(el);
    expect(text).to.not.contain('Next payment');
    expect(text).to.not.contain('Included each month');
    expect(text).to.not.contain('Cancel plan');
    const heard = oneEvent(el, 'tectra-manage');
    button(el, 'Resubscribe').click();
    expect((await heard).detail.action).to.equal('choose-tier');
    expect(client.$checkout.get().selection).to.deep.equal({ tierId: 'pro', interval: 'month' });
    await expect(el).to.be.accessible();
  });

  it('shows an enterprise contract with a way to the account manager, and no self-serve cancel', async () => {
    const el = await ready('enterprise');
    await waitForText(el, 'Your plan is set by your contract. To change it, contact your account manager.');
    const link = el.shadowRoot?.querySelector<HTMLAnchorElement>('a[part="banner-action"]');
    expect(link?.textContent?.trim()).to.equal('Contact your account manager');
    expect(link?.href).to.match(/^https:/);
    expect(el.shadowRoot?.querySelector('[part="cancel-button"]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('asks before cancelling: what happens and when, an optional reason; the open step is accessible', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const el = await mount(client);
    const cancel = await waitUntil(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="cancel-button"]')).then(
      () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="cancel-button"]') as HTMLButtonElement,
    );
    cancel.click();
    await waitUntil(() => el.shadowRoot?.querySelector('dialog[open]'), 'no confirm step');
    expect(shadowText(el)).to.contain('Your Pro plan stays active until April 2, 2026.');
    await expect(el).to.be.accessible();
    const dialog = el.shadowRoot?.querySelector('dialog') as HTMLDialogElement;
    const events: string[] = [];
    el.addEventListener('tectra-subscription-canceled', (e) => events.push(e.detail.subscription.cancelAtPeriodEnd ? 'at-end' : 'now'));
    (dialog.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => !dialog.open, 'the confirm step stayed open');
    expect(events).to.deep.equal(['at-end']);
    expect(adapter.count('cancelSubscription')).to.equal(1);
    await waitForText(el, 'Your plan ends on April 2, 2026 and will not renew.');
    expect(el.shadowRoot?.querySelector('[part="announcement"]')?.textContent).to.contain('Your plan is canceled. It stays active until April 2, 2026.');
    await expect(el).to.be.accessible();
  });

  it('pays an overdue invoice with a saved card in one step', async () => {
    const snapshot = demoSnapshot('past-due', { now: NOW });
    snapshot.paymentMethods = [{ id: 'pm_ok', type: 'card', brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2030, isDefault: true }];
    const adapter = createMemoryAdapter(snapshot, { now: () => new Date(NOW) });
    const el = await mount(createBillingClient({ adapter }));
    await waitForText(el, 'Pay $19.00 now');
    button(el, 'Pay $19.00 now').click();
    const dialog = await waitUntil(() => el.shadowRoot?.querySelector('dialog[open]')).then(() => el.shadowRoot?.querySelector('dialog') as HTMLDialogElement);
    const saved = dialog.querySelector<HTMLInputElement>('input[value="pm_ok"]');
    expect(saved?.checked).to.equal(true);
    expect(dialog.querySelector('[name="card-number"]'), 'no card form for a saved card').to.not.exist;
    await expect(el).to.be.accessible();
    const paid = oneEvent(el, 'tectra-invoice-paid');
    (dialog.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    expect((await paid).detail.invoice.status).to.equal('paid');
    await waitForText(el, 'Active');
    expect(adapter.snapshot().subscription.status).to.equal('active');
    expect(adapter.calls.find((c) => c.method === 'payInvoice')?.args[1]).to.include({ paymentMethodId: 'pm_ok' });
  });

  it('announces a scheduled downgrade', async () => {
    const el = await ready('scheduled-downgrade');
    expect(shadowText(el)).to.contain('Your plan changes to Starter (Monthly) on April 3, 2026.');
    expect(shadowText(el)).to.contain('$19.00 on April 3, 2026');
    await expect(el).to.be.accessible();
  });

  it('shows seats and per-seat price for a team, in the account time zone', async () => {
    const el = await ready('team');
    const text = shadowText(el);
    expect(text).to.contain('$390 per seat per year · 8 seats');
    expect(text).to.contain('Seats 8');
    // The period starts at midnight UTC, which is the evening before in Los Angeles.
    expect(text).to.match(/Billing period Mar 2, 2026\s*–\s*Mar 2, 2027/);
    await expect(el).to.be.accessible();
  });

  it('shows custom pricing and unlimited limits for enterprise', async () => {
    const el = await ready('enterprise');
    const text = shadowText(el);
    expect(text).to.contain('Custom pricing');
    expect(text).to.contain('Input tokens Unlimited');
    expect(text).to.contain('$120,000.00');
    await expect(el).to.be.accessible();
  });

  it('formats JPY without minor units', async () => {
    const el = await ready('jpy');
    expect(shadowText(el)).to.contain('¥7,400 per month');
    await expect(el).to.be.accessible();
  });

  it('invites an account without billing to choose a tier', async () => {
    const el = await ready('new');
    expect(shadowText(el)).to.contain('You have no plan yet');
    expect(el.shadowRoot?.querySelector('[part="manage-button"]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('fires tectra-manage from Manage', async () => {
    const el = await ready('individual-active');
    const heard = oneEvent(el, 'tectra-manage');
    button(el, 'Manage').click();
    expect((await heard).detail.action).to.equal('manage');
  });

  it('shows an error with retry, reports it once, and recovers on retry', async () => {
    const { client, adapter } = memoryClient('individual-active', { faults: { getSubscription: { code: 'server', times: 1 } } });
    const errors: string[] = [];
    const provider = await fixture(html`<tectra-billing-provider .client=${client} @tectra-error=${(e: CustomEvent) => errors.push(e.detail.operation)}>
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    const el = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    await waitForText(el, 'We could not load your plan.');
    expect(el.shadowRoot?.querySelector('[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
    expect(errors).to.deep.equal(['load-subscription']);
    button(el, 'Retry').click();
    await waitForText(el, 'Pro');
    expect(adapter.count('getSubscription')).to.equal(2);
  });

  it('shows the error state for a malformed payload from the backend (http)', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /subscription': { status: 200, body: '{"status":"maybe"}' } });
    const provider = await fixture(html`<tectra-billing-provider api=${backend.baseUrl}>
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    const el = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    await waitForText(el, 'The billing service sent an unexpected answer.');
    await expect(el).to.be.accessible();
  });

  it('renders demo data fetched through the http adapter from the demo backend', async () => {
    const backend = demoBackend('team');
    const provider = await fixture(html`<tectra-billing-provider api=${backend.baseUrl}>
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    const el = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    await waitForText(el, '8 seats');
    expect(el.shadowRoot?.querySelector('[part="tier-name"]')?.textContent).to.equal('Team');
  });

  it('two summaries on a page share one request per store', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-billing-summary></tectra-billing-summary>
      <div><tectra-billing-summary></tectra-billing-summary></div>
    </tectra-billing-provider>`);
    const [a, b] = [...provider.querySelectorAll('tectra-billing-summary')];
    await waitForText(a as Element, 'Pro');
    await waitForText(b as Element, 'Pro');
    expect(adapter.count('getSubscription')).to.equal(1);
    expect(adapter.count('getCatalog')).to.equal(1);
  });

  it('uses the default client outside any provider', async () => {
    const { client } = memoryClient('jpy');
    setDefaultBillingClient(client);
    try {
      const el = await fixture<TectraBillingSummary>(html`<tectra-billing-summary></tectra-billing-summary>`);
      await waitForText(el, '¥7,400');
    } finally {
      setDefaultBillingClient(undefined);
    }
  });

  it('speaks German with German formats', async () => {
    await setBillingLocale('de-DE');
    try {
      const el = await ready('individual-active');
      await waitForText(el, 'Aktueller Tarif');
      const text = shadowText(el);
      expect(text).to.contain('49 $ pro Monat');
      expect(text).to.contain('49,00 $ am 2. April 2026');
      expect(text).to.contain('Eingabe-Tokens');
      expect(el.shadowRoot?.querySelector('[part="status"]')?.textContent).to.equal('Aktiv');
      await expect(el).to.be.accessible();
    } finally {
      await setBillingLocale('en');
    }
  });

  it('meets contrast in the dark theme', async () => {
    const { client } = memoryClient('past-due');
    const wrapper = await fixture(html`<div class="dark-page">
      <tectra-billing-provider .client=${client}><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>
    </div>`);
    const style = document.createElement('style');
    style.textContent = '.dark-page { color-scheme: dark; background: #0d0f14; }';
    document.head.appendChild(style);
    try {
      const el = wrapper.querySelector('tectra-billing-summary') as TectraBillingSummary;
      await waitForText(el, 'Starter');
      const surface = getComputedStyle(el.shadowRoot?.querySelector('[part="base"]') as Element).backgroundColor;
      expect(surface).to.equal('rgb(22, 24, 31)');
      await expect(el).to.be.accessible();
    } finally {
      style.remove();
    }
  });

  it('shows adapter strings as text, never as HTML', async () => {
    const { adapter } = memoryClient('individual-active');
    const snapshot = adapter.snapshot();
    const tier = snapshot.catalog.tiers.find((t) => t.id === 'pro');
    if (tier) {
      tier.name = '<img src=x onerror="window.__pwned=1">Pro';
      tier.features = ['<script>window.__pwned=1</script>'];
    }
    const evil = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const el = await mount(evil);
    await waitForText(el, '<img src=x');
    expect(el.shadowRoot?.querySelector('img, script')).to.not.exist;
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
