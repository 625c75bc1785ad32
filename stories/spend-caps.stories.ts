import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/spend-caps.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import type { BillingAdapter } from '../src/adapters/types.js';
import { createBillingClient } from '../src/state/client.js';
import { inElement } from './in-element.js';

interface Args {
  scenario: DemoScenario;
  faults?: MemoryAdapterOptions['faults'];
  /** A member whose role may not change caps. */
  member?: boolean;
  /** A backend that takes no caps. */
  unsupported?: boolean;
}

function render({ scenario, faults, member, unsupported }: Args) {
  const memory = createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 200, ...(faults ? { faults } : {}), ...(member ? { role: 'member', capabilities: [] } : {}) });
  let adapter: BillingAdapter = memory;
  if (unsupported) {
    const { setSpendCap: _s, ...rest } = memory;
    adapter = rest;
  }
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}><tectra-spend-caps></tectra-spend-caps></tectra-billing-provider>`;
}


const meta: Meta<Args> = {
  title: 'Elements/Spend caps',
  component: 'tectra-spend-caps',
  render,
  args: { scenario: 'capped' },
};
export default meta;
type Story = StoryObj<Args>;

/** Input tokens run on as overage up to $50.00; output tokens stopped at the limit. */
export const Capped: Story = {};
/** No meter capped yet. */
export const NoCaps: Story = { args: { scenario: 'individual-active' } };
/** Overage chosen with a ceiling below one block: the field says why. */
export const AmountRefused: Story = {
  play: async ({ canvasElement }) => {
    await inElement(canvasElement, 'tectra-spend-caps', 'input[name="cap-transcription_minutes-mode"][value="overage"]', (radio) => radio.click());
    await inElement(canvasElement, 'tectra-spend-caps', '#cap-transcription_minutes-amount', (input) => {
      (input as HTMLInputElement).value = '0.01';
      input.dispatchEvent(new Event('input'));
    });
    await inElement(canvasElement, 'tectra-spend-caps', '#cap-transcription_minutes-save', (button) => button.click());
  },
};
/** Saving failed: said under Save, the choice kept. */
export const SaveFailed: Story = {
  args: { faults: { setSpendCap: { code: 'network' } } },
  play: async ({ canvasElement }) => {
    await inElement(canvasElement, 'tectra-spend-caps', 'input[name="cap-output_tokens-mode"][value="none"]', (radio) => radio.click());
    await inElement(canvasElement, 'tectra-spend-caps', '#cap-output_tokens-save', (button) => button.click());
  },
};
export const Member: Story = { args: { member: true } };
export const NoLimits: Story = { args: { scenario: 'enterprise' } };
export const Loading: Story = { args: { faults: { getUsage: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { getUsage: { code: 'server', times: 1 } } } };
export const Unsupported: Story = { args: { unsupported: true } };
export const German: Story = { globals: { locale: 'de' } };
export const Arabic: Story = { globals: { locale: 'ar' } };
export const Dark: Story = { globals: { theme: 'dark' } };
