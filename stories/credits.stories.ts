import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/credits.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import type { BillingAdapter } from '../src/adapters/types.js';
import { createBillingClient } from '../src/state/client.js';
import { inElement } from './in-element.js';

interface Args {
  scenario: DemoScenario;
  faults?: MemoryAdapterOptions['faults'];
  /** A backend that sells no credit. */
  unsupported?: boolean;
  /** The ledger is empty (a new prepaid account). */
  noHistory?: boolean;
  /** A second card on file, to choose for a purchase. */
  secondCard?: boolean;
}

function render({ scenario, faults, unsupported, noHistory, secondCard }: Args) {
  const snapshot = demoSnapshot(scenario);
  if (noHistory) snapshot.creditLedger = [];
  if (secondCard) snapshot.paymentMethods.push({ id: 'pm_mc', type: 'card', brand: 'mastercard', last4: '4444', expMonth: 3, expYear: new Date().getUTCFullYear() + 2, isDefault: false });
  const memory = createMemoryAdapter(snapshot, { latencyMs: 200, ...(faults ? { faults } : {}) });
  let adapter: BillingAdapter = memory;
  if (unsupported) {
    const { getCredits: _g, listCreditEntries: _l, purchaseCredits: _p, setAutoRecharge: _s, ...rest } = memory;
    adapter = rest;
  }
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}><tectra-credits></tectra-credits></tectra-billing-provider>`;
}


const meta: Meta<Args> = {
  title: 'Elements/Credits',
  component: 'tectra-credits',
  render,
  args: { scenario: 'prepaid' },
};
export default meta;
type Story = StoryObj<Args>;

export const Prepaid: Story = {};
/** Auto-recharge on; its last try needed 3-D Secure, which the customer must confirm. */
export const AutoRechargeFailed: Story = { args: { scenario: 'auto-recharge' } };
export const NoHistory: Story = { args: { noHistory: true } };
/** Two cards on file: the purchase can be paid with either. */
export const ChooseCard: Story = { args: { secondCard: true } };
/** Another amount chosen, below the smallest one on sale, and bought: the field says why. */
export const AmountRefused: Story = {
  play: async ({ canvasElement }) => {
    await inElement(canvasElement, 'tectra-credits', 'input[value="custom"]', (radio) => radio.click());
    await inElement(canvasElement, 'tectra-credits', '#credit-amount', (input) => {
      (input as HTMLInputElement).value = '2';
      input.dispatchEvent(new Event('input'));
    });
    await inElement(canvasElement, 'tectra-credits', '#credit-buy', (button) => button.click());
  },
};
/** Auto-recharge turned on to add less than its threshold: refused before anything is sent. */
export const RechargeRefused: Story = {
  play: async ({ canvasElement }) => {
    await inElement(canvasElement, 'tectra-credits', '#recharge-enabled', (box) => box.click());
    await inElement(canvasElement, 'tectra-credits', '#recharge-amount', (input) => {
      (input as HTMLInputElement).value = '2';
      input.dispatchEvent(new Event('input'));
    });
    await inElement(canvasElement, 'tectra-credits', '#recharge-save', (button) => button.click());
  },
};
export const NoCredit: Story = { args: { scenario: 'team' } };
export const Loading: Story = { args: { faults: { getCredits: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { getCredits: { code: 'server', times: 1 } } } };
export const Unsupported: Story = { args: { unsupported: true } };
export const German: Story = { globals: { locale: 'de' } };
export const Arabic: Story = { globals: { locale: 'ar' } };
export const Dark: Story = { globals: { theme: 'dark' } };
