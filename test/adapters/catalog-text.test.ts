import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import { demoCatalog } from '../../src/adapters/memory/catalogs.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { demoBackend, shadowText, waitForText, warmOnDemand } from '../helpers.js';

before(warmOnDemand);
afterEach(() => setBillingLocale('en'));

const pro = (catalog: { tiers: Array<{ id: string }> }) => catalog.tiers.find((t) => t.id === 'pro') as ReturnType<typeof demoCatalog>['tiers'][number];

// The table's rules (every text in every language, tags and headers read) are tested in Node:
// test/node/adapters/catalog-text.test.ts.
describe('the demo catalog in the kit’s languages', () => {
  it('the demo backend answers in the Accept-Language the http adapter sends', async () => {
    const backend = demoBackend('new');
    expect(pro(await backend.adapter({ locale: 'ja-JP' }).getCatalog()).features).to.include('プレミアムモデル');
    expect(pro(await backend.adapter({ locale: 'en' }).getCatalog()).features).to.include('Premium models');
  });

  it('the picker shows the catalog in the new language when the language changes, and back', async () => {
    const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot('new')) });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker></tectra-billing-provider>`);
    const picker = provider.querySelector('tectra-tier-picker') as HTMLElement;
    await waitForText(picker, 'Premium models');
    await setBillingLocale('fr');
    await waitForText(picker, 'Modèles premium');
    expect(shadowText(picker)).to.contain('Choisir un forfait').and.not.contain('Premium models');
    await setBillingLocale('en');
    await waitForText(picker, 'Premium models');
  });
});
