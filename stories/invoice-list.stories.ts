import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/invoice-list.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import type { Invoice, InvoiceStatus } from '../src/core/types.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  /** Replace the scenario's invoices with this many generated ones. */
  count?: number;
  allStatuses?: boolean;
  faults?: MemoryAdapterOptions['faults'];
  /** Invoices made out to a company with a VAT number. */
  billedTo?: boolean;
}

function generated(count: number, currency: string, allStatuses: boolean): Invoice[] {
  const statuses: InvoiceStatus[] = allStatuses ? ['paid', 'open', 'void', 'uncollectible', 'draft'] : ['paid'];
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 10 - i, 1)).toISOString();
    const end = new Date(Date.UTC(2026, 11 - i, 1)).toISOString();
    const n = count - i;
    return {
      id: `in_${n}`,
      number: `INV-${String(n).padStart(5, '0')}`,
      status: statuses[i % statuses.length] as InvoiceStatus,
      total: { amount: currency === 'JPY' ? 7400 : 4900, currency },
      amountDue: { amount: 0, currency },
      createdAt: start,
      periodStart: start,
      periodEnd: end,
      pdfUrl: `https://billing.tectra.example/${n}.pdf`,
      hostedUrl: `https://billing.tectra.example/${n}`,
    };
  });
}

function render({ scenario, count, allStatuses, faults, billedTo }: Args) {
  const snapshot = demoSnapshot(scenario);
  if (count !== undefined) snapshot.invoices = generated(count, snapshot.catalog.currency, !!allStatuses);
  if (billedTo) {
    for (const invoice of snapshot.invoices) {
      invoice.billedTo = { name: 'Acme GmbH', address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' }, taxIds: [{ type: 'eu_vat', value: 'DE123456789' }] };
    }
  }
  const client = createBillingClient({ adapter: createMemoryAdapter(snapshot, { latencyMs: 250, ...(faults ? { faults } : {}) }) });
  return html`<tectra-billing-provider .client=${client}><tectra-invoice-list></tectra-invoice-list></tectra-billing-provider>`;
}

const meta: Meta<Args> = {
  title: 'Elements/Invoice list',
  component: 'tectra-invoice-list',
  render,
  args: { scenario: 'individual-active' },
};
export default meta;
type Story = StoryObj<Args>;

export const OnePage: Story = {};
export const ManyPages: Story = { args: { count: 500 } };
export const AllStatuses: Story = { args: { count: 10, allStatuses: true } };
export const PastDue: Story = { args: { scenario: 'past-due' } };
export const Empty: Story = { args: { scenario: 'new' } };
export const Loading: Story = { args: { faults: { listInvoices: 'hang' } } };
export const FailedPageLoad: Story = { args: { count: 60, faults: { listInvoices: { code: 'server', times: 1 } } } };
/** Each invoice says who it is made out to, under its number. */
export const BilledTo: Story = { args: { billedTo: true } };
export const Yen: Story = { args: { scenario: 'jpy' } };
export const German: Story = { globals: { locale: 'de' } };
export const Dark: Story = { args: { count: 30, allStatuses: true }, globals: { theme: 'dark' } };
