// `@tectra/billing-widgets/client` in Node: no DOM, nothing registered, and the client works
// over an adapter (here the simulator) as it does in a page.
import { describe, expect, it, vi } from 'vitest';

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

  it('starts ready with the data handed in (initial) and asks the adapter only on a refresh', async () => {
    const kit = await import('../../src/client.js');
    const account = kit.demoSnapshot('team', { now: '2026-12-01T12:00:00.000Z' });
    const adapter = kit.createMemoryAdapter(account);
    const getSubscription = vi.spyOn(adapter, 'getSubscription');
    const client = kit.createBillingClient({ adapter, initial: { subscription: account.subscription, catalog: account.catalog } });
    const unsubscribe = client.$subscription.subscribe(() => undefined);
    expect(client.$subscription.get()).toEqual({ status: 'ready', data: account.subscription });
    expect(client.$catalog.get().data?.currency).toBe('USD');
    expect(getSubscription).not.toHaveBeenCalled();
    await client.refresh('subscription');
    expect(getSubscription).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});

