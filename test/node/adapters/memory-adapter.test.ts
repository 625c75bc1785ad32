import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, demoSnapshot, DEMO_SCENARIOS } from '../../../src/adapters/memory/index.js';
import { BillingError } from '../../../src/core/errors.js';
import { catalogSchema, invoicePageSchema, subscriptionSchema, usageSchema, validate } from '../../../src/core/validation.js';
import { NOW } from '../../memory-client.js';
import { adapterContract } from './contract.js';

adapterContract('memory adapter', (scenario) => createMemoryAdapter(demoSnapshot(scenario, { now: NOW }), { now: () => new Date(NOW) }));

describe('memory adapter: simulator options', () => {
  it('every demo scenario is a valid snapshot', async () => {
    for (const scenario of DEMO_SCENARIOS) {
      const adapter = createMemoryAdapter(demoSnapshot(scenario));
      validate(catalogSchema, await adapter.getCatalog(), `${scenario} catalog`);
      validate(subscriptionSchema, await adapter.getSubscription(), `${scenario} subscription`);
      validate(usageSchema, await adapter.getUsage(), `${scenario} usage`);
      validate(invoicePageSchema, await adapter.listInvoices({}), `${scenario} invoices`);
    }
  });

  it('injects faults, for a number of calls only', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('new'), { faults: { getCatalog: { code: 'server', times: 1 } } });
    const error = await adapter.getCatalog().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BillingError);
    expect((error as BillingError).code).to.equal('server');
    expect((await adapter.getCatalog()).tiers).to.not.be.empty;
    expect(adapter.count('getCatalog')).to.equal(2);
  });

  it('simulates latency and honours an abort signal', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('new'), { latencyMs: 1000 });
    const controller = new AbortController();
    const pending = adapter.getCatalog({ signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('returns copies: callers cannot change the simulator state', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('team'));
    const sub = await adapter.getSubscription();
    sub.seats = 999;
    expect((await adapter.getSubscription()).seats).to.equal(8);
  });

  it('prices JPY in whole yen', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('jpy'));
    const sub = await adapter.getSubscription();
    expect(sub.nextPayment?.amount).to.deep.equal({ amount: 7400, currency: 'JPY' });
  });
});

describe('memory adapter: usage by day', () => {
  it('spreads the usage a scenario starts with over the period so far, weekdays busier, adding up to each meter exactly', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('individual-active', { now: NOW }), { now: () => new Date(NOW) });
    const [usage, daily] = await Promise.all([adapter.getUsage(), adapter.getDailyUsage!()]);
    expect(daily.period).toEqual(usage.period);
    expect(daily.days[0]?.date).toBe(usage.period.start.slice(0, 10));
    expect(daily.days.at(-1)?.date).toBe(NOW.slice(0, 10));
    for (const meter of usage.meters) expect(daily.days.reduce((sum, d) => sum + (d.used[meter.key] ?? 0), 0), meter.key).toBe(meter.used);
    const tokens = (date: string) => daily.days.find((d) => d.date === date)?.used.input_tokens ?? 0;
    const weekday = daily.days.find((d) => ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))!;
    const weekend = daily.days.find((d) => [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))!;
    expect(tokens(weekday.date)).toBeGreaterThan(tokens(weekend.date));
    // The same every time: a designer's screenshot does not change from run to run.
    expect(await adapter.getDailyUsage!()).toEqual(daily);
  });

  it('puts what is recorded on the day it happened', async () => {
    let now = new Date(NOW);
    const adapter = createMemoryAdapter(demoSnapshot('individual-active', { now: NOW }), { now: () => now });
    const before = await adapter.getDailyUsage!();
    adapter.recordUsage('output_tokens', 5000);
    now = new Date(Date.parse(NOW) + 86_400_000);
    adapter.recordUsage('output_tokens', 700);
    const after = await adapter.getDailyUsage!();
    const on = (list: typeof after, date: string) => list.days.find((d) => d.date === date)?.used.output_tokens ?? 0;
    const today = NOW.slice(0, 10);
    const tomorrow = now.toISOString().slice(0, 10);
    expect(on(after, today) - on(before, today)).toBe(5000);
    expect(on(after, tomorrow)).toBe(700);
  });
});
