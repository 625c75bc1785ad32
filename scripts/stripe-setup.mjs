// npm run stripe:setup: creates the demo catalog (products, monthly and yearly prices, their
// lookup keys and metadata) and the demo's promotion codes in your Stripe *test* account, so
// createStripeEngine serves the same catalog as the demo. Safe to run again: tiers whose
// prices exist (by lookup key) and codes that exist are left as they are.
//   STRIPE_SECRET_KEY=sk_test_... npm run stripe:setup
import Stripe from 'stripe';
import { demoCatalog, demoOveragePrices } from '../lib/adapters/memory/catalogs.js';
import { demoCoupons } from '../lib/adapters/memory/scenarios.js';
import { setUpStripeCatalog } from '../lib/server/index.js';

const key = process.env.STRIPE_SECRET_KEY ?? '';
if (!key.startsWith('sk_test_')) {
  console.error('Set STRIPE_SECRET_KEY to a test mode secret key (sk_test_...). This script never runs against live mode.');
  process.exit(1);
}
const currency = process.env.TECTRA_CURRENCY === 'JPY' ? 'JPY' : 'USD';
const { catalog } = await setUpStripeCatalog(new Stripe(key), demoCatalog(currency), demoCoupons(currency), demoOveragePrices(currency));
for (const tier of catalog.tiers) {
  console.log(`${tier.id.padEnd(11)} ${tier.prices.map((p) => `${p.interval} ${p.amount.amount} ${p.amount.currency}`).join(', ') || 'contact sales'}`);
}
console.log('Done. Point a webhook endpoint at https://<your app>/api/billing/webhooks/stripe and pass its signing secret as webhooks.secret.');
