import type { Catalog } from './types.js';

/**
 * At most one recommended tier per kind (Individual, Team, Enterprise): a recommendation
 * means "this one", and two in a group mean none. When a backend marks several, the first
 * in catalog order keeps its badge. Applied where answers enter the client (validation),
 * so every element and adapter sees the same catalog.
 */
export function oneRecommendedPerKind(catalog: Catalog): Catalog {
  const seen = new Set<string>();
  const tiers = catalog.tiers.map((tier) => {
    if (!tier.recommended) return tier;
    if (!seen.has(tier.kind)) {
      seen.add(tier.kind);
      return tier;
    }
    const { recommended: _dropped, ...rest } = tier;
    return rest;
  });
  return { ...catalog, tiers };
}
