// The reference server in-process (lib/server, so `npm run build` first): the handler's
// overhead per request against a bare Fetch handler doing the same engine call in the same
// run (p50, p99), usage ingestion through handler.usage.record in events/s, and memory.
// The store is the memory store: a Postgres round trip adds its own latency per change.
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createBillingHandler, createMemoryStore, createMemoryStripeState, createSimulatorEngine, createStripeEngine, setUpStripeCatalog } from '../lib/server/index.js';
import { demoCatalog } from '../lib/adapters/memory/catalogs.js';

/** The project's Stripe double (TypeScript test code), compiled for this run. */
async function loadStripeDouble() {
  const outfile = 'node_modules/.cache/tectra/stripe-double.mjs';
  mkdirSync('node_modules/.cache/tectra', { recursive: true });
  await build({ entryPoints: ['test/stripe-double/double.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, external: ['stripe'], logLevel: 'warning' });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Usage through the Stripe engine on the double: counted locally, aggregated, flushed to the meters. */
async function stripeUsage(events, accounts) {
  const { createStripeDouble } = await loadStripeDouble();
  const double = createStripeDouble();
  const stripe = double.client();
  await setUpStripeCatalog(stripe, demoCatalog());
  const engine = createStripeEngine({ stripe, publishableKey: 'pk_test_bench', state: createMemoryStripeState(), usageFlushMs: 1_000 });
  const handler = createBillingHandler({ engine, store: createMemoryStore(), identify: () => null, onEvent: () => undefined });
  for (let a = 0; a < accounts; a++) {
    await (await engine.adapterFor(`acct-${a}`)).activate({ tierId: 'team', interval: 'month', seats: 3, paymentMethodId: 'pm_card_visa', idempotencyKey: `k${a}` });
  }
  const start = performance.now();
  // Each second's records at once, as many app servers send them.
  for (let i = 0; i < events; i += 5_000) {
    await Promise.all(Array.from({ length: Math.min(5_000, events - i) }, (_, j) => handler.usage.record(`acct-${(i + j) % accounts}`, 'input_tokens', 1000)));
  }
  await engine.flushUsage();
  const seconds = (performance.now() - start) / 1000;
  const metered = double.state.meterEvents.reduce((sum, e) => sum + Number(e.payload.value), 0);
  if (metered !== events * 1000) throw new Error(`the meters hold ${metered}, not ${events * 1000}`);
  return { events, perSecond: events / seconds, accounts, meterEvents: double.state.meterEvents.length };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function timings(run, count) {
  for (let i = 0; i < 200; i++) await run(i); // warm-up
  const samples = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

export async function measureServer({ requests = 3000, events = 300_000 } = {}) {
  const engine = createSimulatorEngine({ scenario: 'team' });
  const handler = createBillingHandler({ engine, store: createMemoryStore(), identify: (r) => ({ accountId: r.headers.get('x-account') ?? 'a' }) });
  const adapter = engine.adapterFor('a');
  // The same engine call and JSON answer with nothing around it: no identify, routing, checks or keys.
  const bare = async () => new Response(JSON.stringify(await adapter.getSubscription()), { headers: { 'content-type': 'application/json' } });
  const read = () => new Request('http://bench.test/api/billing/subscription', { headers: { 'x-account': 'a' } });
  const readHandler = await timings(async () => (await handler(read())).text(), requests);
  const readBare = await timings(async () => (await bare(read())).text(), requests);
  const quoteBody = JSON.stringify({ selection: { tierId: 'business', interval: 'month', seats: 6 } });
  const quote = (i) =>
    new Request('http://bench.test/api/billing/quotes', {
      method: 'POST',
      headers: { 'x-account': 'a', 'content-type': 'application/json', 'idempotency-key': `q-${i}-${Math.random()}` },
      body: quoteBody,
    });
  const quoteHandler = await timings(async (i) => (await handler(quote(i))).text(), requests);
  const quoteBare = await timings(async () => new Response(JSON.stringify(await adapter.previewChange(JSON.parse(quoteBody).selection))).text(), requests);

  const start = performance.now();
  for (let i = 0; i < events; i++) await handler.usage.record(`acct-${i % 100}`, 'input_tokens', 1000);
  const seconds = (performance.now() - start) / 1000;
  const stripeEngine = await stripeUsage(events, 100);
  globalThis.gc?.();
  const memory = process.memoryUsage();
  return {
    requests,
    read: { handler: readHandler, bare: readBare },
    quote: { handler: quoteHandler, bare: quoteBare },
    usage: { events, perSecond: events / seconds, accounts: 100 },
    stripeUsage: stripeEngine,
    memory: { rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20 },
  };
}

const ms = (n) => `${n.toFixed(3)} ms`;

export function serverTable(s) {
  const row = (name, { handler, bare }) =>
    `| ${name} | ${ms(handler.p50)} | ${ms(handler.p99)} | ${ms(bare.p50)} | ${ms(bare.p99)} | ${(handler.p50 / bare.p50).toFixed(2)}× |`;
  return [
    `| reference server, in process (${s.requests} requests each, simulator engine, memory store) | handler p50 | handler p99 | bare Fetch handler p50 | bare p99 | p50 ratio |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('GET /subscription', s.read),
    row('POST /quotes (body checked, Idempotency-Key claimed and kept)', s.quote),
    '',
    '| reference server: usage and memory | value |',
    '| --- | ---: |',
    `| handler.usage.record, simulator engine, ${s.usage.events.toLocaleString('en')} events over ${s.usage.accounts} accounts | ${Math.round(s.usage.perSecond).toLocaleString('en')} events/s |`,
    `| handler.usage.record, Stripe engine on the double (alerts on, 5,000 records at once, flushed: ${s.stripeUsage.meterEvents} meter events, totals exact) | ${Math.round(s.stripeUsage.perSecond).toLocaleString('en')} events/s |`,
    `| memory after the run (RSS / JS heap) | ${s.memory.rssMb.toFixed(0)} MB / ${s.memory.heapMb.toFixed(0)} MB |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(serverTable(await measureServer()));
