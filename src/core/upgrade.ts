/**
 * When to suggest an upgrade, and to what: the smallest tier that fits a meter's usage or
 * includes a feature. Shared by `<tectra-upgrade-prompt>` and anyone deciding where to show one.
 */
import { carrySeats, changeKind, currentSelection, monthlyValue, priceFor } from './plans.js';
import type { Catalog, Interval, Meter, PlanSelection, Subscription, Tier } from './types.js';
import { meterState } from './usage.js';

/** What a prompt is about: a meter (`output_tokens`) or a feature, by its name in the catalog. */
export type UpgradeReason = { meter: string } | { feature: string };

export type UpgradeNeed = 'near_limit' | 'over_limit' | 'feature_missing';

export interface UpgradeSuggestion {
  need: UpgradeNeed;
  /** The smallest tier that fits, with the selection to quote (the plan's interval; its seats where the tier has seats). */
  tier?: Tier;
  selection?: PlanSelection;
  /** No tier on sale fits, but one is arranged with sales (its contact link, if any, is on the tier). */
  contactSales?: Tier;
}

const hasFeature = (tier: Tier, feature: string) => tier.features.some((f) => f.toLowerCase() === feature.trim().toLowerCase());

/** Whether a meter nears or passes its limit (by its warning threshold), or a feature is missing from the plan. */
export function upgradeNeed(reason: UpgradeReason, current: Tier | undefined, meter: Meter | undefined): UpgradeNeed | undefined {
  if ('feature' in reason) return current && hasFeature(current, reason.feature) ? undefined : 'feature_missing';
  const state = meter && meterState(meter);
  return state === 'over' ? 'over_limit' : state === 'warning' ? 'near_limit' : undefined;
}

/**
 * The suggestion for a reason, or undefined when none is needed: the cheapest tier (by its
 * monthly price for the plan's interval, seats counted) that costs more than the plan and
 * fits: a limit above the meter's use (or none), or the feature listed. Without one on sale,
 * a contact-sales tier that fits.
 */
export function suggestUpgrade(
  catalog: Catalog,
  subscription: Subscription | undefined,
  reason: UpgradeReason,
  meter?: Meter,
): UpgradeSuggestion | undefined {
  const plan = currentSelection(subscription);
  const current = catalog.tiers.find((t) => t.id === plan?.tierId);
  const need = upgradeNeed(reason, current, meter);
  if (!need) return undefined;
  const fits = (tier: Tier) =>
    'feature' in reason ? hasFeature(tier, reason.feature) : ((limit) => limit === null || (limit !== undefined && limit > (meter?.used ?? 0)))(tier.limits[reason.meter]);
  const interval: Interval = plan?.interval ?? 'month';
  const candidates = catalog.tiers
    .filter((tier) => tier.id !== current?.id && fits(tier))
    .flatMap((tier) => {
      const price = priceFor(tier, interval);
      if (!price) return [];
      const seats = tier.seats ? carrySeats(tier, plan?.seats)?.seats : undefined;
      const selection: PlanSelection = { tierId: tier.id, interval, ...(seats === undefined ? {} : { seats }) };
      // With a plan, only a change that costs more is an upgrade.
      if (plan && changeKind(catalog, subscription, selection) !== 'upgrade') return [];
      const value = monthlyValue(price.amount, interval) * (price.perSeat ? (seats ?? 1) : 1);
      return [{ tier, selection, value }];
    })
    .sort((a, b) => a.value - b.value);
  const best = candidates[0];
  if (best) return { need, tier: best.tier, selection: best.selection };
  const sales = catalog.tiers.find((tier) => tier.id !== current?.id && !tier.prices.length && fits(tier));
  return sales ? { need, contactSales: sales } : { need };
}
