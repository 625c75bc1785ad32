import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/usage-alerts.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { TectraUsageAlerts } from '../../src/elements/usage-alerts/usage-alerts.js';
import { createBillingClient } from '../../src/state/client.js';
import { shadowText, textOf, waitForText, waitUntil } from '../helpers.js';

async function mount(scenario: DemoScenario = 'individual-active', options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-usage-alerts></tectra-usage-alerts></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-usage-alerts') as TectraUsageAlerts;
  await waitUntil(() => el.shadowRoot?.querySelector('fieldset, [role="alert"], .muted + .muted, .banner'), 'alerts never rendered');
  return { el, adapter, client };
}

const fieldset = (el: Element, label: string) =>
  [...(el.shadowRoot?.querySelectorAll('fieldset') ?? [])].find((f) => f.querySelector('legend')?.textContent?.includes(label)) as HTMLFieldSetElement;
const inputs = (f: Element) => [...f.querySelectorAll<HTMLInputElement>('input')];
const buttonIn = (f: Element, text: string) => [...f.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(text)) as HTMLButtonElement;
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<tectra-usage-alerts>', () => {
  it('shows each limited meter with its thresholds and which ones usage has passed', async () => {
    const { el } = await mount('past-due');
    const output = fieldset(el, 'Output tokens');
    expect(textOf(output.querySelector('legend'))).to.equal('Output tokens · 104% used');
    expect(inputs(output).map((i) => i.value)).to.deep.equal(['80', '100']);
    expect(output.querySelectorAll('[part="passed"]').length).to.equal(2);
    expect(fieldset(el, 'Integrations').querySelectorAll('[part="passed"]').length).to.equal(0);
    // "Passed" is said with its threshold and does not push that row's Remove out of line.
    const first = inputs(output)[0] as HTMLInputElement;
    const passed = output.querySelector('[part="passed"]') as HTMLElement;
    expect(first.getAttribute('aria-describedby')?.split(' ')).to.include(passed.id);
    const removeEdge = (f: Element) => Math.round(buttonIn(f, 'Remove').getBoundingClientRect().left);
    expect(removeEdge(output)).to.equal(removeEdge(fieldset(el, 'Integrations')));
    await expect(el).to.be.accessible();
  });

  it('adds, edits and removes thresholds and saves them as fractions, shown at once', async () => {
    const { el, adapter, client } = await mount('individual-active', { latencyMs: 100 });
    const f = fieldset(el, 'Input tokens');
    buttonIn(f, 'Add threshold').click();
    await el.updateComplete;
    type(inputs(f)[2] as HTMLInputElement, '50');
    await el.updateComplete;
    type(inputs(f)[1] as HTMLInputElement, '95');
    await el.updateComplete;
    buttonIn(f, 'Remove').click();
    await el.updateComplete;
    buttonIn(f, 'Save').click();
    // Optimistic: the store shows the new thresholds before the backend answers.
    await waitUntil(() => client.$usage.get().data?.meters.find((m) => m.key === 'input_tokens')?.alertThresholds?.length === 2);
    expect(client.$usage.get().data?.meters.find((m) => m.key === 'input_tokens')?.alertThresholds).to.deep.equal([0.5, 0.95]);
    await waitForText(el, 'Alerts saved.');
    expect(adapter.calls.find((c) => c.method === 'setUsageAlerts')?.args).to.deep.equal(['input_tokens', [0.5, 0.95]]);
    expect(inputs(fieldset(el, 'Input tokens')).map((i) => i.value)).to.deep.equal(['50', '95']);
  });

  it('refuses values outside 1 to 100 and duplicates, with the reason on the field', async () => {
    const { el, adapter } = await mount();
    const f = fieldset(el, 'Integrations');
    type(inputs(f)[0] as HTMLInputElement, '0');
    await el.updateComplete;
    buttonIn(f, 'Add threshold').click();
    await el.updateComplete;
    type(inputs(f)[2] as HTMLInputElement, '100');
    await el.updateComplete;
    buttonIn(f, 'Save').click();
    await el.updateComplete;
    const [first, , third] = inputs(fieldset(el, 'Integrations'));
    expect(first?.getAttribute('aria-invalid')).to.equal('true');
    expect(third?.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(fieldset(el, 'Integrations'))).to.contain('Enter a percentage from 1 to 100.').and.contain('This threshold is already set.');
    expect(el.shadowRoot?.activeElement === first).to.equal(true);
    expect(adapter.count('setUsageAlerts')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('rolls back and says so when saving fails, keeping what was typed', async () => {
    const { el, client } = await mount('individual-active', { faults: { setUsageAlerts: 'server' } });
    const f = fieldset(el, 'Output tokens');
    type(inputs(f)[0] as HTMLInputElement, '70');
    await el.updateComplete;
    buttonIn(f, 'Save').click();
    await waitForText(el, 'Your alerts were not saved.');
    expect(client.$usage.get().data?.meters.find((m) => m.key === 'output_tokens')?.alertThresholds).to.deep.equal([0.8, 1]);
    expect(inputs(fieldset(el, 'Output tokens'))[0]?.value).to.equal('70');
    await expect(el).to.be.accessible();
  });

  it('shows the loading, empty and error states', async () => {
    const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot('team'), { faults: { getUsage: 'hang' } }) });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-usage-alerts></tectra-usage-alerts></tectra-billing-provider>`);
    const loading = provider.querySelector('tectra-usage-alerts') as TectraUsageAlerts;
    await loading.updateComplete;
    expect(shadowText(loading)).to.contain('Loading usage…');
    await expect(loading).to.be.accessible();
    const { el } = await mount('enterprise');
    expect(shadowText(el)).to.contain('There are no limited meters to alert on.');
    await expect(el).to.be.accessible();
    const failed = await mount('individual-active', { faults: { getUsage: 'server' } });
    await waitForText(failed.el, 'We could not load your usage.');
    await expect(failed.el).to.be.accessible();
  });
});
