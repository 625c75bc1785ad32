// Runs in the benchmark page: measures first render (connect -> rendered and laid out)
// of kit elements with their data already loaded, against a plain Lit baseline.
import { createBillingClient, createMemoryAdapter, demoSnapshot } from '/tectra-billing.js';

const KINDS = ['individual', 'team', 'enterprise'];

/** 3 groups x 4 tiers, every tier with prices, limits and features. */
function twelveTierSnapshot() {
  const snapshot = demoSnapshot('new');
  const tiers = [];
  for (const kind of KINDS) {
    for (let i = 1; i <= 4; i++) {
      const perSeat = kind === 'team';
      tiers.push({
        id: `${kind}-${i}`,
        name: `${kind} ${i}`,
        kind,
        description: `The ${kind} tier number ${i}.`,
        prices: [
          { interval: 'month', amount: { amount: 1000 * i, currency: 'USD' }, perSeat },
          { interval: 'year', amount: { amount: 10000 * i, currency: 'USD' }, perSeat },
        ],
        limits: { input_tokens: 1_000_000 * i, output_tokens: 250_000 * i, integrations: 5 * i, transcription_minutes: i === 4 ? null : 100 * i },
        features: ['Feature one', 'Feature two', 'Feature three'],
        ...(perSeat ? { seats: { min: 2, max: 50 } } : {}),
        recommended: i === 2,
      });
    }
  }
  snapshot.catalog.tiers = tiers;
  return snapshot;
}

function plainData(snapshot) {
  return KINDS.map((kind) =>
    snapshot.catalog.tiers
      .filter((t) => t.kind === kind)
      .map((t) => ({
        name: t.name,
        price: `$${t.prices[0].amount.amount / 100} per month`,
        description: t.description,
        limits: Object.entries(t.limits).map(([k, v]) => [k, String(v ?? 'Unlimited')]),
        features: t.features,
      })),
  );
}

async function loaded(client) {
  const stores = [client.$catalog, client.$subscription, client.$usage, client.$invoices];
  const stops = stores.map((s) => s.listen(() => {}));
  await new Promise((resolve) => {
    const check = () => (stores.every((s) => s.get().status === 'ready') ? resolve() : setTimeout(check, 5));
    check();
  });
  return stops; // kept: the data stays loaded for every run
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function time(mount, ready, runs) {
  const samples = [];
  const host = document.getElementById('stage');
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const el = mount();
    host.append(el);
    await ready(el);
    void el.getBoundingClientRect().height; // include style and layout
    const t1 = performance.now();
    if (i >= 3) samples.push(t1 - t0); // the first runs warm up the JIT
    el.remove();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return { median: median(samples), p25: quantile(samples, 0.25), p75: quantile(samples, 0.75), runs: samples.length };
}

async function deepUpdate(el, selector) {
  // The provider's children render after the provider; wait for the measured element.
  const target = el.matches(selector) ? el : el.querySelector(selector);
  await target.updateComplete;
  if (!target.shadowRoot.querySelector('[part="tier"], [part="tier-name"]')) throw new Error(`${selector} did not render data`);
}

export async function run(runs = 25) {
  const snapshot = twelveTierSnapshot();
  const client = createBillingClient({ adapter: createMemoryAdapter(snapshot) });
  await loaded(client);
  const withProvider = (tag) => () => {
    const provider = document.createElement('tectra-billing-provider');
    provider.client = client;
    provider.append(document.createElement(tag));
    return provider;
  };
  const summaryClient = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot('team')) });
  await loaded(summaryClient);
  const withSummary = () => {
    const provider = document.createElement('tectra-billing-provider');
    provider.client = summaryClient;
    provider.append(document.createElement('tectra-billing-summary'));
    return provider;
  };
  const plain = plainData(snapshot);
  const results = {};
  results.baseline = await time(
    () => Object.assign(document.createElement('plain-tiers'), { tiers: plain }),
    (el) => el.updateComplete,
    runs,
  );
  results['tier-picker (3 groups x 4 tiers)'] = await time(withProvider('tectra-tier-picker'), (el) => deepUpdate(el, 'tectra-tier-picker'), runs);
  results['billing-summary (team)'] = await time(withSummary, (el) => deepUpdate(el, 'tectra-billing-summary'), runs);
  // 10,000 invoices already in the store.
  const invoices = Array.from({ length: 10_000 }, (_, i) => {
    const start = new Date(Date.UTC(2026, 10 - i, 1)).toISOString();
    return { id: `in_${i}`, number: `INV-${i}`, status: i % 7 ? 'paid' : 'open', total: { amount: 4900, currency: 'USD' }, amountDue: { amount: 0, currency: 'USD' },
      createdAt: start, periodStart: start, periodEnd: start, pdfUrl: `https://x.example/${i}.pdf`, hostedUrl: `https://x.example/${i}` };
  });
  const memory = createMemoryAdapter(demoSnapshot('individual-active'));
  const invoiceClient = createBillingClient({ adapter: { ...memory, listInvoices: async () => ({ items: invoices, nextCursor: null }) } });
  await loaded(invoiceClient);
  let rowsInDom = 0;
  results['invoice-list (10,000 invoices)'] = await time(
    () => {
      const provider = document.createElement('tectra-billing-provider');
      provider.client = invoiceClient;
      provider.append(document.createElement('tectra-invoice-list'));
      return provider;
    },
    async (el) => {
      const list = el.querySelector('tectra-invoice-list');
      await list.updateComplete;
      // The virtualizer renders its rows in the next frames.
      while (!list.shadowRoot.querySelector('[role="row"][data-index]')) await new Promise((r) => requestAnimationFrame(r));
      rowsInDom = list.shadowRoot.querySelectorAll('[role="row"][data-index]').length;
    },
    runs,
  );
  results['invoice-list (10,000 invoices)'].rowsInDom = rowsInDom;
  return { firstRender: results, usageBurst: await usageBurst() };
}

/** 1,000 pushed usage updates, one per task: renders of the meter versus animation frames. */
async function usageBurst() {
  const adapter = createMemoryAdapter(demoSnapshot('individual-active'), { pushUsage: true });
  const client = createBillingClient({ adapter });
  const provider = document.createElement('tectra-billing-provider');
  provider.client = client;
  const meter = document.createElement('tectra-usage-meter');
  provider.append(meter);
  document.getElementById('stage').append(provider);
  while (!meter.shadowRoot?.querySelector('[part="meter"]')) await new Promise((r) => setTimeout(r, 5));
  let renders = 0;
  const render = meter.render.bind(meter);
  meter.render = () => (renders++, render());
  let frames = 0;
  let counting = true;
  const frame = () => counting && (frames++, requestAnimationFrame(frame));
  requestAnimationFrame(frame);
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    adapter.recordUsage('input_tokens', 1000);
    await new Promise((r) => setTimeout(r, 0));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  counting = false;
  const ms = performance.now() - t0;
  provider.remove();
  return { updates: 1000, renders, frames, ms };
}
