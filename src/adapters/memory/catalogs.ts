import type { Catalog, Credits, Meter, Money, OveragePrice, Tier } from '../../core/types.js';

/** The four meters every demo tier limits, with their units. */
export const DEMO_METERS: ReadonlyArray<readonly [string, Meter['unit']]> = [
  ['input_tokens', 'tokens'],
  ['output_tokens', 'tokens'],
  ['integrations', 'count'],
  ['transcription_minutes', 'minutes'],
];

/**
 * What the demo charges beyond a plan's limit, per meter, in minor units of the catalog's
 * currency: tokens by the million, minutes one by one; integrations are not sold beyond it.
 */
export function demoOveragePrices(currency: string): Record<string, OveragePrice> {
  const price = (cents: number, per = 1e6): OveragePrice => ({ amount: { amount: currency === 'JPY' ? cents * 1.5 : cents, currency }, per });
  return { input_tokens: price(300), output_tokens: price(1500), transcription_minutes: price(2, 1) };
}

/**
 * The demo's prepaid credit on sale, in US cents: packs of $10, $25 and $55 for $50, and an
 * amount of the customer's own from $5 to $500. The simulator's prepaid scenarios and the
 * Stripe engine's demo offer both sell it.
 */
export function demoCreditPacks(): Pick<Credits, 'packs' | 'customAmount'> {
  const usd = (amount: number): Money => ({ amount, currency: 'USD' });
  const pack = (dollars: number, price = dollars) => ({ id: `credit_${price}`, credit: usd(dollars * 100), price: usd(price * 100) });
  return { packs: [pack(10), pack(25), pack(55, 50)], customAmount: { min: usd(500), max: usd(50000) } };
}

interface TierPrices {
  starter: [number, number];
  pro: [number, number];
  team: [number, number];
  business: [number, number];
}

const USD: TierPrices = {
  starter: [1900, 19000],
  pro: [4900, 49000],
  team: [3900, 39000],
  business: [6900, 69000],
};

const JPY: TierPrices = {
  starter: [2900, 29000],
  pro: [7400, 74000],
  team: [5900, 59000],
  business: [9900, 99000],
};

function prices(currency: string, [month, year]: [number, number], perSeat: boolean): Tier['prices'] {
  return [
    { interval: 'month', amount: { amount: month, currency }, perSeat },
    { interval: 'year', amount: { amount: year, currency }, perSeat },
  ];
}

/** The demo catalog: two individual tiers, two team tiers and enterprise. */
export function demoCatalog(currency: 'USD' | 'JPY' = 'USD'): Catalog {
  const p = currency === 'JPY' ? JPY : USD;
  return {
    currency,
    tiers: [
      {
        id: 'starter',
        name: 'Starter',
        kind: 'individual',
        description: 'For trying Tectra automations on your own.',
        prices: prices(currency, p.starter, false),
        limits: { input_tokens: 2_000_000, output_tokens: 500_000, integrations: 3, transcription_minutes: 120 },
        features: ['Email support', 'Community templates', '7-day run history'],
      },
      {
        id: 'pro',
        name: 'Pro',
        kind: 'individual',
        description: 'For professionals automating their daily work.',
        prices: prices(currency, p.pro, false),
        limits: { input_tokens: 10_000_000, output_tokens: 2_500_000, integrations: 15, transcription_minutes: 600 },
        features: ['Priority email support', 'Premium models', '90-day run history', 'Scheduled automations'],
        recommended: true,
      },
      {
        id: 'team',
        name: 'Team',
        kind: 'team',
        description: 'Shared automations and pooled usage for small teams.',
        prices: prices(currency, p.team, true),
        limits: { input_tokens: 50_000_000, output_tokens: 12_000_000, integrations: 50, transcription_minutes: 3_000 },
        features: ['Shared workspace', 'Pooled usage', 'Roles and permissions', '1-year run history'],
        seats: { min: 3, max: 100 },
        recommended: true,
      },
      {
        id: 'business',
        name: 'Business',
        kind: 'team',
        description: 'Advanced controls for growing organisations.',
        prices: prices(currency, p.business, true),
        limits: { input_tokens: 200_000_000, output_tokens: 50_000_000, integrations: null, transcription_minutes: 12_000 },
        features: ['Everything in Team', 'SAML single sign-on', 'Audit log', 'Unlimited integrations'],
        seats: { min: 5, max: 250 },
      },
      {
        id: 'enterprise',
        name: 'Enterprise',
        kind: 'enterprise',
        description: 'Custom limits, security review and a dedicated success manager.',
        prices: [],
        limits: { input_tokens: null, output_tokens: null, integrations: null, transcription_minutes: null },
        features: ['Unlimited usage', 'Dedicated success manager', 'Custom contract and invoicing', '99.9 % uptime SLA'],
        contactSalesUrl: 'https://tectra.example/contact-sales',
      },
    ],
  };
}

/**
 * The demo's tax by country, in percent (VAT and GST standard rates, where a seller of a
 * digital service registered there would charge them). Elsewhere no tax is collected.
 */
export const DEMO_TAX_RATES: Record<string, number> = { AU: 10, DE: 19, FR: 20, GB: 20, JP: 10, NL: 21 };
