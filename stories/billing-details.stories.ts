import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/billing-details.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import type { BillingAdapter } from '../src/adapters/types.js';
import type { BillingDetails } from '../src/core/types.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  details?: BillingDetails;
  faults?: MemoryAdapterOptions['faults'];
  /** A backend that keeps no billing details. */
  unsupported?: boolean;
  /** As the checkout shows it where tax goes by the address. */
  addressRequired?: boolean;
}

const ACME: BillingDetails = {
  email: 'ap@acme.example',
  name: 'Acme GmbH',
  address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' },
  taxIds: [
    { id: 'txi_1', type: 'eu_vat', value: 'DE123456789', verification: 'verified' },
    { id: 'txi_2', type: 'ch_vat', value: 'CHE-123.456.789 MWST', verification: 'pending' },
  ],
};

function render({ scenario, details, faults, unsupported, addressRequired = false }: Args) {
  const snapshot = { ...demoSnapshot(scenario), ...(details ? { billingDetails: details } : {}) };
  const memory = createMemoryAdapter(snapshot, { latencyMs: 200, ...(faults ? { faults } : {}) });
  let adapter: BillingAdapter = memory;
  if (unsupported) {
    const { getBillingDetails: _g, updateBillingDetails: _u, addTaxId: _a, removeTaxId: _r, ...rest } = memory;
    adapter = rest;
  }
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}><tectra-billing-details ?address-required=${addressRequired}></tectra-billing-details></tectra-billing-provider>`;
}

/** Presses a button of the element once it is there (a story's starting click). */
async function press(canvas: HTMLElement, selector: string): Promise<void> {
  const el = canvas.querySelector('tectra-billing-details');
  for (let i = 0; i < 400 && !el?.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
  el?.shadowRoot?.querySelector<HTMLElement>(selector)?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/Billing details',
  component: 'tectra-billing-details',
  render,
  args: { scenario: 'team' },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};
export const OnFile: Story = { args: { details: ACME } };
export const Editing: Story = { args: { details: ACME }, play: ({ canvasElement }) => press(canvasElement, '#d-edit') };
/** Saved with a US address missing its state: the field says so. */
export const EditingWithErrors: Story = {
  args: { details: { ...ACME, address: { line1: '500 Howard St', city: 'San Francisco', postalCode: '94105', country: 'US' } } },
  play: async ({ canvasElement }) => {
    await press(canvasElement, '#d-edit');
    await press(canvasElement, 'form[part="form"] button[type="submit"]');
  },
};
export const Loading: Story = { args: { faults: { getBillingDetails: 'hang' } } };
/** The checkout's address step: the form open at once, no Cancel, why it is asked. */
export const AddressRequired: Story = { args: { scenario: 'new-with-tax', addressRequired: true } };
export const ErrorWithRetry: Story = { args: { faults: { getBillingDetails: { code: 'server', times: 1 } } } };
export const Unsupported: Story = { args: { unsupported: true } };
export const German: Story = { args: { details: ACME }, globals: { locale: 'de' } };
export const Arabic: Story = { args: { details: ACME }, globals: { locale: 'ar' } };
export const Dark: Story = { args: { details: ACME }, globals: { theme: 'dark' } };
