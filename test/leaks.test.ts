/**
 * Mounting and removing each element many times leaves no store listener and no timer
 * behind (nanostores counts listeners in `lc`; a poll left running would keep calling
 * the adapter).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { createMemoryAdapter, demoSnapshot } from '../src/adapters/memory/index.js';
import { createBillingClient } from '../src/state/client.js';
import { warmOnDemand } from './helpers.js';

before(warmOnDemand);

const TAGS = [
  'tectra-billing-summary',
  'tectra-tier-picker',
  'tectra-payment-form',
  'tectra-payment-methods',
  'tectra-usage-meter',
  'tectra-usage-alerts',
  'tectra-invoice-list',
  'tectra-billing-portal',
];

describe('leaks', function () {
  this.timeout(120_000);

  it('500 mounts and removals of each element leave no store listener or timer behind', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('individual-active'));
    const client = createBillingClient({ adapter });
    const provider = await fixture<HTMLElement & { client: unknown }>(html`<tectra-billing-provider .client=${client}></tectra-billing-provider>`);
    for (const tag of TAGS) {
      for (let i = 0; i < 500; i++) {
        const el = document.createElement(tag);
        if (tag === 'tectra-usage-meter') el.setAttribute('refresh-interval', '1');
        provider.append(el);
        if (i % 100 === 0) {
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          // While mounted, the element does listen (so the check below can fail).
          const stores = [client.$subscription, client.$usage, client.$invoices, client.$paymentMethods, client.$checkout];
          expect(stores.some((s) => ((s as unknown as { lc?: number }).lc ?? 0) > 0), `${tag} listens to nothing`).to.equal(true);
        }
        el.remove();
      }
    }
    // nanostores unmounts a store a second after its last listener leaves.
    await new Promise((r) => setTimeout(r, 1300));
    const stores = { ...client } as unknown as Record<string, { lc?: number }>;
    const listeners = Object.fromEntries(Object.entries(stores).filter(([k]) => k.startsWith('$')).map(([k, s]) => [k, s.lc ?? 0]));
    expect(Object.values(listeners).every((n) => n === 0), JSON.stringify(listeners)).to.equal(true);
    const calls = adapter.calls.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(adapter.calls.length, 'something kept polling').to.equal(calls);
  });
});
