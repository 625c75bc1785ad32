import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/member-usage.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import type { TectraMemberLimitChangedEvent, TectraMemberUsage } from '../../src/elements/member-usage/member-usage.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { textOf, waitForText, waitUntil } from '../helpers.js';

async function mount(scenario: DemoScenario = 'team-with-members', options: MemoryAdapterOptions = {}, wrap: (a: BillingAdapter) => BillingAdapter = (a) => a) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  const client = createBillingClient({ adapter: wrap(adapter) });
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-member-usage></tectra-member-usage></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-member-usage') as TectraMemberUsage;
  await waitUntil(() => el.shadowRoot?.querySelector('table, .muted, [role="alert"] button'), 'member usage never rendered', { timeout: 5000 });
  return { el, adapter };
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<T>(selector) as T;
const active = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
const names = (el: Element) => [...(el.shadowRoot?.querySelectorAll('tbody .name') ?? [])].map((n) => textOf(n));
const rowOf = (el: Element, name: string) => [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].find((r) => textOf(r.querySelector('.name')) === name);
const status = (el: Element) => textOf($(el, '[part="status"]'));
const order = (el: Element) => textOf($(el, '#members-order'));
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('<tectra-member-usage>', () => {
  afterEach(() => setBillingLocale('en'));

  it('shows who used how much of the first pooled meter, most first, with their share; accessible', async () => {
    const { el } = await mount();
    expect(textOf($(el, 'caption'))).to.equal('Use of Input tokens by member, this period');
    expect(names(el)).to.deep.equal(['Amara Okafor', 'Ben Carter', 'Chen Wei', 'Diego Alvarez', 'Eva Novak']);
    const cells = [...(rowOf(el, 'Amara Okafor')?.querySelectorAll('td') ?? [])];
    expect(cells.map((td) => textOf(td))).to.deep.equal(['10.3M tokens 52%', '52%', 'None']);
    // Wide, the share has its own column; the one under the amount shows only when narrow.
    expect(getComputedStyle(cells[0]!.querySelector('.share-inline')!).display).to.equal('none');
    expect($(el, 'th[aria-sort="descending"] [data-sort="used"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('sorts by member and by use from the keyboard, says the order, and marks the column', async () => {
    const { el, adapter } = await mount();
    // Give Eva the most input tokens, so the orders differ.
    adapter.recordUsage('input_tokens', 20_000_000, 'member_5');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[data-sort="name"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => order(el) === 'Sorted by member, A to Z.', `order says ${order(el)}`);
    expect($(el, '[data-sort="name"]').closest('th')?.getAttribute('aria-sort')).to.equal('ascending');
    expect($(el, '[data-sort="used"]').closest('th')?.getAttribute('aria-sort')).to.equal('none');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => order(el) === 'Sorted by member, Z to A.', `order says ${order(el)}`);
    expect(names(el)[0]).to.equal('Eva Novak');
    expect(active(el)?.getAttribute('data-sort'), 'focus stays on the header').to.equal('name');
    $<HTMLButtonElement>(el, '[data-sort="used"]').click();
    await waitUntil(() => order(el) === 'Sorted by use of Input tokens, highest first.', `order says ${order(el)}`);
  });

  it('sets, refuses, and removes a member’s own limit on another meter; one event per save; the backend keeps it', async () => {
    const { el, adapter } = await mount();
    const changed: TectraMemberLimitChangedEvent[] = [];
    el.addEventListener('tectra-member-limit-changed', (e) => changed.push(e));
    // The member chosen stays when the meter changes.
    choose($(el, '#member-choice'), 'member_2');
    await el.updateComplete;
    choose($(el, '#member-meter'), 'output_tokens');
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#member-choice').value).to.equal('member_2');
    expect($<HTMLInputElement>(el, '#member-limit').value, 'with their limit on this meter').to.equal('3,000,000');
    expect(textOf(rowOf(el, 'Ben Carter')?.querySelector('td:last-child'))).to.equal('3M tokens');
    expect(textOf(rowOf(el, 'Chen Wei')?.querySelector('td:last-child'))).to.equal('None');
    choose($(el, '#member-choice'), 'member_3');
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#member-limit');
    type(input, 'lots');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => textOf($(el, '#member-limit-error')) === 'Enter a number, like 2,000,000, or leave it empty for no limit.', 'no error');
    await waitUntil(() => active(el) === input, 'focus is not on the limit');
    expect(adapter.count('setMemberLimit')).to.equal(0);
    type(input, '1,000,000');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => status(el) === "Chen Wei's limit on Output tokens is now 1M tokens.", `status says ${status(el)}`);
    expect(adapter.snapshot().members?.find((m) => m.id === 'member_3')?.limits).to.deep.equal({ output_tokens: 1_000_000 });
    await waitUntil(() => textOf(rowOf(el, 'Chen Wei')?.querySelector('td:last-child')) === '1M tokens', 'the table never showed it');
    // Diego at exactly his new limit is marked.
    choose($(el, '#member-choice'), 'member_4');
    await el.updateComplete;
    const diego = adapter.snapshot().members?.find((m) => m.id === 'member_4')?.used.output_tokens ?? 0;
    type($(el, '#member-limit'), String(diego));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => textOf(rowOf(el, 'Diego Alvarez')?.querySelector('[part="badge"]')) === 'At their limit', 'no badge');
    // Emptied, the limit goes.
    choose($(el, '#member-choice'), 'member_3');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#member-limit').value, 'the saved limit as the language writes it').to.equal('1,000,000');
    type($(el, '#member-limit'), '');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => status(el) === 'Chen Wei no longer has a limit of their own on Output tokens.', `status says ${status(el)}`);
    expect(adapter.snapshot().members?.find((m) => m.id === 'member_3')?.limits).to.deep.equal({});
    expect(changed.map((e) => e.detail)).to.deep.equal([
      { memberId: 'member_3', meter: 'output_tokens', limit: 1_000_000 },
      { memberId: 'member_4', meter: 'output_tokens', limit: diego },
      { memberId: 'member_3', meter: 'output_tokens', limit: null },
    ]);
  });

  it('reads a limit written the German way', async () => {
    await setBillingLocale('de');
    const { el, adapter } = await mount();
    choose($(el, '#member-choice'), 'member_2');
    await el.updateComplete;
    type($(el, '#member-limit'), '2.500.000');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => adapter.snapshot().members?.find((m) => m.id === 'member_2')?.limits?.input_tokens !== undefined, 'never saved');
    expect(adapter.snapshot().members?.find((m) => m.id === 'member_2')?.limits).to.deep.equal({ output_tokens: 3_000_000, input_tokens: 2_500_000 });
    expect(adapter.count('setMemberLimit')).to.equal(1);
  });

  it('says why saving failed and keeps what was typed', async () => {
    const { el } = await mount('team-with-members', { faults: { setMemberLimit: { code: 'network', times: 1 } } });
    type($(el, '#member-limit'), '5000');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => textOf($(el, '[part="error"]')) === 'The limit was not saved. Check your connection and try again.', 'no failure');
    expect($<HTMLInputElement>(el, '#member-limit').value).to.equal('5000');
  });

  it('says a refused limit is about the number, not the connection', async () => {
    const { el } = await mount('team-with-members', { faults: { setMemberLimit: { code: 'invalid_request', times: 1 } } });
    type($(el, '#member-limit'), '5000');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#member-limit-save').click();
    await waitUntil(() => textOf($(el, '[part="error"]')) === 'The limit was not saved. Check the number: the billing service refused it.', `error says ${textOf($(el, '[part="error"]'))}`);
  });

  it('shows a member the table without the form, and says why', async () => {
    const { el } = await mount('team-with-members', { role: 'member', capabilities: [] });
    await waitForText(el, "Your role does not allow changing spend caps or members' limits. Ask an account owner.");
    expect(el.shadowRoot?.querySelector('form')).to.equal(null);
    expect(names(el)).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('says so without members, without the backend method, and after a failed load (Retry works)', async () => {
    const empty = await mount('team');
    await waitForText(empty.el, 'No usage by member yet this period.');
    const unsupported = await mount('team-with-members', {}, (a) => ({ ...a, getMemberUsage: undefined }) as BillingAdapter);
    await waitForText(unsupported.el, 'This billing service does not report usage by member.');
    const failing = await mount('team-with-members', { faults: { getMemberUsage: { code: 'server', times: 1 } } });
    await waitForText(failing.el, 'We could not load usage by member. Please try again in a moment.');
    $<HTMLButtonElement>(failing.el, '[role="alert"] button').click();
    await waitUntil(() => names(failing.el).length === 5, 'Retry never loaded the members');
  });
});
