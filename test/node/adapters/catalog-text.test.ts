/** The demo catalog's text in the kit's languages (what the demo backend answers per Accept-Language). */
import { describe, expect, it } from 'vitest';
import { catalogLanguage, localizeDemoCatalog } from '../../../src/adapters/memory/catalog-text.js';
import { demoCatalog } from '../../../src/adapters/memory/catalogs.js';

const pro = (catalog: { tiers: Array<{ id: string }> }) => catalog.tiers.find((t) => t.id === 'pro') as ReturnType<typeof demoCatalog>['tiers'][number];

describe('the demo catalog in the kit’s languages', () => {
  it('has every name, description and feature of the demo catalog in de, fr, es, ja and ar', () => {
    const english = demoCatalog();
    const texts = (c: typeof english) => c.tiers.flatMap((t) => [t.description ?? '', ...t.features]);
    for (const language of ['de', 'fr', 'es', 'ja', 'ar']) {
      const local = localizeDemoCatalog(english, language);
      const untranslated = texts(local).filter((text, i) => text === texts(english)[i]);
      expect(untranslated, language).toEqual([]);
      // Prices, limits and ids are the catalog's, whatever the language.
      expect(local.tiers.map((t) => [t.id, t.prices, t.limits])).toEqual(english.tiers.map((t) => [t.id, t.prices, t.limits]));
    }
    expect(localizeDemoCatalog(english, 'ja').tiers.map((t) => t.name)).toEqual(['スターター', 'プロ', 'チーム', 'ビジネス', 'エンタープライズ']);
    // Names written in Latin letters stay names.
    expect(pro(localizeDemoCatalog(english, 'de')).name).toBe('Pro');
  });

  it('reads the language from a tag or an Accept-Language header, and leaves other languages and custom text alone', () => {
    expect(catalogLanguage('de-CH,de;q=0.9,en;q=0.8')).toBe('de');
    expect(catalogLanguage('ar-EG')).toBe('ar');
    expect(catalogLanguage('pt-BR')).toBe(undefined);
    expect(catalogLanguage(undefined)).toBe(undefined);
    const custom = { currency: 'USD', tiers: [{ ...pro(demoCatalog()), name: 'Gold', features: ['Our own feature', 'Premium models'] }] };
    expect(localizeDemoCatalog(custom, 'fr').tiers[0]?.features).toEqual(['Our own feature', 'Modèles premium']);
    expect(localizeDemoCatalog(custom, 'fr').tiers[0]?.name).toBe('Gold');
    expect(localizeDemoCatalog(custom, 'pt')).toBe(custom);
  });

  it('keeps a tier without a description without one, and reads the language case-insensitively', () => {
    const { description: _none, ...bare } = pro(demoCatalog());
    const local = localizeDemoCatalog({ currency: 'USD', tiers: [bare] }, 'FR-ca');
    expect(local.tiers[0]).not.toHaveProperty('description');
    expect(local.tiers[0]?.features).toContain('Modèles premium');
    expect(catalogLanguage(' es;q=1, de')).toBe('es');
    expect(catalogLanguage('')).toBeUndefined();
    expect(catalogLanguage('english')).toBeUndefined();
  });
});
