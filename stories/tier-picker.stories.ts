import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/billing-provider.js';
import '../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import { createBillingClient } from '../src/state/client.js';

interface Args {
  scenario: DemoScenario;
  kinds: string;
  interval?: 'month' | 'year';
  faults?: MemoryAdapterOptions['faults'];
}

function render({ scenario, kinds, interval, faults }: Args) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 150, ...(faults ? { faults } : {}) });
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}>
    <tectra-tier-picker kinds=${kinds} interval=${ifDefined(interval)}></tectra-tier-picker>
  </tectra-billing-provider>`;
}

/** Waits for the picker, then clicks a tier (and optionally Confirm) like a user. */
async function choose(canvas: HTMLElement, tierId: string, confirm = false): Promise<void> {
  const picker = canvas.querySelector('tectra-tier-picker');
  const find = (selector: string) => picker?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  for (let i = 0; i < 400 && !find(`[data-tier-radio="${tierId}"]`); i++) await new Promise((r) => setTimeout(r, 50));
  // The card's action: Choose in checkout, Upgrade to / Downgrade to with a plan (which opens the review).
  find(`[data-tier-radio="${tierId}"]`)?.closest('[part="tier"]')?.querySelector<HTMLElement>('[part="tier-action"]')?.click();
  if (!confirm) return;
  for (let i = 0; i < 400 && (find('[part="dialog-confirm"]') as HTMLButtonElement | null)?.disabled !== false; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  find('[part="dialog-confirm"]')?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/Tier picker',
  component: 'tectra-tier-picker',
  render,
  args: { scenario: 'new', kinds: '' },
};
export default meta;
type Story = StoryObj<Args>;

export const AllTiers: Story = {};
export const IndividualOnly: Story = { args: { kinds: 'individual' } };
export const TeamWithSeats: Story = { args: { kinds: 'team' } };
export const Enterprise: Story = { args: { kinds: 'enterprise' } };
export const Yearly: Story = { args: { interval: 'year' } };
export const CurrentTier: Story = { args: { scenario: 'individual-active' } };
export const ScheduledDowngrade: Story = { args: { scenario: 'scheduled-downgrade' } };
export const TeamSubscription: Story = { args: { scenario: 'team' } };
export const Yen: Story = { args: { scenario: 'jpy' } };
export const German: Story = { globals: { locale: 'de' } };
export const Dark: Story = { args: { scenario: 'individual-active' }, globals: { theme: 'dark' } };
export const Loading: Story = { args: { faults: { getCatalog: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { getCatalog: { code: 'server', times: 1 } } } };
export const EmptyCatalog: Story = { args: { kinds: 'none-such' } };
export const QuoteLoading: Story = {
  args: { scenario: 'individual-active', faults: { previewChange: 'hang' } },
  play: ({ canvasElement }) => choose(canvasElement, 'team'),
};
export const QuoteReady: Story = {
  args: { scenario: 'individual-active' },
  play: ({ canvasElement }) => choose(canvasElement, 'team'),
};
export const QuoteFailed: Story = {
  args: { scenario: 'individual-active', faults: { previewChange: 'server' } },
  play: ({ canvasElement }) => choose(canvasElement, 'team'),
};
export const ChangePending: Story = {
  args: { scenario: 'individual-active', faults: { changeTier: 'hang' } },
  play: ({ canvasElement }) => choose(canvasElement, 'team', true),
};
export const ChangeFailed: Story = {
  args: { scenario: 'individual-active', faults: { changeTier: 'card_declined' } },
  play: ({ canvasElement }) => choose(canvasElement, 'team', true),
};
