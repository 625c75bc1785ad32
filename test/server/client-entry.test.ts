// `@tectra/billing-widgets/client` in Node: no DOM, nothing registered, and the client works
// over an adapter (here the simulator) as it does in a page.
import { describe, expect, it } from 'vitest';

describe('the headless client entry', () => {
  it('imports without a DOM, registers no element, and loads a plan', async () => {
    const kit = await import('../../src/client.js');
    expect(typeof (globalThis as { customElements?: unknown }).customElements).toBe('undefined');
    expect(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement).toBe('undefined');
    const client = kit.createBillingClient({ adapter: kit.createMemoryAdapter(kit.demoSnapshot('team')) });
    await client.refresh('subscription');
    await expect.poll(() => client.$subscription.get().data?.tierId, { timeout: 5_000 }).toBe('team');
    expect(new kit.BillingError('card_declined', 'Declined.').code).toBe('card_declined');
  });
});
