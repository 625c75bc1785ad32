import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/payment-form.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import type { BillingAdapter } from '../src/adapters/types.js';
import type { Subscription } from '../src/core/types.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  select: boolean;
  faults?: MemoryAdapterOptions['faults'];
  /** The backend confirms the subscription only after this many reads (a slow webhook). */
  slowConfirm?: boolean;
  /** The viewer is a member whose role grants nothing. */
  member?: boolean;
}

function render({ scenario, select, faults, slowConfirm, member }: Args) {
  const memory = createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 200, ...(faults ? { faults } : {}), ...(member ? { role: 'member', capabilities: [] } : {}) });
  const adapter: BillingAdapter = slowConfirm
    ? {
        ...memory,
        getSubscription: async (o) => {
          const sub = await memory.getSubscription(o);
          return sub.status === 'active' ? ({ ...sub, status: 'incomplete' } as Subscription) : sub;
        },
      }
    : memory;
  const client = createBillingClient({ adapter, activationPoll: { intervalMs: 1500, attempts: 100 } });
  if (select) client.selectTier({ tierId: 'pro', interval: 'month' });
  return html`<tectra-billing-provider .client=${client}><tectra-payment-form></tectra-payment-form></tectra-billing-provider>`;
}

/** Types a test card and presses Pay, like a user. */
async function pay(canvas: HTMLElement, number: string, coupon?: string): Promise<void> {
  const form = canvas.querySelector('tectra-payment-form');
  const $ = <T extends HTMLElement>(s: string) => form?.shadowRoot?.querySelector<T>(s) ?? null;
  for (let i = 0; i < 400 && ($<HTMLButtonElement>('[part="submit"]')?.disabled ?? true); i++) await new Promise((r) => setTimeout(r, 50));
  if (coupon) {
    const input = $<HTMLInputElement>('#coupon');
    if (input) {
      input.value = coupon;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    }
    return;
  }
  const set = (name: string, value: string) => {
    const input = $<HTMLInputElement>(`[name="card-${name}"]`);
    if (input) input.value = value;
  };
  set('number', number);
  set('expiry', '12 / 34');
  set('cvc', '123');
  $<HTMLButtonElement>('[part="submit"]')?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/Payment form',
  component: 'tectra-payment-form',
  render,
  args: { scenario: 'new', select: true },
};
export default meta;
type Story = StoryObj<Args>;

export const Ready: Story = {};
export const NoSelection: Story = { args: { select: false } };
export const Loading: Story = { args: { faults: { getCatalog: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { getSubscription: { code: 'server', times: 1 } } } };
export const QuoteFailed: Story = { args: { faults: { previewChange: 'server' } } };
export const CouponInvalid: Story = { play: ({ canvasElement }) => pay(canvasElement, '', 'EXPIRED10') };
export const CouponApplied: Story = { play: ({ canvasElement }) => pay(canvasElement, '', 'WELCOME20') };
export const Submitting: Story = { args: { faults: { activate: 'hang' } }, play: ({ canvasElement }) => pay(canvasElement, '4242424242424242') };
export const RequiresAction: Story = { play: ({ canvasElement }) => pay(canvasElement, '4000002760003184') };
export const Declined: Story = { play: ({ canvasElement }) => pay(canvasElement, '4000000000000002') };
export const Activating: Story = { args: { slowConfirm: true }, play: ({ canvasElement }) => pay(canvasElement, '4242424242424242') };
export const Succeeded: Story = { play: ({ canvasElement }) => pay(canvasElement, '4242424242424242') };
/** A member who may not buy: what was chosen, and why there is no card form. */
export const MemberNotAllowed: Story = { args: { member: true } };
/** Tax goes by where the customer is and no address is on file: the address comes first. */
export const AddressRequired: Story = { args: { scenario: 'new-with-tax' } };
export const AlreadySubscribed: Story = { args: { scenario: 'individual-active' } };
export const German: Story = { globals: { locale: 'de' } };
export const Dark: Story = { globals: { theme: 'dark' } };
