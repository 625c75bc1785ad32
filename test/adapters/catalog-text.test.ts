import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import { catalogLanguage, localizeDemoCatalog } from '../../src/adapters/memory/catalog-text.js';
import { demoCatalog } from '../../src/adapters/memory/catalogs.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { demoBackend, shadowText, waitForText, warmOnDemand } from '../helpers.js';

before(warmOnDemand);
afterEach(() => setBillingLocale('en'));

const pro = (catalog: { tiers: Array<{ id: string }> }) => catalog.tiers.find((t) => t.id === 'pro') as ReturnType<typeof demoCatalog>['tiers'][number];

describe('the demo catalog in the kit’s languages', () => {
  it('has every name, description and feature of the demo catalog in de, fr, es, ja and ar', () => {
    const english = demoCatalog();
    const texts = (c: typeof english) => c.tiers.flatMap((t) => [t.description ?? '', ...t.features]);
    for (const language of ['de', 'fr', 'es', 'ja', 'ar']) {
      const local = localizeDemoCatalog(english, language);
      const untranslated = texts(local).filter((text, i) => text === texts(english)[i]);
      expect(untranslated, language).to.deep.equal([]);
      // Prices, limits and ids are the catalog's, whatever the language.
      expect(local.tiers.map((t) => [t.id, t.prices, t.limits])).to.deep.equal(english.tiers.map((t) => [t.id, t.prices, t.limits]));
    }
    expect(localizeDemoCatalog(english, 'ja').tiers.map((t) => t.name)).to.deep.equal(['スターター', 'プロ', 'チーム', 'ビジネス', 'エンタープライズ']);
    // Names written in Latin letters stay names.
    expect(pro(localizeDemoCatalog(english, 'de')).name).to.equal('Pro');
  });

  it('reads the language from a tag or an Accept-Language header, and leaves other languages and custom text alone', () => {
    expect(catalogLanguage('de-CH,de;q=0.9,en;q=0.8')).to.equal('de');
    expect(catalogLanguage('ar-EG')).to.equal('ar');
    expect(catalogLanguage('pt-BR')).to.equal(undefined);
    expect(catalogLanguage(undefined)).to.equal(undefined);
    const custom = { currency: 'USD', tiers: [{ ...pro(demoCatalog()), name: 'Gold', features: ['Our own feature', 'Premium models'] }] };
    expect(localizeDemoCatalog(custom, 'fr').tiers[0]?.features).to.deep.equal(['Our own feature', 'Modèles premium']);
    expect(localizeDemoCatalog(custom, 'fr').tiers[0]?.name).to.equal('Gold');
    expect(localizeDemoCatalog(custom, 'pt')).to.equal(custom);
  });

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
