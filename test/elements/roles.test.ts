/**
 * Roles: a member whose backend grants nothing sees every amount and setting, but no control
 * that changes them, and is told why in each place; an owner sees the controls.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/billing-details.js';
import '../../src/define/credits.js';
import '../../src/define/usage-alerts.js';
import '../../src/define/tier-picker.js';
import '../../src/define/payment-methods.js';
import '../../src/define/payment-form.js';
import { createMemoryAdapter, demoSnapshot, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { createBillingClient } from '../../src/state/client.js';
import { shadowText, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

async function page(options: MemoryAdapterOptions) {
  const adapter = createMemoryAdapter(demoSnapshot('prepaid'), options);
  const client = createBillingClient({ adapter });
  const root = await fixture(html`<tectra-billing-provider .client=${client}>
    <tectra-billing-summary></tectra-billing-summary>
    <tectra-usage-alerts></tectra-usage-alerts>
    <tectra-credits></tectra-credits>
    <tectra-billing-details></tectra-billing-details>
    <tectra-payment-methods></tectra-payment-methods>
  </tectra-billing-provider>`);
  const get = (tag: string) => root.querySelector(tag) as HTMLElement;
  return { adapter, summary: get('tectra-billing-summary'), alerts: get('tectra-usage-alerts'), credits: get('tectra-credits'), details: get('tectra-billing-details'), cards: get('tectra-payment-methods') };
}

describe('roles and capabilities', () => {
  it('shows a member everything, changes nothing, and says why in each place', async () => {
    const { adapter, summary, alerts, credits, details, cards } = await page({ capabilities: [], role: 'member' });
    await waitForText(cards, 'Your role does not allow managing cards. Ask an account owner.');
    expect(cards.shadowRoot?.querySelector('#add-card, [data-remove]'), 'no Add a card or Remove').to.equal(null);
    expect(shadowText(cards)).to.include('Visa ending in 4242').and.not.include('Make default');
    await expect(cards).to.be.accessible();
    await waitForText(credits, 'Your role does not allow buying credit or changing auto-recharge. Ask an account owner.');
    expect(credits.shadowRoot?.querySelector('#credit-buy, #recharge-save')).to.equal(null);
    expect(shadowText(credits)).to.include('Balance $15.20');
    await waitForText(details, 'Your role does not allow changing billing details. Ask an account owner.');
    expect(details.shadowRoot?.querySelector('#d-edit, #tax-value')).to.equal(null);
    await waitForText(alerts, 'Your role does not allow changing alerts. Ask an account owner.');
    expect(alerts.shadowRoot?.querySelector('input, [data-add]')).to.equal(null);
    expect(shadowText(alerts)).to.include('80%');
    await waitForText(summary, 'Your role does not allow cancelling or resuming the plan. Ask an account owner.');
    expect(summary.shadowRoot?.querySelector('[part="cancel-button"]')).to.equal(null);
    await expect(credits).to.be.accessible();
    // The simulator refuses as a server would, whatever the page shows.
    await adapter.setUsageAlerts('input_tokens', [0.5]).then(
      () => expect.fail('a member saved alerts'),
      (error: { code: string }) => expect(error.code).to.equal('forbidden'),
    );
  });

  it('tells a member of a past-due account who may pay, instead of offering Pay now', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('past-due'), { capabilities: ['cancel'], role: 'member' });
    const root = await fixture(html`<tectra-billing-provider .client=${createBillingClient({ adapter })}><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>`);
    const summary = root.querySelector('tectra-billing-summary') as HTMLElement;
    await waitForText(summary, 'Your payment of $19.00 failed.');
    await waitForText(summary, 'Your role does not allow paying invoices. Ask an account owner.');
    expect(shadowText(summary)).to.not.include('Pay $19.00 now');
    // Cancelling is granted: Cancel plan is there.
    expect(summary.shadowRoot?.querySelector('[part="cancel-button"]')).to.not.equal(null);
  });

  it('shows a member the tiers with their actions unavailable, and why', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('individual-active'), { capabilities: [], role: 'member' });
    const root = await fixture(html`<tectra-billing-provider .client=${createBillingClient({ adapter })}><tectra-tier-picker></tectra-tier-picker></tectra-billing-provider>`);
    const picker = root.querySelector('tectra-tier-picker') as HTMLElement;
    await waitForText(picker, 'Your role does not allow changing the plan. Ask an account owner.');
    const actions = [...(picker.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="tier-action"]') ?? [])];
    expect(actions.length).to.be.greaterThan(2);
    expect(actions.every((b) => b.disabled), 'every action is unavailable').to.equal(true);
    expect(picker.shadowRoot?.querySelector('[part="cancel-button"]')).to.equal(null);
    await expect(picker).to.be.accessible();
  });

  it('shows a member the cards with no way to add, change or remove one, and why', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('team'), { capabilities: ['cancel'], role: 'member' });
    const root = await fixture(html`<tectra-billing-provider .client=${createBillingClient({ adapter })}><tectra-payment-methods></tectra-payment-methods></tectra-billing-provider>`);
    const cards = root.querySelector('tectra-payment-methods') as HTMLElement;
    await waitForText(cards, 'Your role does not allow managing cards. Ask an account owner.');
    expect(cards.shadowRoot?.querySelectorAll('[part="method"]').length, 'both cards are listed').to.equal(2);
    expect(cards.shadowRoot?.querySelectorAll('button').length, 'no button at all').to.equal(0);
  });

  it('shows a member of an account without a plan what was chosen, and no card form to pay with', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('new'), { capabilities: [], role: 'member' });
    const client = createBillingClient({ adapter });
    const root = await fixture(html`<tectra-billing-provider .client=${client}><tectra-payment-form tier="pro"></tectra-payment-form></tectra-billing-provider>`);
    const form = root.querySelector('tectra-payment-form') as HTMLElement;
    await waitForText(form, 'Your role does not allow changing the plan. Ask an account owner.');
    expect(shadowText(form)).to.include('Pro, Monthly');
    expect(form.shadowRoot?.querySelector('[part="submit"], form')).to.equal(null);
    await expect(form).to.be.accessible();
    expect(adapter.count('activate')).to.equal(0);
  });

  it('offers an owner every control', async () => {
    const { summary, alerts, credits, details, cards } = await page({});
    await waitUntil(() => cards.shadowRoot?.querySelector('#add-card'), 'no Add a card');
    await waitUntil(() => credits.shadowRoot?.querySelector('#credit-buy'), 'no Buy credit');
    await waitUntil(() => details.shadowRoot?.querySelector('#d-edit'), 'no Edit');
    await waitUntil(() => alerts.shadowRoot?.querySelector('[data-add]'), 'no Add threshold');
    await waitUntil(() => summary.shadowRoot?.querySelector('[part="cancel-button"]'), 'no Cancel plan');
    expect(shadowText(credits)).to.not.include('Your role');
  });
});
