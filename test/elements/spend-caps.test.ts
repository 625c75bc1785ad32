import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/spend-caps.js';
import '../../src/define/usage-meter.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import type { TectraSpendCapChangedEvent, TectraSpendCaps } from '../../src/elements/spend-caps/spend-caps.js';
import type { TectraSpendCapReachedEvent } from '../../src/elements/usage-meter/meter-cap.js';
import type { TectraUsageMeter } from '../../src/elements/usage-meter/usage-meter.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { shadowText, textOf, waitForText, waitUntil } from '../helpers.js';

async function mount(scenario: DemoScenario = 'capped', options: MemoryAdapterOptions = {}, wrap: (a: BillingAdapter) => BillingAdapter = (a) => a) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter: wrap(adapter) });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-spend-caps></tectra-spend-caps></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-spend-caps') as TectraSpendCaps;
  await waitUntil(() => el.shadowRoot?.querySelector('[part="meter"], .muted, [role="alert"] button'), 'spend caps never rendered', { timeout: 5000 });
  return { el, adapter, client };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) as T;
const active = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
const meterBlock = (el: Element, key: string) => $(el, `#cap-${key}-save`)?.closest('[part="meter"]') ?? null;
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<tectra-spend-caps>', () => {
  afterEach(async () => {
    await setBillingLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  it('shows each limited meter with its cap in words and where it stands; accessible', async () => {
    const { el } = await mount();
    const input = textOf(meterBlock(el, 'input_tokens'));
    expect(input).to.include('Input tokens: 10M tokens in your plan');
    expect(input).to.match(/Past 10M tokens, usage costs \$3\.00 per 1M tokens, up to \$50\.00 a period\. Usage stops at 26\.7M tokens until it resets on \w+ \d+, \d{4}\./);
    expect(input).to.include('Overage this period: $2.40 of $50.00.');
    expect(textOf(meterBlock(el, 'output_tokens'))).to.match(/Usage stops now, until it resets on \w+ \d+, \d{4}\./);
    expect(textOf(meterBlock(el, 'output_tokens')), 'said once').not.to.include('Stopped by your spend cap');
    // Integrations are not sold beyond the limit: no overage to choose.
    const integrations = meterBlock(el, 'integrations');
    expect(textOf(integrations)).to.include('Usage goes on past the limit.');
    expect(integrations?.querySelector('input[value="overage"]')).to.equal(null);
    expect($<HTMLInputElement>(el, 'input[name="cap-output_tokens-mode"]:checked').value).to.equal('stop');
    await expect(el).to.be.accessible();
  });

  it('stops a meter at its limit by keyboard: saved once, announced, focus stays on Save, one event', async () => {
    const { el, adapter } = await mount();
    const changed: TectraSpendCapChangedEvent[] = [];
    el.addEventListener('tectra-spend-cap-changed', (e) => changed.push(e));
    $<HTMLInputElement>(el, 'input[name="cap-transcription_minutes-mode"]:checked').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(textOf($(el, '#cap-transcription_minutes-preview'))).to.match(/^Usage stops at 600 min until it resets on /);
    $<HTMLButtonElement>(el, '#cap-transcription_minutes-save').focus();
    await sendKeys({ press: 'Enter' });
    const status = () => textOf(meterBlock(el, 'transcription_minutes')?.querySelector('[part="status"]'));
    await waitUntil(() => status() === 'Spend cap saved for Transcription minutes.', `status says ${status()}`);
    expect(active(el)?.id).to.equal('cap-transcription_minutes-save');
    expect(changed.map((e) => e.detail)).to.deep.equal([{ meter: 'transcription_minutes', cap: { atLimit: 'stop' } }]);
    expect(adapter.snapshot().usage.meters.find((m) => m.key === 'transcription_minutes')?.spendCap).to.deep.equal({ atLimit: 'stop' });
    expect(adapter.count('setSpendCap')).to.equal(1);
  });

  it('refuses an overage ceiling it cannot take on its field, keeps what was typed, then saves one written the German way', async () => {
    await setBillingLocale('de');
    const { el, adapter } = await mount();
    $<HTMLInputElement>(el, 'input[name="cap-transcription_minutes-mode"][value="overage"]').click();
    await el.updateComplete;
    const amount = $<HTMLInputElement>(el, '#cap-transcription_minutes-amount');
    type(amount, 'viel');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#cap-transcription_minutes-save').click();
    await waitUntil(() => textOf($(el, '#cap-transcription_minutes-error')) !== '', 'no error');
    expect(amount.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => active(el) === amount, 'focus is not on the amount');
    // Less than one minute of overage.
    type(amount, '0,01');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#cap-transcription_minutes-save').click();
    await waitUntil(() => /0,02\s\$/.test(textOf($(el, '#cap-transcription_minutes-error'))), `error says ${textOf($(el, '#cap-transcription_minutes-error'))}`);
    expect(amount.value).to.equal('0,01');
    expect(adapter.count('setSpendCap')).to.equal(0);
    type(amount, '12,50');
    await el.updateComplete;
    expect(textOf($(el, '#cap-transcription_minutes-preview'))).to.include('12,50');
    $<HTMLButtonElement>(el, '#cap-transcription_minutes-save').click();
    await waitUntil(() => adapter.count('setSpendCap') === 1, 'never saved');
    await waitUntil(() => textOf(meterBlock(el, 'transcription_minutes')?.querySelector('[part="status"]')) !== '', 'nothing said');
    expect(adapter.snapshot().usage.meters.find((m) => m.key === 'transcription_minutes')?.spendCap).to.deep.equal({
      atLimit: 'overage',
      maxOverage: { amount: 1250, currency: 'USD' },
    });
    // The saved ceiling comes back as German writes it.
    expect($<HTMLInputElement>(el, '#cap-transcription_minutes-amount').value).to.equal('12,50');
  });

  it('follows a cap saved elsewhere while the form is untouched, and keeps what the owner is editing', async () => {
    const { el, adapter, client } = await mount();
    $<HTMLInputElement>(el, 'input[name="cap-integrations-mode"][value="stop"]').click();
    await el.updateComplete;
    // Another admin stops transcription minutes and lifts the stop on output tokens.
    await adapter.setSpendCap?.('transcription_minutes', { atLimit: 'stop' });
    await adapter.setSpendCap?.('output_tokens', null);
    await client.refresh('usage');
    await waitUntil(() => $<HTMLInputElement>(el, 'input[name="cap-transcription_minutes-mode"]:checked')?.value === 'stop', 'the form kept the old cap');
    expect($<HTMLInputElement>(el, 'input[name="cap-output_tokens-mode"]:checked').value).to.equal('none');
    expect($<HTMLInputElement>(el, 'input[name="cap-integrations-mode"]:checked').value, 'the edit stays').to.equal('stop');
  });

  it('says so when overage stopped being offered while the form was open, instead of saving something else', async () => {
    let priced = true;
    const { el, adapter, client } = await mount('capped', {}, (a) => ({
      ...a,
      getUsage: async (o) => {
        const usage = await a.getUsage(o);
        if (!priced) for (const meter of usage.meters) delete meter.overagePrice;
        return usage;
      },
    }));
    expect($<HTMLInputElement>(el, 'input[name="cap-input_tokens-mode"]:checked').value).to.equal('overage');
    priced = false;
    await client.refresh('usage');
    await waitUntil(() => !$(el, 'input[name="cap-input_tokens-mode"][value="overage"]'), 'overage was still offered');
    $<HTMLButtonElement>(el, '#cap-input_tokens-save').click();
    await waitForText(el, 'Overage is no longer offered for this meter. Choose No cap or Stop at the limit.');
    expect(adapter.count('setSpendCap')).to.equal(0);
    expect(adapter.snapshot().usage.meters.find((m) => m.key === 'input_tokens')?.spendCap).to.deep.include({ atLimit: 'overage' });
  });

  it('says why a save failed, keeps the choice, and removes a cap on the next try', async () => {
    const { el, adapter } = await mount('capped', { faults: { setSpendCap: { code: 'network', times: 1 } } });
    const errors: Event[] = [];
    el.addEventListener('tectra-error', (e) => errors.push(e));
    $<HTMLInputElement>(el, 'input[name="cap-output_tokens-mode"][value="none"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#cap-output_tokens-save').click();
    const alert = () => textOf(meterBlock(el, 'output_tokens')?.querySelector('[part="error"]'));
    await waitUntil(() => alert() !== '', 'no failure shown');
    expect(alert()).to.equal('The spend cap was not saved. Check your connection and try again.');
    expect(errors).to.have.length(1);
    expect($<HTMLInputElement>(el, 'input[name="cap-output_tokens-mode"]:checked').value).to.equal('none');
    $<HTMLButtonElement>(el, '#cap-output_tokens-save').click();
    await waitUntil(() => adapter.snapshot().usage.meters.find((m) => m.key === 'output_tokens')?.spendCap === undefined, 'the cap stayed');
    await waitUntil(() => alert() === '', 'the failure stayed');
  });

  it('gives each meter a heading, and says a refused cap is about the amount, not the connection', async () => {
    const { el } = await mount('capped', { faults: { setSpendCap: { code: 'invalid_request', times: 1 } } });
    expect([...(el.shadowRoot?.querySelectorAll('h3') ?? [])].map((h) => textOf(h))).to.deep.equal([
      'Input tokens: 10M tokens in your plan',
      'Output tokens: 2.5M tokens in your plan',
      'Integrations: 15 in your plan',
      'Transcription minutes: 600 min in your plan',
    ]);
    $<HTMLButtonElement>(el, '#cap-input_tokens-save').click();
    await waitUntil(() => textOf(meterBlock(el, 'input_tokens')?.querySelector('[part="error"]')) !== '', 'no failure shown');
    expect(textOf(meterBlock(el, 'input_tokens')?.querySelector('[part="error"]'))).to.equal('The spend cap was not saved. Check the amount: the billing service refused it.');
  });

  it('shows a viewer the caps without a form, and says why', async () => {
    const { el } = await mount('capped', { role: 'member', capabilities: [] });
    await waitForText(el, "Your role does not allow changing spend caps or members' limits. Ask an account owner.");
    expect(el.shadowRoot?.querySelector('form')).to.equal(null);
    expect(shadowText(el)).to.include('Overage this period: $2.40 of $50.00.');
    await expect(el).to.be.accessible();
  });

  it('says so where the backend takes no caps, and where the plan has no limits', async () => {
    const { el } = await mount('capped', {}, (a) => ({ ...a, setSpendCap: undefined }) as BillingAdapter);
    await waitForText(el, 'This billing service offers no spend caps.');
    const enterprise = await mount('enterprise');
    await waitForText(enterprise.el, 'Your plan has no limits to cap.');
  });
});

describe('<tectra-usage-meter> with spend caps', () => {
  it('shows each cap under its meter and fires tectra-spend-cap-reached once when usage reaches it', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('capped'), { pushUsage: true });
    const client = createBillingClient({ adapter });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-usage-meter></tectra-usage-meter></tectra-billing-provider>`);
    const meter = provider.querySelector('tectra-usage-meter') as TectraUsageMeter;
    const reached: TectraSpendCapReachedEvent[] = [];
    meter.addEventListener('tectra-spend-cap-reached', (e) => reached.push(e));
    await waitUntil(() => meter.shadowRoot?.querySelectorAll('[part="cap"]').length === 2, 'no cap lines');
    const lines = [...(meter.shadowRoot?.querySelectorAll('[part="cap"]') ?? [])].map((p) => textOf(p));
    expect(lines[0]).to.equal('Overage this period: $2.40 of $50.00.');
    expect(lines[1]).to.match(/^Stopped by your spend cap until /);
    // Input tokens run on to their cap: 26,666,666 tokens.
    adapter.recordUsage('input_tokens', 10_000_000);
    await waitUntil(() => textOf(meter.shadowRoot?.querySelector('[part="cap"]')) === 'Overage this period: $32.40 of $50.00.', 'the overage never moved');
    expect(reached).to.have.length(0);
    adapter.recordUsage('input_tokens', 6_000_000);
    await waitUntil(() => reached.length === 1, 'no event at the cap');
    expect(reached[0]?.detail).to.deep.equal({ meter: 'input_tokens', used: 26_800_000, cap: 26_666_666 });
    adapter.recordUsage('input_tokens', 1_000);
    await waitUntil(() => /^Stopped by your spend cap/.test(textOf(meter.shadowRoot?.querySelector('[part="cap"]'))), 'never said stopped');
    expect(reached, 'once per crossing').to.have.length(1);
    await expect(meter).to.be.accessible();
  });
});
