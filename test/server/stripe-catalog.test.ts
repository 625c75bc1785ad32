// The catalog in Stripe, both ways: the create calls a catalog becomes (products with the kit's
// metadata, prices by lookup key, coupons and promotion codes), and what is read back from an
// account that also sells other things, has retired prices, or lists products out of order.
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../src/adapters/memory/catalogs.js';
import { demoCoupons } from '../../src/adapters/memory/scenarios.js';
import { catalogFromStripe, setUpStripeCatalog, stripeCatalogSetup } from '../../src/server/index.js';
import { createStripeDouble } from '../stripe-double/double.js';

const product = (id: string, metadata: Record<string, string>, extra: Partial<Stripe.Product> = {}) =>
  ({ id, object: 'product', active: true, name: id.toUpperCase(), description: null, metadata, marketing_features: [], ...extra }) as unknown as Stripe.Product;
const price = (id: string, productId: string, interval: 'month' | 'year', amount: number | null, extra: Partial<Stripe.Price> = {}) =>
  ({ id, object: 'price', active: true, product: productId, currency: 'eur', unit_amount: amount, recurring: { interval }, lookup_key: null, ...extra }) as unknown as Stripe.Price;

describe('the catalog in Stripe', () => {
  it('turns each tier into a product with the kit’s metadata and a price per interval under its lookup key', () => {
    const setup = stripeCatalogSetup(demoCatalog());
    const tiers = demoCatalog().tiers;
    const team = setup[tiers.findIndex((t) => t.id === 'team')]!;
    expect(team.product.metadata).toEqual({
      tectra_tier: 'team',
      tectra_kind: 'team',
      tectra_order: String(tiers.findIndex((t) => t.id === 'team')),
      tectra_per_seat: 'true',
      tectra_seats_min: '3',
      tectra_seats_max: '100',
      ...(tiers.find((t) => t.id === 'team')?.recommended ? { tectra_recommended: 'true' } : {}),
      tectra_limit_input_tokens: '50000000',
      tectra_limit_output_tokens: '12000000',
      tectra_limit_integrations: '50',
      tectra_limit_transcription_minutes: '3000',
    });
    expect(team.prices).toEqual([
      { currency: 'usd', unit_amount: 3900, recurring: { interval: 'month' }, lookup_key: 'tectra_team_month', metadata: { tectra_tier: 'team' } },
      { currency: 'usd', unit_amount: 39000, recurring: { interval: 'year' }, lookup_key: 'tectra_team_year', metadata: { tectra_tier: 'team' } },
    ]);
    const starter = setup[0]!;
    expect(starter.product.metadata).not.toHaveProperty('tectra_per_seat');
    expect(starter.product.metadata).not.toHaveProperty('tectra_seats_min');
    expect(starter.product.metadata).not.toHaveProperty('tectra_contact_sales_url');
    const enterprise = setup[tiers.findIndex((t) => t.id === 'enterprise')]!;
    expect(enterprise.product.metadata).toMatchObject({ tectra_limit_input_tokens: 'unlimited', tectra_contact_sales_url: tiers.find((t) => t.id === 'enterprise')?.contactSalesUrl });
    expect(enterprise.prices).toEqual([]);
    // Round trip: what the setup creates reads back as the catalog.
    const { catalog: back } = catalogFromStripe(
      setup.map((s, i) => product(`prod_${i}`, s.product.metadata as Record<string, string>, { name: s.product.name, description: s.product.description ?? null, marketing_features: (s.product.marketing_features ?? []).map((f) => ({ name: f.name })) })),
      setup.flatMap((s, i) => s.prices.map((p, j) => price(`price_${i}_${j}`, `prod_${i}`, p.recurring?.interval as 'month', p.unit_amount ?? null, { currency: 'usd', lookup_key: p.lookup_key ?? null }))),
    );
    expect(back).toEqual(demoCatalog());
  });

  it('reads only the kit’s active products and prices, prefers the lookup key, and orders tiers by their metadata', () => {
    const { catalog, priceOf, productOf, tierOfPrice } = catalogFromStripe(
      [
        product('prod_big', { tectra_tier: 'big', tectra_order: '1', tectra_seats_min: '2', tectra_limit_calls: '100' }, { marketing_features: [{ name: 'Priority' }, {}] as Stripe.Product.MarketingFeature[] }),
        product('prod_small', { tectra_tier: 'small', tectra_order: '0', tectra_seats_min: '0' }),
        product('prod_gone', { tectra_tier: 'gone', tectra_order: '2' }, { active: false }),
        product('prod_tshirt', {}),
      ],
      [
        price('price_big_old', 'prod_big', 'month', 900),
        price('price_big_month', 'prod_big', 'month', 1000, { lookup_key: 'tectra_big_month' }),
        price('price_big_retired', 'prod_big', 'year', 9000, { active: false }),
        price('price_big_metered', 'prod_big', 'year', null),
        price('price_small_year', 'prod_small', 'year', 5000),
        price('price_small_once', 'prod_small', 'month', 300, { recurring: null }),
        price('price_tshirt', 'prod_tshirt', 'month', 2500),
      ],
    );
    expect(catalog).toEqual({
      currency: 'EUR',
      tiers: [
        { id: 'small', name: 'PROD_SMALL', kind: 'individual', prices: [{ interval: 'year', amount: { amount: 5000, currency: 'EUR' }, perSeat: false }], limits: {}, features: [] },
        { id: 'big', name: 'PROD_BIG', kind: 'individual', prices: [{ interval: 'month', amount: { amount: 1000, currency: 'EUR' }, perSeat: false }], limits: { calls: 100 }, features: ['Priority'], seats: { min: 2 } },
      ],
    });
    expect([...productOf]).toEqual([['big', 'prod_big'], ['small', 'prod_small']]);
    expect([...priceOf.keys()]).toEqual(['big/month', 'small/year']);
    expect([...tierOfPrice]).toEqual([['price_big_month', 'big'], ['price_small_year', 'small']]);
    // Without a lookup key, the interval's price is still the tier's.
    expect(catalogFromStripe([product('prod_a', { tectra_tier: 'a' })], [price('price_a', 'prod_a', 'month', 100)]).priceOf.get('a/month')?.id).toBe('price_a');
    // Tiers without an order keep Stripe's order; an empty account is in dollars.
    expect(catalogFromStripe([product('p2', { tectra_tier: 'b' }), product('p1', { tectra_tier: 'a' })], []).catalog.tiers.map((t) => t.id)).toEqual(['b', 'a']);
    expect(catalogFromStripe([], []).catalog).toEqual({ currency: 'USD', tiers: [] });
  });

  it('sets up products, prices, coupons and promotion codes once, as Stripe wants them', async () => {
    const double = createStripeDouble();
    const stripe = double.client();
    const result = await setUpStripeCatalog(stripe, demoCatalog(), demoCoupons('USD'));
    const calls = (route: string) => double.calls.filter((c) => `${c.method} ${c.path}` === route).map((c) => c.params);
    expect(calls('GET /v1/prices')[0]).toEqual({ lookup_keys: demoCatalog().tiers.flatMap((t) => t.prices.map((p) => `tectra_${t.id}_${p.interval}`)), limit: '100' });
    expect(calls('GET /v1/products')[0]).toEqual({ active: 'true', limit: '100' });
    const coupons = calls('POST /v1/coupons');
    expect(coupons).toEqual([
      { name: 'WELCOME20', duration: 'repeating', percent_off: '20', duration_in_months: '3' },
      { name: 'LAUNCH50', duration: 'once', percent_off: '50' },
      { name: 'TEAMFOREVER', duration: 'forever', percent_off: '10', applies_to: { products: [result.productOf.get('team'), result.productOf.get('business')] } },
      { name: 'TENOFF', duration: 'once', amount_off: '1000', currency: 'usd' },
      { name: 'EXPIRED10', duration: 'once', percent_off: '10' },
    ]);
    const codes = calls('POST /v1/promotion_codes');
    expect(codes.map((c) => [c.code, c.active, (c.promotion as { type: string }).type])).toEqual([
      ['WELCOME20', 'true', 'coupon'],
      ['LAUNCH50', 'true', 'coupon'],
      ['TEAMFOREVER', 'true', 'coupon'],
      ['TENOFF', 'true', 'coupon'],
      ['EXPIRED10', 'false', 'coupon'],
    ]);
    expect(new Set(codes.map((c) => (c.promotion as { coupon: string }).coupon)).size).toBe(5);
    expect(calls('POST /v1/prices').every((p) => (p.metadata as Record<string, string>).tectra_tier === p.lookup_key?.toString().split('_')[1])).toBe(true);
    // A price retired by hand is made again; the rest is kept.
    const retired = [...double.state.prices.values()].find((p) => p.lookup_key === 'tectra_pro_year')!;
    double.state.prices.delete(retired.id);
    const before = double.calls.length;
    await setUpStripeCatalog(stripe, demoCatalog(), demoCoupons('USD'));
    const again = double.calls.slice(before).filter((c) => c.method === 'POST').map((c) => [c.path, c.params.lookup_key]);
    expect(again).toEqual([['/v1/prices', 'tectra_pro_year']]);
  });
});
