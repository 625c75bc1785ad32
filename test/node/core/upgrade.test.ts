// When to suggest an upgrade, and to what: the cheapest tier above the plan that fits a
// meter's use or has a feature; a contract tier when nothing on sale fits; nothing when not needed.
import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../../src/adapters/memory/index.js';
import type { Meter } from '../../../src/core/types.js';
import { suggestUpgrade, upgradeNeed } from '../../../src/core/upgrade.js';
import { NOW } from '../client-helpers.js';

const meter = (key: string, used: number, limit: number | null): Meter => ({ key, used, limit, unit: 'tokens', alertThresholds: [0.8, 1] });

describe('upgrade suggestions', () => {
  const pro = demoSnapshot('individual-active', { now: NOW });
  const { catalog } = pro;

  it('is needed near a limit (the warning threshold), past it, or for a missing feature; not otherwise', () => {
    const tier = catalog.tiers.find((t) => t.id === 'pro');
    expect(upgradeNeed({ meter: 'output_tokens' }, tier, meter('output_tokens', 2_000_000, 2_500_000))).toBe('near_limit');
    expect(upgradeNeed({ meter: 'output_tokens' }, tier, meter('output_tokens', 2_500_000, 2_500_000))).toBe('over_limit');
    expect(upgradeNeed({ meter: 'output_tokens' }, tier, meter('output_tokens', 1_000_000, 2_500_000))).toBeUndefined();
    expect(upgradeNeed({ meter: 'output_tokens' }, tier, meter('output_tokens', 9e9, null))).toBeUndefined();
    expect(upgradeNeed({ feature: 'premium MODELS' }, tier, undefined)).toBeUndefined();
    expect(upgradeNeed({ feature: 'SAML single sign-on' }, tier, undefined)).toBe('feature_missing');
  });

  it('names the cheapest tier above the plan whose limit is above the use, seats carried over to the minimum', () => {
    expect(suggestUpgrade(catalog, pro.subscription, { meter: 'output_tokens' }, meter('output_tokens', 2_100_000, 2_500_000))).toEqual({
      need: 'near_limit',
      tier: catalog.tiers.find((t) => t.id === 'team'),
      selection: { tierId: 'team', interval: 'month', seats: 3 },
    });
    // 15M output tokens is beyond Team's 12M: Business.
    expect(suggestUpgrade(catalog, pro.subscription, { meter: 'output_tokens' }, meter('output_tokens', 15_000_000, 2_500_000))?.tier?.id).toBe('business');
    // Beyond every tier on sale: the contract tier, with sales.
    expect(suggestUpgrade(catalog, pro.subscription, { meter: 'output_tokens' }, meter('output_tokens', 60_000_000, 2_500_000))).toMatchObject({ need: 'over_limit', contactSales: { id: 'enterprise' } });
    expect(suggestUpgrade(catalog, pro.subscription, { meter: 'output_tokens' }, meter('output_tokens', 100, 2_500_000))).toBeUndefined();
  });

  it('keeps the plan interval and seats, never suggests a cheaper tier, and works without a plan', () => {
    const team = demoSnapshot('team', { now: NOW });
    // A yearly team of 8: Business yearly with 8 seats (its minimum is 5).
    expect(suggestUpgrade(team.catalog, team.subscription, { feature: 'Audit log' })).toMatchObject({ tier: { id: 'business' }, selection: { tierId: 'business', interval: 'year', seats: 8 } });
    // Starter has Email support, but it costs less than the team plan: no suggestion of it.
    expect(suggestUpgrade(team.catalog, team.subscription, { feature: 'Email support' })).toEqual({ need: 'feature_missing' });
    const none = demoSnapshot('new', { now: NOW });
    expect(suggestUpgrade(none.catalog, none.subscription, { feature: 'Premium models' })).toMatchObject({ tier: { id: 'pro' }, selection: { tierId: 'pro', interval: 'month' } });
  });
});
