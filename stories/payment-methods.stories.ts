import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/payment-methods.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  faults?: MemoryAdapterOptions['faults'];
  expiringSoon?: boolean;
  /** The viewer is a member whose role grants nothing. */
  member?: boolean;
}

function render({ scenario, faults, expiringSoon, member }: Args) {
  const snapshot = demoSnapshot(scenario);
  if (expiringSoon && snapshot.paymentMethods[0]) {
    const now = new Date();
    snapshot.paymentMethods[0].expMonth = now.getUTCMonth() + 1;
    snapshot.paymentMethods[0].expYear = now.getUTCFullYear();
  }
  const client = createBillingClient({ adapter: createMemoryAdapter(snapshot, { latencyMs: 200, ...(faults ? { faults } : {}), ...(member ? { role: 'member', capabilities: [] } : {}) }) });
  return html`<tectra-billing-provider .client=${client}><tectra-payment-methods></tectra-payment-methods></tectra-billing-provider>`;
}

async function clickFirst(canvas: HTMLElement, selector: string): Promise<void> {
  const el = canvas.querySelector('tectra-payment-methods');
  for (let i = 0; i < 400 && !el?.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
  el?.shadowRoot?.querySelector<HTMLElement>(selector)?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/Payment methods',
  component: 'tectra-payment-methods',
  render,
  args: { scenario: 'team' },
};
export default meta;
type Story = StoryObj<Args>;

export const TwoCards: Story = {};
export const Empty: Story = { args: { scenario: 'new' } };
export const Expired: Story = { args: { scenario: 'past-due' } };
export const ExpiringSoon: Story = { args: { expiringSoon: true } };
export const Loading: Story = { args: { faults: { listPaymentMethods: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { listPaymentMethods: { code: 'server', times: 1 } } } };
/** The only card of a running plan: it says why it cannot be removed instead of offering Remove. */
export const OnlyCardOfAPlan: Story = { args: { scenario: 'individual-active' } };
export const ConfirmRemoval: Story = { play: ({ canvasElement }) => clickFirst(canvasElement, '[data-remove]') };
export const AddingACard: Story = { args: { scenario: 'new' }, play: ({ canvasElement }) => clickFirst(canvasElement, 'header button') };
/** A member who may not manage cards: the cards, and why nothing can be changed. */
export const MemberReadOnly: Story = { args: { member: true } };
export const German: Story = { globals: { locale: 'de' } };
export const Dark: Story = { globals: { theme: 'dark' } };
