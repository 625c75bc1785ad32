/**
 * The catalog in Stripe: one Product per tier, its kit fields in metadata, one recurring
 * Price per interval (`lookup_key` `tectra_<tier>_<interval>`), features as the product's
 * marketing features. `stripeCatalogSetup` turns a catalog into those create calls (the
 * setup script runs it once against your Stripe account); `catalogFromStripe` reads it back.
 */
import type Stripe from 'stripe';
import type { Catalog, Interval, OveragePrice, Tier, TierKind } from '../core/types.js';

const KEY = {
  tier: 'tectra_tier',
  kind: 'tectra_kind',
  order: 'tectra_order',
  perSeat: 'tectra_per_seat',
  seatsMin: 'tectra_seats_min',
  seatsMax: 'tectra_seats_max',
  recommended: 'tectra_recommended',
  contactSales: 'tectra_contact_sales_url',
  limitPrefix: 'tectra_limit_',
  /** `<amount>/<per>` in the catalog's currency: what usage beyond a limit costs. */
  overagePrefix: 'tectra_overage_',
} as const;

export const lookupKey = (tierId: string, interval: Interval) => `tectra_${tierId}_${interval}`;

/**
 * The Stripe create params for a catalog: each product with the prices to create under it.
 * `overage` is what usage beyond a limit costs, per meter, on every tier that limits it.
 */
export function stripeCatalogSetup(
  catalog: Catalog,
  overage: Record<string, OveragePrice> = {},
): Array<{ product: Stripe.ProductCreateParams; prices: Array<Omit<Stripe.PriceCreateParams, 'product'>> }> {
  return catalog.tiers.map((tier, order) => {
    const metadata: Record<string, string> = { [KEY.tier]: tier.id, [KEY.kind]: tier.kind, [KEY.order]: String(order) };
    if (tier.prices.some((p) => p.perSeat)) metadata[KEY.perSeat] = 'true';
    if (tier.seats) {
      metadata[KEY.seatsMin] = String(tier.seats.min);
      if (tier.seats.max !== undefined) metadata[KEY.seatsMax] = String(tier.seats.max);
    }
    if (tier.recommended) metadata[KEY.recommended] = 'true';
    if (tier.contactSalesUrl) metadata[KEY.contactSales] = tier.contactSalesUrl;
    // An unlimited meter is "unlimited" (Stripe metadata is text).
    for (const [meter, limit] of Object.entries(tier.limits)) {
      metadata[`${KEY.limitPrefix}${meter}`] = limit === null ? 'unlimited' : String(limit);
      const price = overage[meter];
      if (limit !== null && price) metadata[`${KEY.overagePrefix}${meter}`] = `${price.amount.amount}/${price.per}`;
    }
    return {
      product: {
        name: tier.name,
        ...(tier.description ? { description: tier.description } : {}),
        metadata,
        marketing_features: tier.features.map((name) => ({ name })),
      },
      prices: tier.prices.map((price) => ({
        currency: price.amount.currency.toLowerCase(),
        unit_amount: price.amount.amount,
        recurring: { interval: price.interval },
        lookup_key: lookupKey(tier.id, price.interval),
        metadata: { [KEY.tier]: tier.id },
      })),
    };
  });
}

/** A catalog tier and the Stripe price behind each of its intervals. */
export interface StripeCatalog {
  catalog: Catalog;
  productOf: Map<string, string>;
  priceOf: Map<string, Stripe.Price>;
  tierOfPrice: Map<string, string>;
  /** What usage beyond each limit costs, by tier id and meter. */
  overageOf: Map<string, Record<string, OveragePrice>>;
}

/** The kit's catalog as the Stripe account has it now: every active product and price. */
export async function readStripeCatalog(stripe: Stripe): Promise<StripeCatalog> {
  const [products, prices] = await Promise.all([
    stripe.products.list({ active: true, limit: 100 }).autoPagingToArray({ limit: 1000 }),
    stripe.prices.list({ active: true, limit: 100 }).autoPagingToArray({ limit: 1000 }),
  ]);
  return catalogFromStripe(products, prices);
}

/** The kit's catalog from Stripe's active products and prices (products without `tectra_tier` are not the kit's). */
export function catalogFromStripe(products: Stripe.Product[], prices: Stripe.Price[]): StripeCatalog {
  const productOf = new Map<string, string>();
  const priceOf = new Map<string, Stripe.Price>();
  const tierOfPrice = new Map<string, string>();
  const overageOf = new Map<string, Record<string, OveragePrice>>();
  const tiers: Array<Tier & { order: number }> = [];
  let currency = 'USD';
  for (const product of products) {
    const m = product.metadata;
    const id = m[KEY.tier];
    if (!product.active || !id) continue;
    const perSeat = m[KEY.perSeat] === 'true';
    const own = prices.filter((p) => p.active && (typeof p.product === 'string' ? p.product : p.product.id) === product.id && p.recurring);
    const tierPrices: Tier['prices'] = [];
    for (const interval of ['month', 'year'] as const) {
      const price = own.find((p) => p.recurring?.interval === interval && p.lookup_key === lookupKey(id, interval)) ?? own.find((p) => p.recurring?.interval === interval);
      if (!price || price.unit_amount === null) continue;
      currency = price.currency.toUpperCase();
      tierPrices.push({ interval, amount: { amount: price.unit_amount, currency }, perSeat });
      priceOf.set(`${id}/${interval}`, price);
      tierOfPrice.set(price.id, id);
    }
    const limits: Tier['limits'] = {};
    const overage: Record<string, OveragePrice> = {};
    for (const [key, value] of Object.entries(m)) {
      if (key.startsWith(KEY.limitPrefix)) limits[key.slice(KEY.limitPrefix.length)] = value === 'unlimited' ? null : Number(value);
      const [amount, per] = key.startsWith(KEY.overagePrefix) ? value.split('/').map(Number) : [];
      // Kept only when well formed: a typo in the dashboard sells no overage rather than a wrong one.
      if (Number.isSafeInteger(amount) && amount! >= 0 && per! > 0) overage[key.slice(KEY.overagePrefix.length)] = { amount: { amount: amount!, currency }, per: per! };
    }
    overageOf.set(id, overage);
    const min = Number(m[KEY.seatsMin]);
    const max = Number(m[KEY.seatsMax]);
    tiers.push({
      id,
      name: product.name,
      kind: (m[KEY.kind] ?? 'individual') as TierKind,
      ...(product.description ? { description: product.description } : {}),
      prices: tierPrices,
      limits,
      features: product.marketing_features.map((f) => f.name ?? '').filter(Boolean),
      ...(min > 0 ? { seats: { min, ...(max > 0 ? { max } : {}) } } : {}),
      ...(m[KEY.contactSales] ? { contactSalesUrl: m[KEY.contactSales] } : {}),
      ...(m[KEY.recommended] === 'true' ? { recommended: true } : {}),
      order: Number(m[KEY.order] ?? tiers.length),
    });
    productOf.set(id, product.id);
  }
  tiers.sort((a, b) => a.order - b.order);
  return { catalog: { currency, tiers: tiers.map(({ order: _order, ...tier }) => tier) }, productOf, priceOf, tierOfPrice, overageOf };
}

/** A promotion code to create with its coupon (the demo's codes: `WELCOME20`, `TEAMFOREVER`...). */
export interface StripeCouponSetup {
  code: string;
  percentOff?: number;
  amountOff?: { amount: number; currency: string };
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths?: number;
  /** Tier ids the code is for (default all). */
  appliesTo?: string[];
  /** Created inactive, to try a code that no longer works. */
  expired?: boolean;
}

/**
 * Creates the catalog's products and prices (and promotion codes) in a Stripe account, once:
 * a product with the tier's id and a price with its lookup key are kept, so it can run again.
 */
export async function setUpStripeCatalog(
  stripe: Stripe,
  catalog: Catalog,
  coupons: StripeCouponSetup[] = [],
  overage: Record<string, OveragePrice> = {},
): Promise<StripeCatalog> {
  const setup = stripeCatalogSetup(catalog, overage);
  const keys = setup.flatMap((s) => s.prices.map((p) => p.lookup_key ?? '')).filter(Boolean);
  const existingPrices = keys.length ? (await stripe.prices.list({ lookup_keys: keys, limit: 100 })).data : [];
  const before = await readStripeCatalog(stripe);
  for (const { product, prices } of setup) {
    // A tier is its product (by tectra_tier) and each price its lookup key: what exists is kept.
    const tierId = String(product.metadata?.[KEY.tier] ?? '');
    const productId = before.productOf.get(tierId) ?? (await stripe.products.create(product)).id;
    for (const price of prices) {
      if (!existingPrices.some((e) => e.lookup_key === price.lookup_key)) await stripe.prices.create({ ...price, product: productId });
    }
  }
  const result = await readStripeCatalog(stripe);
  for (const coupon of coupons) {
    if ((await stripe.promotionCodes.list({ code: coupon.code, limit: 1 })).data.length) continue;
    const productIds = coupon.appliesTo?.map((tierId) => result.productOf.get(tierId)).filter((id): id is string => !!id);
    const created = await stripe.coupons.create({
      name: coupon.code,
      duration: coupon.duration,
      ...(coupon.percentOff !== undefined ? { percent_off: coupon.percentOff } : {}),
      ...(coupon.amountOff ? { amount_off: coupon.amountOff.amount, currency: coupon.amountOff.currency.toLowerCase() } : {}),
      ...(coupon.durationInMonths !== undefined ? { duration_in_months: coupon.durationInMonths } : {}),
      ...(productIds?.length ? { applies_to: { products: productIds } } : {}),
    });
    await stripe.promotionCodes.create({ code: coupon.code, promotion: { type: 'coupon', coupon: created.id }, active: !coupon.expired });
  }
  return result;
}
