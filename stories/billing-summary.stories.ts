import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/billing-summary.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type FaultSpec } from '../src/adapters/memory/index.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  fault?: FaultSpec;
}

function render({ scenario, fault }: Args) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), {
    latencyMs: 200,
    ...(fault ? { faults: { getSubscription: fault } } : {}),
  });
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}>
    <tectra-billing-summary></tectra-billing-summary>
  </tectra-billing-provider>`;
}

/** Waits for a part inside the summary, then clicks it (the lifecycle actions arrive on demand). */
async function clickPart(canvas: HTMLElement, part: string): Promise<void> {
  const summary = canvas.querySelector('tectra-billing-summary');
  const find = () => summary?.shadowRoot?.querySelector<HTMLElement>(`[part="${part}"]`) ?? null;
  for (let i = 0; i < 400 && !find(); i++) await new Promise((r) => setTimeout(r, 50));
  find()?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/Billing summary',
  component: 'tectra-billing-summary',
  render,
  args: { scenario: 'individual-active' },
};
export default meta;
type Story = StoryObj<Args>;

export const Active: Story = {};
export const Loading: Story = { args: { fault: 'hang' } };
export const ErrorWithRetry: Story = { args: { fault: { code: 'server', times: 1 } } };
export const NoPlan: Story = { args: { scenario: 'new' } };
export const Trial: Story = { args: { scenario: 'trial' } };
export const PastDue: Story = { args: { scenario: 'past-due' } };
export const Team: Story = { args: { scenario: 'team' } };
export const Enterprise: Story = { args: { scenario: 'enterprise' } };
export const ScheduledDowngrade: Story = { args: { scenario: 'scheduled-downgrade' } };
export const Canceled: Story = { args: { scenario: 'canceled' } };
export const EndingAtPeriodEnd: Story = { args: { scenario: 'cancel-at-period-end' } };
/** The confirm step of Cancel plan: until when the plan runs, an optional reason. */
export const CancelConfirm: Story = { play: ({ canvasElement }) => clickPart(canvasElement, 'cancel-button') };
/** Paying an overdue invoice: the expired card cannot be chosen, another card can. */
export const PayOverdue: Story = { args: { scenario: 'past-due' }, play: ({ canvasElement }) => clickPart(canvasElement, 'banner-action') };
export const Yen: Story = { args: { scenario: 'jpy' } };
export const German: Story = { args: { scenario: 'individual-active' }, globals: { locale: 'de' } };
export const Dark: Story = { args: { scenario: 'team' }, globals: { theme: 'dark' } };
