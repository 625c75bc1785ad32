import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingHandler, createPostgresStore, createSimulatorEngine, type SqlClient } from '../../src/server/index.js';

// One embedded Postgres for the file: a cold open takes seconds.
let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
}, 60_000);
afterAll(() => db.close());

const ref = (key: string) => ({ accountId: 'alice', route: 'POST /subscription/activate', key });

describe('the Postgres store (PGlite)', () => {
  it('migrates once, however often and from however many stores it is asked', async () => {
    const stores = [createPostgresStore({ pool: db as unknown as SqlClient }), createPostgresStore({ pool: db as unknown as SqlClient })];
    await Promise.all(stores.map((s) => s.migrate()));
    await stores[0]?.migrate();
    const { rows } = await db.query<{ version: number }>('SELECT version FROM tectra_migrations');
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    // A taxed quote keeps where the customer was placed (step 16); an untaxed one has none.
    const quote = { id: 'quo_taxed', accountId: 'acct_tax', selection: { tierId: 'pro', interval: 'month' as const }, taxLocation: 'DE||10117', expiresAt: '2030-01-01T00:00:00.000Z', used: false };
    await stores[0]?.saveQuote(quote);
    await stores[0]?.saveQuote({ ...quote, id: 'quo_plain', taxLocation: undefined });
    expect(await stores[1]?.quote('quo_taxed')).toEqual(quote);
    expect((await stores[1]?.quote('quo_plain'))?.taxLocation).toBeUndefined();
    const tables = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'tectra_%' ORDER BY 1");
    expect(tables.rows.map((t) => t.name)).toEqual([
      'tectra_account', 'tectra_account_lease', 'tectra_auto_recharge', 'tectra_idempotency', 'tectra_member_limit', 'tectra_meter_outbox', 'tectra_migrations',
      'tectra_quote', 'tectra_spend_cap', 'tectra_usage_alert', 'tectra_usage_counter', 'tectra_usage_notice', 'tectra_webhook_event',
    ]);
  });

  it('brings a database of an earlier release up to date: the steps added since run there, and keep what it holds', async () => {
    const store = createPostgresStore({ pool: db as unknown as SqlClient });
    await store.migrate();
    await store.saveAccount({ accountId: 'acct_before', customerId: 'cus_before' });
    // As the database was before spend caps, members' limits and auto-recharge: twelve steps, none of their tables.
    for (const table of ['tectra_spend_cap', 'tectra_member_limit', 'tectra_auto_recharge']) await db.query(`DROP TABLE ${table}`);
    await db.query('DELETE FROM tectra_migrations WHERE version > 12');
    const upgraded = createPostgresStore({ pool: db as unknown as SqlClient });
    await upgraded.setSpendCap('acct_before', 'input_tokens', { atLimit: 'stop' });
    await upgraded.setMemberLimit('acct_before', 'ben', 'input_tokens', 5);
    await upgraded.saveAutoRecharge('acct_before', { enabled: true, threshold: { amount: 500, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' } });
    expect(await upgraded.spendCaps('acct_before')).toEqual({ input_tokens: { atLimit: 'stop' } });
    expect(await upgraded.memberLimits('acct_before')).toEqual({ ben: { input_tokens: 5 } });
    expect(await upgraded.autoRecharge('acct_before')).toMatchObject({ enabled: true, amount: { amount: 2500 } });
    expect((await upgraded.account('acct_before')).customerId).toBe('cus_before');
  });

  it('gives a key to exactly one of concurrent claimers, then replays, refuses another request and forgets a release', async () => {
    const store = createPostgresStore({ pool: db as unknown as SqlClient });
    const claims = await Promise.all(Array.from({ length: 5 }, () => store.claim(ref('k1'), 'body-a')));
    expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'running')).toHaveLength(4);
    await store.complete(ref('k1'), { status: 200, body: '{"b":1,"a":2}' });
    // The answer as exact text: jsonb would reorder its keys.
    expect(await store.claim(ref('k1'), 'body-a')).toEqual({ kind: 'done', answer: { status: 200, body: '{"b":1,"a":2}' } });
    expect(await store.claim(ref('k1'), 'body-b')).toEqual({ kind: 'mismatch' });
    expect((await store.claim(ref('k2'), 'body-a')).kind).toBe('claimed');
    await store.release(ref('k2'));
    expect((await store.claim(ref('k2'), 'body-a')).kind).toBe('claimed');
    // A done key is not released.
    await store.release(ref('k1'));
    expect((await store.claim(ref('k1'), 'body-a')).kind).toBe('done');
  });

  it('keeps one purchase for five concurrent requests through the handler', async () => {
    const engine = createSimulatorEngine({ scenario: 'new' });
    const handler = createBillingHandler({
      engine,
      store: createPostgresStore({ pool: db as unknown as SqlClient }),
      identify: () => ({ accountId: 'carol' }),
    });
    const buy = () =>
      handler(
        new Request('http://billing.test/api/billing/subscription/activate', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'carol-buys' },
          body: JSON.stringify({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_test_4242' }),
        }),
      );
    const answers = await Promise.all(Array.from({ length: 5 }, buy));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(bodies).size).toBe(1);
    expect(engine.adapterFor('carol').count('activate')).toBe(1);
    expect(engine.adapterFor('carol').snapshot().invoices).toHaveLength(1);
  });

  it('is the handler’s default when no store is given: embedded PGlite, opened with the first change', async () => {
    const handler = createBillingHandler({ engine: createSimulatorEngine(), identify: () => ({ accountId: 'dave' }) });
    const quote = () =>
      handler(
        new Request('http://billing.test/api/billing/quotes', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': 'dave-q' },
          body: JSON.stringify({ selection: { tierId: 'pro', interval: 'month' } }),
        }),
      );
    const first = await quote();
    expect(first.status).toBe(200);
    const again = await quote();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
  }, 60_000);

  it('keeps the Stripe engine’s records: accounts by customer, quotes, counters added concurrently, alerts, the outbox and webhook ids', async () => {
    const store = createPostgresStore({ pool: db as unknown as SqlClient });
    await store.saveAccount({ accountId: 'carol', customerId: 'cus_carol' });
    await store.saveAccount({ accountId: 'carol', customerId: 'cus_carol', subscriptionId: 'sub_1' });
    expect(await store.account('carol')).toEqual({ accountId: 'carol', customerId: 'cus_carol', subscriptionId: 'sub_1' });
    expect(await store.account('nobody')).toEqual({ accountId: 'nobody' });
    expect(await store.accountOfCustomer('cus_carol')).toBe('carol');
    const quote = { id: 'quo_1', accountId: 'carol', selection: { tierId: 'team', interval: 'month' as const, seats: 4 }, prorationDate: 1_790_000_000, expiresAt: '2026-12-02T10:00:00.000Z', used: false };
    await store.saveQuote(quote);
    expect(await store.quote('quo_1')).toEqual(quote);
    await Promise.all(Array.from({ length: 50 }, () => store.addUsage('carol', '2026-11-20', 'input_tokens', 7)));
    expect(await store.usage('carol', '2026-11-20')).toEqual({ input_tokens: 350 });

    await store.setAlerts('carol', 'input_tokens', [0.8, 1]);
    expect(await store.alerts('carol')).toEqual({ input_tokens: [0.8, 1] });
    expect(await store.addUsage('carol', '2026-11-20', 'transcription_minutes', 2.5)).toBe(2.5);
    await store.queueMeterEvents([
      { identifier: 'm1', customerId: 'cus_carol', meter: 'input_tokens', value: 350, timestamp: 1_790_000_000 },
      { identifier: 'm2', customerId: 'cus_carol', meter: 'output_tokens', value: 9, timestamp: 1_790_000_001 },
    ]);
    await store.markMeterEventsSent(['m1']);
    expect(await store.unsentMeterEvents(10)).toEqual([{ identifier: 'm2', customerId: 'cus_carol', meter: 'output_tokens', value: 9, timestamp: 1_790_000_001 }]);
    expect(await Promise.all([store.firstDelivery('evt_1'), store.firstDelivery('evt_1')])).toEqual(expect.arrayContaining([true, false]));
    await store.forgetDelivery('evt_1');
    expect(await store.firstDelivery('evt_1')).toBe(true);
    expect(await store.firstNotice('n1')).toBe(true);
    expect(await store.firstNotice('n1')).toBe(false);
    expect(await Promise.all([store.acquireLease('carol', 'm1', 30_000), store.acquireLease('carol', 'm2', 30_000)])).toEqual(expect.arrayContaining([true, false]));
    const winner = (await store.acquireLease('carol', 'm1', 30_000)) ? 'm1' : 'm2';
    await store.releaseLease('carol', winner === 'm1' ? 'm2' : 'm1'); // only the holder releases
    expect(await store.acquireLease('carol', 'm3', 30_000)).toBe(false);
    await store.releaseLease('carol', winner);
    expect(await store.acquireLease('carol', 'm3', 30_000)).toBe(true);
    // A lease its holder never released (a machine that died) expires.
    expect(await store.acquireLease('dave', 'gone', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.acquireLease('dave', 'next', 30_000)).toBe(true);
  });

  it('lets the same request take over a claim left running by a machine that died', async () => {
    const store = createPostgresStore({ pool: db as unknown as SqlClient });
    const key = ref('stale-1');
    expect(await store.claim(key, 'buy pro')).toEqual({ kind: 'claimed' });
    expect(await store.claim(key, 'buy pro')).toEqual({ kind: 'running' });
    await db.query("UPDATE tectra_idempotency SET created_at = now() - interval '3 minutes' WHERE key = 'stale-1'");
    expect(await store.claim(key, 'buy starter')).toEqual({ kind: 'mismatch' });
    expect(await store.claim(key, 'buy pro')).toEqual({ kind: 'claimed' });
    expect(await store.claim(key, 'buy pro')).toEqual({ kind: 'running' });
  });
});
