import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-portal.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario } from '../src/adapters/memory/index.js';
import type { PortalSection } from '../src/elements/billing-portal/billing-portal.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  section: PortalSection;
}

const meta: Meta<Args> = {
  title: 'Pages/Billing portal',
  component: 'tectra-billing-portal',
  render: ({ scenario, section }) => {
    const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 150 }) });
    return html`<tectra-billing-provider .client=${client}><tectra-billing-portal section=${section}></tectra-billing-portal></tectra-billing-provider>`;
  },
  args: { scenario: 'individual-active', section: 'overview' },
  argTypes: { section: { control: 'select', options: ['overview', 'usage', 'plan', 'payment', 'details', 'invoices'] } },
};
export default meta;
type Story = StoryObj<Args>;

export const Overview: Story = {};
export const Usage: Story = { args: { section: 'usage' } };
export const ChangeTier: Story = { args: { section: 'plan' } };
export const FirstActivation: Story = { args: { scenario: 'new', section: 'plan' } };
export const PaymentMethods: Story = { args: { section: 'payment' } };
export const BillingDetails: Story = { args: { section: 'details' } };
export const BillingHistory: Story = { args: { section: 'invoices' } };
export const PastDue: Story = { args: { scenario: 'past-due' } };
export const Team: Story = { args: { scenario: 'team' } };
export const German: Story = { globals: { locale: 'de' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
