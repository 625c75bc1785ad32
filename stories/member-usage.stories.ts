import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/billing-provider.js';
import '../src/define/member-usage.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../src/adapters/memory/index.js';
import type { BillingAdapter } from '../src/adapters/types.js';
import { createBillingClient } from '../src/state/client.js';
import { inElement } from './in-element.js';

interface Args {
  scenario: DemoScenario;
  faults?: MemoryAdapterOptions['faults'];
  /** A member whose role may not set limits. */
  member?: boolean;
  /** A backend that reports no usage by member. */
  unsupported?: boolean;
  /** One meter only (the attribute). */
  meter?: string;
}

function render({ scenario, faults, member, unsupported, meter }: Args) {
  const memory = createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 200, ...(faults ? { faults } : {}), ...(member ? { role: 'member', capabilities: [] } : {}) });
  let adapter: BillingAdapter = memory;
  if (unsupported) {
    const { getMemberUsage: _g, setMemberLimit: _s, ...rest } = memory;
    adapter = rest;
  }
  const client = createBillingClient({ adapter });
  return html`<tectra-billing-provider .client=${client}><tectra-member-usage meter=${meter ?? ''}></tectra-member-usage></tectra-billing-provider>`;
}


const meta: Meta<Args> = {
  title: 'Elements/Usage by member',
  component: 'tectra-member-usage',
  render,
  args: { scenario: 'team-with-members' },
};
export default meta;
type Story = StoryObj<Args>;

/** Five members of a team; the first pooled meter, most used first. */
export const Team: Story = {};
/** Output tokens only: Ben has a limit of his own. */
export const OneMeter: Story = { args: { meter: 'output_tokens' } };
/** Sorted by member, A to Z. */
export const SortedByMember: Story = {
  play: async ({ canvasElement }) => {
    await inElement(canvasElement, 'tectra-member-usage', '[data-sort="name"]', (button) => button.click());
  },
};
/** A limit that is not a number: the field says why. */
export const LimitRefused: Story = {
  play: async ({ canvasElement }) => {
    await inElement(canvasElement, 'tectra-member-usage', '#member-limit', (input) => {
      (input as HTMLInputElement).value = 'lots';
      input.dispatchEvent(new Event('input'));
    });
    await inElement(canvasElement, 'tectra-member-usage', '#member-limit-save', (button) => button.click());
  },
};
export const Member: Story = { args: { member: true } };
/** A team whose members have not used anything yet. */
export const NoMembers: Story = { args: { scenario: 'team' } };
export const Loading: Story = { args: { faults: { getMemberUsage: 'hang' } } };
export const ErrorWithRetry: Story = { args: { faults: { getMemberUsage: { code: 'server', times: 1 } } } };
export const Unsupported: Story = { args: { unsupported: true } };
export const German: Story = { globals: { locale: 'de' } };
export const Arabic: Story = { globals: { locale: 'ar' } };
export const Dark: Story = { globals: { theme: 'dark' } };
