import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/billing-provider.js';
import '../src/define/usage-alerts.js';
import '../src/define/usage-meter.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  element: 'meter' | 'alerts';
  meter?: string;
  variant?: 'detailed' | 'compact';
  faults?: MemoryAdapterOptions['faults'];
  live?: boolean;
}

function render({ scenario, element, meter, variant, faults, live }: Args) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 200, pushUsage: !!live, ...(faults ? { faults } : {}) });
  if (live) {
    // The product in use: tokens flow in a few times a second.
    const timer = setInterval(() => {
      if (!document.querySelector('tectra-usage-meter')) return clearInterval(timer);
      adapter.recordUsage('input_tokens', 25_000);
      adapter.recordUsage('output_tokens', 6_000);
    }, 250);
  }
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}>
    ${element === 'meter'
      ? html`<tectra-usage-meter meter=${ifDefined(meter)} variant=${variant ?? 'detailed'}></tectra-usage-meter>`
      : html`<tectra-usage-alerts></tectra-usage-alerts>`}
  </tectra-billing-provider>`;
}

const meta: Meta<Args> = {
  title: 'Elements/Usage',
  component: 'tectra-usage-meter',
  render,
  args: { scenario: 'individual-active', element: 'meter' },
};
export default meta;
type Story = StoryObj<Args>;

export const Normal: Story = { args: { scenario: 'scheduled-downgrade' } };
export const Warning: Story = {};
export const OverLimit: Story = { args: { scenario: 'past-due' } };
export const Unlimited: Story = { args: { scenario: 'enterprise' } };
export const PooledTeam: Story = { args: { scenario: 'team' } };
export const Yen: Story = { args: { scenario: 'jpy' } };
export const OneMeterCompact: Story = { args: { meter: 'output_tokens', variant: 'compact' } };
export const Live: Story = { args: { live: true } };
export const Loading: Story = { args: { faults: { getUsage: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { getUsage: { code: 'server', times: 1 } } } };
export const Empty: Story = { args: { scenario: 'new' } };
export const German: Story = { args: { scenario: 'past-due' }, globals: { locale: 'de' } };
export const Dark: Story = { args: { scenario: 'past-due' }, globals: { theme: 'dark' } };
export const Alerts: Story = { args: { element: 'alerts', scenario: 'past-due' } };
/** Presses the first meter's Save as a user would, once the editor is there. */
async function saveFirst(canvas: HTMLElement): Promise<void> {
  const save = () => canvas.querySelector('tectra-usage-alerts')?.shadowRoot?.querySelector<HTMLElement>('.actions .primary') ?? null;
  for (let i = 0; i < 400 && !save(); i++) await new Promise((r) => setTimeout(r, 50));
  save()?.click();
}
export const AlertsSaveFails: Story = { args: { element: 'alerts', faults: { setUsageAlerts: 'server' } }, play: ({ canvasElement }) => saveFirst(canvasElement) };
export const AlertsLoading: Story = { args: { element: 'alerts', faults: { getUsage: 'hang' } } };
export const AlertsGerman: Story = { args: { element: 'alerts' }, globals: { locale: 'de' } };
export const AlertsDark: Story = { args: { element: 'alerts' }, globals: { theme: 'dark' } };
