import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/credits.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingSnapshot } from '../../src/adapters/memory/snapshot.js';
import type { TectraCredits, TectraCreditsPurchasedEvent } from '../../src/elements/credits/credits.js';
import type { TectraErrorEvent } from '../../src/events.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { shadowText, textOf, waitForText, waitUntil } from '../helpers.js';

async function mount(scenario: DemoScenario = 'prepaid', options: MemoryAdapterOptions = {}, change: (s: BillingSnapshot) => void = () => undefined) {
  const snapshot = demoSnapshot(scenario);
  change(snapshot);
  const adapter = createMemoryAdapter(snapshot, options);
  const client = createBillingClient({ adapter });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-credits></tectra-credits></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-credits') as TectraCredits;
  await waitUntil(() => el.shadowRoot?.querySelector('#credit-balance, [role="alert"] button, .muted'), 'credits never rendered', { timeout: 5000 });
  return { el, adapter, client };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) as T;
const active = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
const liveStatus = (el: Element) => textOf($(el, '[part="status"]'));
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<tectra-credits>', () => {
  afterEach(async () => {
    await setBillingLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the balance, what it pays for, when part of it expires, what happens at zero, and the ledger by month; accessible', async () => {
    const { el } = await mount();
    await waitForText(el, 'Credit history');
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'no ledger');
    const text = shadowText(el);
    expect(textOf($(el, '#credit-balance'))).to.equal('Balance $15.20');
    expect(text).to.include("Pays for Input tokens and Output tokens beyond your plan's allowance.");
    expect(text).to.include('$5.80 of it expires on');
    expect(text).to.include('At zero, usage beyond your plan stops until you add credit.');
    // In units of what it pays for, at the plan's overage prices ($3 and $15 per 1M tokens).
    await waitUntil(() => $(el, '[part="balance-units"]'), 'the balance in units never showed');
    expect(shadowText(el)).to.include("At your plan's overage prices, the balance pays for about one of these:");
    const units = [...$(el, '[part="balance-units"]').querySelectorAll('dt, dd')].map((n) => textOf(n));
    expect(units).to.deep.equal(['Input tokens', '5.1M', 'Output tokens', '1M']);
    const rows = [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => textOf(td)));
    expect(rows[0]).to.deep.equal(['Output tokens · 80K', '-$1.20', '$15.20']);
    expect(rows.at(-1)).to.deep.equal(['Welcome credit', '+$10.00', '$10.00']);
    expect(el.shadowRoot?.querySelectorAll('caption').length, 'a month per period').to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('buys a pack by keyboard: announced, focus on the balance, one event, the ledger shows it', async () => {
    const { el, adapter } = await mount();
    const purchased: TectraCreditsPurchasedEvent[] = [];
    el.addEventListener('tectra-credits-purchased', (e) => purchased.push(e));
    $<HTMLInputElement>(el, 'input[name="credit-choice"]').focus();
    // Arrow keys move between the packs as in any radio group; the third is $55 for $50.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(($(el, 'input[name="credit-choice"]:checked') as HTMLInputElement).value).to.equal('credit_50');
    $<HTMLButtonElement>(el, '#credit-buy').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => liveStatus(el) === '$55.00 of credit added. $50.00 charged to Visa ending in 4242.', `status says ${liveStatus(el)}`);
    await waitUntil(() => active(el)?.id === 'credit-balance', 'focus never reached the balance');
    expect(textOf($(el, '#credit-balance'))).to.equal('Balance $70.20');
    expect(purchased).to.have.length(1);
    expect(purchased[0]?.detail.charged).to.deep.equal({ amount: 5000, currency: 'USD' });
    await waitUntil(() => textOf(el.shadowRoot?.querySelector('tbody tr td:nth-child(2)')) === 'Credit bought', 'the ledger never showed the purchase');
    expect(adapter.count('purchaseCredits')).to.equal(1);
  });

  it('pays with another card on file when one is chosen, and says which card was charged', async () => {
    const { el, adapter } = await mount('prepaid', {}, (s) => {
      s.paymentMethods.push({ id: 'pm_mc', type: 'card', brand: 'mastercard', last4: '4444', expMonth: 3, expYear: new Date().getUTCFullYear() + 2, isDefault: false });
      // An expired card cannot pay: it is not offered.
      s.paymentMethods.push({ id: 'pm_old', type: 'card', brand: 'visa', last4: '0341', expMonth: 1, expYear: 2020, isDefault: false });
    });
    await waitUntil(() => $(el, '#credit-card-choice'), 'no choice of card');
    const select = $<HTMLSelectElement>(el, '#credit-card-choice');
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal(['Visa ending in 4242 (default)', 'Mastercard ending in 4444']);
    expect(textOf(el.shadowRoot?.querySelector('label[for="credit-card-choice"]'))).to.equal('Pay with');
    select.value = 'pm_mc';
    select.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, 'input[name="credit-choice"][value="credit_10"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#credit-buy').click();
    await waitUntil(() => liveStatus(el) === '$10.00 of credit added. $10.00 charged to Mastercard ending in 4444.', `status says ${liveStatus(el)}`);
    const call = adapter.calls.find((c) => c.method === 'purchaseCredits');
    expect((call?.args[0] as { paymentMethodId?: string }).paymentMethodId).to.equal('pm_mc');
    expect($<HTMLSelectElement>(el, '#credit-card-choice').value, 'the choice stays for the next purchase').to.equal('pm_mc');
    await expect(el).to.be.accessible();
  });

  it('refuses an amount outside the bounds on its field, keeps it, and buys a valid one with a coupon', async () => {
    const { el, adapter } = await mount();
    $<HTMLInputElement>(el, 'input[value="custom"]').click();
    await el.updateComplete;
    type($(el, '#credit-amount'), '2');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#credit-buy').click();
    await waitUntil(() => active(el)?.id === 'credit-amount', 'focus never reached the amount');
    expect($(el, '#credit-amount').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(el, '#credit-amount-error'))).to.equal('Enter an amount from $5.00 to $500.00.');
    expect($<HTMLInputElement>(el, '#credit-amount').value).to.equal('2');
    expect(adapter.count('purchaseCredits')).to.equal(0);
    await expect(el).to.be.accessible();
    type($(el, '#credit-amount'), '20');
    type($(el, '#credit-coupon'), 'launch50');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#credit-buy').click();
    await waitUntil(() => liveStatus(el) === '$20.00 of credit added. $10.00 charged to Visa ending in 4242.', `status says ${liveStatus(el)}`);
  });

  it('keeps the choice when a purchase fails, says so once, names a bad coupon on its field', async () => {
    const { el } = await mount('prepaid', { faults: { purchaseCredits: { code: 'network', times: 1 } } });
    const errors: TectraErrorEvent[] = [];
    el.addEventListener('tectra-error', (e) => errors.push(e));
    $<HTMLInputElement>(el, 'input[value="credit_10"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#credit-buy').click();
    await waitForText(el, 'No credit was added.');
    expect(textOf($(el, '[part="error"]'))).to.match(/^No credit was added\. /);
    expect(errors.map((e) => e.detail.operation)).to.deep.equal(['purchase-credits']);
    expect($<HTMLInputElement>(el, 'input[value="credit_10"]').checked).to.equal(true);
    await waitUntil(() => active(el)?.id === 'credit-buy', 'focus never came back to Buy credit');
    type($(el, '#credit-coupon'), 'NOPE');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#credit-buy').click();
    await waitUntil(() => textOf($(el, '#credit-coupon-error')) === 'This code is not valid for credit.', 'no coupon error');
    await waitUntil(() => active(el)?.id === 'credit-coupon');
  });

  it('validates auto-recharge (the amount above the threshold), saves it, and says what it will do', async () => {
    const { el, adapter } = await mount();
    $<HTMLInputElement>(el, '#recharge-enabled').click();
    type($(el, '#recharge-threshold'), '10');
    type($(el, '#recharge-amount'), '5');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#recharge-save').click();
    await waitUntil(() => active(el)?.id === 'recharge-amount', 'focus never reached the amount');
    expect(textOf($(el, '#recharge-amount-error'))).to.equal('Add more than the balance it recharges below.');
    expect(adapter.count('setAutoRecharge')).to.equal(0);
    type($(el, '#recharge-amount'), '25');
    type($(el, '#recharge-monthlyLimit'), '100');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#recharge-save').click();
    await waitUntil(() => liveStatus(el) === 'Auto-recharge is on: when the balance falls below $10.00, $25.00 is added.').catch(() => {
      throw new Error(`status says "${liveStatus(el)}", error says "${textOf($(el, '[part="error"]'))}", calls ${adapter.count('setAutoRecharge')}, errors ${[...(el.shadowRoot?.querySelectorAll('.field-error') ?? [])].map((e) => textOf(e)).join('|')}, values ${[...(el.shadowRoot?.querySelectorAll('input') ?? [])].map((e) => e.id + '=' + e.value).join(',')}`);
    });
    expect(adapter.snapshot().credits?.autoRecharge).to.deep.include({ enabled: true, threshold: { amount: 1000, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' }, monthlyLimit: { amount: 10000, currency: 'USD' } });
  });

  it('reads back the amounts it shows in German (a decimal comma): saving what it shows changes nothing', async () => {
    await setBillingLocale('de');
    const { el, adapter } = await mount();
    expect($<HTMLInputElement>(el, '#recharge-threshold').value).to.equal('5,00');
    $<HTMLInputElement>(el, '#recharge-enabled').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#recharge-save').click();
    await waitUntil(() => adapter.count('setAutoRecharge') === 1 && liveStatus(el), 'never saved');
    expect(adapter.snapshot().credits?.autoRecharge).to.deep.include({ enabled: true, threshold: { amount: 500, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' } });
    expect(adapter.snapshot().credits?.balance.amount, 'the balance is above 5 $: nothing is charged').to.equal(1520);
    expect($<HTMLInputElement>(el, '#recharge-threshold').value).to.equal('5,00');
  });

  it('says when saving auto-recharge recharged at once (the balance was below the threshold)', async () => {
    const { el } = await mount();
    $<HTMLInputElement>(el, '#recharge-enabled').click();
    type($(el, '#recharge-threshold'), '20');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#recharge-save').click();
    await waitUntil(() => liveStatus(el).endsWith('The balance was below it, so $25.00 was added now.'), `status says ${liveStatus(el)}`);
    await waitUntil(() => textOf(el.shadowRoot?.querySelector('tbody tr td:nth-child(2)')) === 'Auto-recharge', 'the ledger never showed the recharge');
  });

  it('turns auto-recharge off whatever is typed in its amounts: what was saved stays', async () => {
    const { el, adapter } = await mount('auto-recharge');
    type($(el, '#recharge-threshold'), 'lots');
    $<HTMLInputElement>(el, '#recharge-enabled').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#recharge-save').click();
    await waitUntil(() => liveStatus(el) === 'Auto-recharge is off.', `status says "${liveStatus(el)}"`);
    expect(adapter.snapshot().credits?.autoRecharge).to.deep.include({ enabled: false, threshold: { amount: 1000, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' } });
    expect(el.shadowRoot?.querySelector('[aria-invalid="true"]'), 'no field is flagged').to.equal(null);
  });

  it('says plainly that the last auto-recharge needs 3-D Secure', async () => {
    const { el } = await mount('auto-recharge');
    await waitForText(el, 'did not go through');
    expect(textOf($(el, '[part="recharge-failure"]'))).to.match(/^The auto-recharge of \$25\.00 on .+ did not go through: your bank asks you to confirm payments \(3-D Secure\)\. Buy credit below to confirm a payment\.$/);
    // Its recharges this month count towards the monthly limit (none yet this month: the last was in another).
    expect(shadowText(el)).to.include('Charged to your default card, at most once every 60 minutes.');
  });

  it('fits 360 px and reads right to left in Arabic, with amounts in Arabic', async () => {
    await setViewport({ width: 360, height: 800 });
    await setBillingLocale('ar');
    const { el } = await mount();
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'no ledger');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(el.scrollWidth, 'nothing sticks out at 360 px').to.be.at.most(el.clientWidth + 1);
    expect(textOf($(el, '#credit-balance'))).to.match(/^الرصيد .*15\.20/);
    await expect(el).to.be.accessible();
  });

  it('says so when the account has no credit, or the backend sells none', async () => {
    const { el } = await mount('team');
    await waitForText(el, 'Your account has no prepaid credit.');
    const adapter = createMemoryAdapter(demoSnapshot('prepaid'));
    const { getCredits: _g, listCreditEntries: _l, purchaseCredits: _p, setAutoRecharge: _s, ...rest } = adapter;
    const client = createBillingClient({ adapter: rest });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-credits></tectra-credits></tectra-billing-provider>`);
    const other = provider.querySelector('tectra-credits') as TectraCredits;
    await waitForText(other, 'This billing service sells no credit.');
  });

  it('loads again after a failed load with Retry, and reports the failure once', async () => {
    const errors: string[] = [];
    const listener = (e: Event) => void errors.push((e as TectraErrorEvent).detail.operation);
    document.addEventListener('tectra-error', listener);
    const { el } = await mount('prepaid', { faults: { getCredits: { code: 'server', times: 1 } } });
    await waitForText(el, 'We could not load your credit.');
    document.removeEventListener('tectra-error', listener);
    expect(errors).to.deep.equal(['load-credits']);
    [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => textOf(b) === 'Retry')?.click();
    await waitUntil(() => textOf($(el, '#credit-balance')) === 'Balance $15.20', 'never loaded again');
  });
});
