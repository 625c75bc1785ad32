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
