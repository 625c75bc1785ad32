import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import { checks } from '../../src/core/validation.js';
import type { Catalog } from '../../src/core/types.js';
import { createBillingClient } from '../../src/state/client.js';
import { waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

/** The demo catalog with every Individual and Team tier marked recommended. */
function overRecommended(): Catalog {
  const catalog = demoSnapshot('new').catalog;
  return { ...catalog, tiers: catalog.tiers.map((t) => (t.kind === 'enterprise' ? t : { ...t, recommended: true })) };
}

describe('at most one recommended tier per kind', () => {
  it('keeps the first recommended tier of each kind as the client receives the catalog', () => {
    const catalog = overRecommended();
    const kept = checks.catalog(catalog).tiers.filter((t) => t.recommended).map((t) => t.id);
    const firsts = ['individual', 'team'].map((kind) => catalog.tiers.find((t) => t.kind === kind)?.id);
    expect(kept).to.deep.equal(firsts);
    // Nothing else about the tiers changes.
    expect(checks.catalog(catalog).tiers.map((t) => t.id)).to.deep.equal(catalog.tiers.map((t) => t.id));
  });

  it('shows one Recommended badge per group in the tier picker', async () => {
    const snapshot = demoSnapshot('new');
    snapshot.catalog = overRecommended();
    const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker></tectra-billing-provider>`);
    const picker = provider.querySelector('tectra-tier-picker') as HTMLElement;
    await waitUntil(() => picker.shadowRoot?.querySelector('[part="tier"]'), 'no tiers', { timeout: 5000 });
    const perGroup = [...(picker.shadowRoot?.querySelectorAll('[part="group"]') ?? [])].map(
      (group) => [...group.querySelectorAll('[part="badge"]')].filter((b) => b.textContent?.trim() === 'Recommended').length,
    );
    expect(perGroup).to.deep.equal([1, 1, 0]);
  });
});
