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
    expect(rows.map((r) => r.version)).toEqual([1]);
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
});
