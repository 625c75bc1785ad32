// The reference server in-process (lib/server, so `npm run build` first): the handler's
// overhead per request against a bare Fetch handler doing the same engine call in the same
// run (p50, p99), usage ingestion through handler.usage.record in events/s, and memory.
// The store is the memory store: a Postgres round trip adds its own latency per change.
import { performance } from 'node:perf_hooks';
import { createBillingHandler, createMemoryStore, createSimulatorEngine } from '../lib/server/index.js';

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
  globalThis.gc?.();
  const memory = process.memoryUsage();
  return {
    requests,
    read: { handler: readHandler, bare: readBare },
    quote: { handler: quoteHandler, bare: quoteBare },
    usage: { events, perSecond: events / seconds, accounts: 100 },
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
    `| handler.usage.record, ${s.usage.events.toLocaleString('en')} events over ${s.usage.accounts} accounts | ${Math.round(s.usage.perSecond).toLocaleString('en')} events/s |`,
    `| memory after the run (RSS / JS heap) | ${s.memory.rssMb.toFixed(0)} MB / ${s.memory.heapMb.toFixed(0)} MB |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(serverTable(await measureServer()));
