import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/upgrade-prompt.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  meter?: string;
  feature?: string;
  faults?: MemoryAdapterOptions['faults'];
}

const meta: Meta<Args> = {
  title: 'Elements/Upgrade prompt',
  component: 'tectra-upgrade-prompt',
  render: ({ scenario, meter, feature, faults }) => {
    const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 150, ...(faults ? { faults } : {}) }) });
    return html`<tectra-billing-provider .client=${client}>
      <tectra-upgrade-prompt meter=${meter ?? ''} feature=${feature ?? ''}></tectra-upgrade-prompt>
    </tectra-billing-provider>`;
  },
  args: { scenario: 'individual-active', meter: 'output_tokens' },
};
export default meta;
type Story = StoryObj<Args>;

/** Output tokens at 84 % of the plan: the smallest tier with more. */
export const NearLimit: Story = {};
export const OverLimit: Story = { args: { scenario: 'past-due' } };
export const MissingFeature: Story = { args: { scenario: 'past-due', meter: undefined, feature: 'Premium models' } };
/** No plan yet: the tier is chosen for the checkout. */
export const NoPlan: Story = { args: { scenario: 'new', meter: undefined, feature: 'Premium models' } };
/** Only the contract tier has it: a link to sales. */
export const ContactSales: Story = { args: { scenario: 'team', meter: undefined, feature: 'Dedicated success manager' } };
/** Within the limit: nothing to say, nothing shown. */
export const NotNeeded: Story = { args: { meter: 'input_tokens' } };
/** Upgrade pressed: the quote to confirm, in place. */
export const Quoted: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('tectra-upgrade-prompt');
    for (let i = 0; i < 400 && !el?.shadowRoot?.querySelector('#up-start'); i++) await new Promise((r) => setTimeout(r, 50));
    el?.shadowRoot?.querySelector<HTMLElement>('#up-start')?.click();
  },
};
export const German: Story = { globals: { locale: 'de' } };
export const Arabic: Story = { globals: { locale: 'ar' } };
export const Dark: Story = { globals: { theme: 'dark' } };
