/**
 * The store in Postgres: `pg` in production (any managed Postgres, as many machines as
 * needed), PGlite embedded for the demo, development and tests. One SQL dialect for both.
 * Exactly one of concurrent claimers wins a key: `INSERT ... ON CONFLICT DO NOTHING RETURNING`.
 */
import { STALE_CLAIM_MS, type BillingStore, type Claim } from './store.js';
import type { SpendCap } from '../core/types.js';
import type { MeterEventRow, StoredAutoRecharge, StoredQuote, StripeAccountRecord, StripeEngineState } from './stripe-state.js';

/** What the store needs of a client: `pg`'s Pool and PGlite both have it. */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** The schema, step by step, one statement each; a step runs once per database (recorded in tectra_migrations). */
const MIGRATIONS: string[] = [
  `CREATE TABLE IF NOT EXISTS tectra_idempotency (
     account_id text NOT NULL,
     route text NOT NULL,
     key text NOT NULL,
     fingerprint text NOT NULL,
     status integer,
     body text,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (account_id, route, key)
   )`,
  // The Stripe engine's tables (SERVER.md, "Persisted locally"), and the usage alert notices.
  `CREATE TABLE IF NOT EXISTS tectra_account (
     account_id text PRIMARY KEY,
     customer_id text UNIQUE,
     subscription_id text,
     time_zone text,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_quote (
     id text PRIMARY KEY,
     account_id text NOT NULL,
     selection text NOT NULL,
     proration_date bigint,
     expires_at timestamptz NOT NULL,
     used boolean NOT NULL DEFAULT false
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_usage_counter (
     account_id text NOT NULL,
     period_start text NOT NULL,
     meter text NOT NULL,
     used bigint NOT NULL,
     PRIMARY KEY (account_id, period_start, meter)
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_usage_alert (
     account_id text NOT NULL,
     meter text NOT NULL,
     thresholds text NOT NULL,
     PRIMARY KEY (account_id, meter)
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_usage_notice (
     notice text PRIMARY KEY,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_meter_outbox (
     identifier text PRIMARY KEY,
     customer_id text NOT NULL,
     meter text NOT NULL,
     value bigint NOT NULL,
     created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
     sent_at timestamptz
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_webhook_event (
     id text PRIMARY KEY,
     received_at timestamptz NOT NULL DEFAULT now()
   )`,
  // Steps are only ever added at the end: a database has run the ones before.
  `CREATE TABLE IF NOT EXISTS tectra_account_lease (
     account_id text PRIMARY KEY,
     holder text NOT NULL,
     until timestamptz NOT NULL
   )`,
  // Usage in any unit, fractions included (2.5 transcription minutes); meter events stamped.
  'ALTER TABLE tectra_usage_counter ALTER COLUMN used TYPE numeric',
  'ALTER TABLE tectra_meter_outbox ALTER COLUMN value TYPE numeric',
  'ALTER TABLE tectra_meter_outbox ADD COLUMN IF NOT EXISTS happened_at bigint NOT NULL DEFAULT 0',
  // New steps go last: a database keeps the numbers of the steps it ran (one inserted earlier would never run there).
  `CREATE TABLE IF NOT EXISTS tectra_spend_cap (
     account_id text NOT NULL,
     meter text NOT NULL,
     cap text NOT NULL,
     PRIMARY KEY (account_id, meter)
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_member_limit (
     account_id text NOT NULL,
     member_id text NOT NULL,
     meter text NOT NULL,
     units double precision NOT NULL,
     PRIMARY KEY (account_id, member_id, meter)
   )`,
  `CREATE TABLE IF NOT EXISTS tectra_auto_recharge (
     account_id text PRIMARY KEY,
     setting text NOT NULL
   )`,
  // Where Stripe Tax placed a taxed account's customer when a quote was priced.
  `ALTER TABLE tectra_quote ADD COLUMN IF NOT EXISTS tax_location text`,
];

/** The handler's store and the Stripe engine's state in one database: pass it as both `store` and `state`. */
export interface PostgresStore extends BillingStore, StripeEngineState {
  firstNotice(notice: string): Promise<boolean>;
  /** Brings the schema up to date (also done before the first query). */
  migrate(): Promise<void>;
}

export function createPostgresStore({ pool }: { pool: SqlClient }): PostgresStore {
  let ready: Promise<void> | undefined;
  const migrate = () =>
    (ready ??= (async () => {
      await pool.query('CREATE TABLE IF NOT EXISTS tectra_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM tectra_migrations');
      const done = new Set(rows.map((r) => Number(r.version)));
      for (const [index, sql] of MIGRATIONS.entries()) {
        if (done.has(index + 1)) continue;
        await pool.query(sql);
        // Another machine may have run the same step meanwhile: the key keeps one record.
        await pool.query('INSERT INTO tectra_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING', [index + 1]);
      }
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  /** A query after the schema is there. */
  const sql = async <R = Record<string, unknown>>(text: string, params: unknown[] = []) => {
    await migrate();
    return (await pool.query<R>(text, params)).rows;
  };
  return {
    migrate,
    ...stripeState(sql),
    async firstNotice(notice) {
      return (await sql('INSERT INTO tectra_usage_notice (notice) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1 AS won', [notice])).length > 0;
    },
    async claim(ref, fingerprint): Promise<Claim> {
      await migrate();
      // A claim still running after STALE_CLAIM_MS was left by a machine that died: the same
      // request takes it over (the engine's provider keys make running it again safe).
      const won = await pool.query(
        `INSERT INTO tectra_idempotency (account_id, route, key, fingerprint) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, route, key) DO UPDATE SET created_at = now()
         WHERE tectra_idempotency.status IS NULL AND tectra_idempotency.fingerprint = $4
           AND tectra_idempotency.created_at < now() - $5 * interval '1 millisecond'
         RETURNING 1 AS won`,
        [ref.accountId, ref.route, ref.key, fingerprint, STALE_CLAIM_MS],
      );
      if (won.rows.length) return { kind: 'claimed' };
      const { rows } = await pool.query<{ fingerprint: string; status: number | null; body: string | null }>(
        'SELECT fingerprint, status, body FROM tectra_idempotency WHERE account_id = $1 AND route = $2 AND key = $3',
        [ref.accountId, ref.route, ref.key],
      );
      const row = rows[0];
      // Released between our insert and select: claim again.
      if (!row) return this.claim(ref, fingerprint);
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return row.status === null || row.body === null ? { kind: 'running' } : { kind: 'done', answer: { status: Number(row.status), body: row.body } };
    },
    async complete(ref, answer) {
      await migrate();
      await pool.query('UPDATE tectra_idempotency SET status = $4, body = $5 WHERE account_id = $1 AND route = $2 AND key = $3', [
        ref.accountId,
        ref.route,
        ref.key,
        answer.status,
        answer.body,
      ]);
    },
    async release(ref) {
      await migrate();
      await pool.query('DELETE FROM tectra_idempotency WHERE account_id = $1 AND route = $2 AND key = $3 AND status IS NULL', [ref.accountId, ref.route, ref.key]);
    },
  };
}

type Sql = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

function stripeState(sql: Sql): StripeEngineState {
  return {
    async account(accountId) {
      const [row] = await sql<{ customer_id: string | null; subscription_id: string | null; time_zone: string | null }>(
        'SELECT customer_id, subscription_id, time_zone FROM tectra_account WHERE account_id = $1',
        [accountId],
      );
      const record: StripeAccountRecord = { accountId };
      if (row?.customer_id) record.customerId = row.customer_id;
      if (row?.subscription_id) record.subscriptionId = row.subscription_id;
      if (row?.time_zone) record.timeZone = row.time_zone;
      return record;
    },
    async saveAccount(r) {
      await sql(
        // A field left out keeps its value: two paths saving at once cannot wipe each other's link.
        `INSERT INTO tectra_account (account_id, customer_id, subscription_id, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id) DO UPDATE SET
           customer_id = COALESCE($2, tectra_account.customer_id),
           subscription_id = COALESCE($3, tectra_account.subscription_id),
           time_zone = COALESCE($4, tectra_account.time_zone),
           updated_at = now()`,
        [r.accountId, r.customerId ?? null, r.subscriptionId ?? null, r.timeZone ?? null],
      );
    },
    async accountOfCustomer(customerId) {
      return (await sql<{ account_id: string }>('SELECT account_id FROM tectra_account WHERE customer_id = $1', [customerId]))[0]?.account_id;
    },
    async saveQuote(q) {
      await sql(
        `INSERT INTO tectra_quote (id, account_id, selection, proration_date, expires_at, used, tax_location) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET used = $6`,
        [q.id, q.accountId, JSON.stringify(q.selection), q.prorationDate ?? null, q.expiresAt, q.used, q.taxLocation ?? null],
      );
    },
    async quote(id) {
      const [row] = await sql<{ account_id: string; selection: string; proration_date: string | null; expires_at: Date | string; used: boolean; tax_location: string | null }>(
        'SELECT account_id, selection, proration_date, expires_at, used, tax_location FROM tectra_quote WHERE id = $1',
        [id],
      );
      if (!row) return undefined;
      const quote: StoredQuote = { id, accountId: row.account_id, selection: JSON.parse(row.selection) as StoredQuote['selection'], expiresAt: new Date(row.expires_at).toISOString(), used: row.used };
      if (row.proration_date !== null) quote.prorationDate = Number(row.proration_date);
      if (row.tax_location !== null) quote.taxLocation = row.tax_location;
      return quote;
    },
    async addUsage(accountId, periodStart, meter, value) {
      const [row] = await sql<{ used: string }>(
        `INSERT INTO tectra_usage_counter (account_id, period_start, meter, used) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, period_start, meter) DO UPDATE SET used = tectra_usage_counter.used + $4 RETURNING used`,
        [accountId, periodStart, meter, value],
      );
      return Number(row?.used ?? value);
    },
    async usage(accountId, periodStart) {
      const rows = await sql<{ meter: string; used: string }>('SELECT meter, used FROM tectra_usage_counter WHERE account_id = $1 AND period_start = $2', [accountId, periodStart]);
      return Object.fromEntries(rows.map((r) => [r.meter, Number(r.used)]));
    },
    async setAlerts(accountId, meter, thresholds) {
      await sql(
        'INSERT INTO tectra_usage_alert (account_id, meter, thresholds) VALUES ($1, $2, $3) ON CONFLICT (account_id, meter) DO UPDATE SET thresholds = $3',
        [accountId, meter, JSON.stringify(thresholds)],
      );
    },
    async alerts(accountId) {
      const rows = await sql<{ meter: string; thresholds: string }>('SELECT meter, thresholds FROM tectra_usage_alert WHERE account_id = $1', [accountId]);
      return Object.fromEntries(rows.map((r) => [r.meter, JSON.parse(r.thresholds) as number[]]));
    },
    async setSpendCap(accountId, meter, cap) {
      if (!cap) {
        await sql('DELETE FROM tectra_spend_cap WHERE account_id = $1 AND meter = $2', [accountId, meter]);
        return;
      }
      await sql('INSERT INTO tectra_spend_cap (account_id, meter, cap) VALUES ($1, $2, $3) ON CONFLICT (account_id, meter) DO UPDATE SET cap = $3', [
        accountId,
        meter,
        JSON.stringify(cap),
      ]);
    },
    async spendCaps(accountId) {
      const rows = await sql<{ meter: string; cap: string }>('SELECT meter, cap FROM tectra_spend_cap WHERE account_id = $1', [accountId]);
      return Object.fromEntries(rows.map((r) => [r.meter, JSON.parse(r.cap) as SpendCap]));
    },
    async setMemberLimit(accountId, member, meter, limit) {
      if (limit === null) {
        await sql('DELETE FROM tectra_member_limit WHERE account_id = $1 AND member_id = $2 AND meter = $3', [accountId, member, meter]);
        return;
      }
      await sql(
        'INSERT INTO tectra_member_limit (account_id, member_id, meter, units) VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, member_id, meter) DO UPDATE SET units = $4',
        [accountId, member, meter, limit],
      );
    },
    async memberLimits(accountId) {
      const rows = await sql<{ member_id: string; meter: string; units: string | number }>('SELECT member_id, meter, units FROM tectra_member_limit WHERE account_id = $1', [accountId]);
      const out: Record<string, Record<string, number>> = {};
      for (const r of rows) (out[r.member_id] ??= {})[r.meter] = Number(r.units);
      return out;
    },
    async saveAutoRecharge(accountId, setting) {
      await sql('INSERT INTO tectra_auto_recharge (account_id, setting) VALUES ($1, $2) ON CONFLICT (account_id) DO UPDATE SET setting = $2', [accountId, JSON.stringify(setting)]);
    },
    async autoRecharge(accountId) {
      const [row] = await sql<{ setting: string }>('SELECT setting FROM tectra_auto_recharge WHERE account_id = $1', [accountId]);
      return row ? (JSON.parse(row.setting) as StoredAutoRecharge) : undefined;
    },
    async queueMeterEvents(events) {
      for (const e of events) {
        await sql('INSERT INTO tectra_meter_outbox (identifier, customer_id, meter, value, happened_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
          e.identifier,
          e.customerId,
          e.meter,
          e.value,
          e.timestamp,
        ]);
      }
    },
    async unsentMeterEvents(limit) {
      const rows = await sql<{ identifier: string; customer_id: string; meter: string; value: string; happened_at: string }>(
        'SELECT identifier, customer_id, meter, value, happened_at FROM tectra_meter_outbox WHERE sent_at IS NULL ORDER BY created_at, identifier LIMIT $1',
        [limit],
      );
      return rows.map((r): MeterEventRow => ({ identifier: r.identifier, customerId: r.customer_id, meter: r.meter, value: Number(r.value), timestamp: Number(r.happened_at) }));
    },
    async markMeterEventsSent(identifiers) {
      if (identifiers.length) await sql('UPDATE tectra_meter_outbox SET sent_at = now() WHERE identifier = ANY($1)', [identifiers]);
    },
    async acquireLease(accountId, holder, ttlMs) {
      // Taken when free or expired (a machine that died holding it): one winner by the row's key.
      const won = await sql(
        `INSERT INTO tectra_account_lease (account_id, holder, until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
         ON CONFLICT (account_id) DO UPDATE SET holder = $2, until = now() + $3 * interval '1 millisecond'
         WHERE tectra_account_lease.until < now() OR tectra_account_lease.holder = $2
         RETURNING 1 AS won`,
        [accountId, holder, ttlMs],
      );
      return won.length > 0;
    },
    async releaseLease(accountId, holder) {
      await sql('DELETE FROM tectra_account_lease WHERE account_id = $1 AND holder = $2', [accountId, holder]);
    },
    async firstDelivery(eventId) {
      return (await sql('INSERT INTO tectra_webhook_event (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1 AS won', [eventId])).length > 0;
    },
    async forgetDelivery(eventId) {
      await sql('DELETE FROM tectra_webhook_event WHERE id = $1', [eventId]);
    },
  };
}

/**
 * PGlite (embedded Postgres in WebAssembly) as the store: in memory, or in `dataDir`. For
 * the demo, development and tests, not production (it runs one query at a time). Needs the
 * optional package `@electric-sql/pglite`.
 */
export async function createPGliteStore(options: { dataDir?: string } = {}): Promise<PostgresStore> {
  let PGlite: typeof import('@electric-sql/pglite').PGlite;
  try {
    ({ PGlite } = await import('@electric-sql/pglite'));
  } catch (cause) {
    throw new Error(
      'The embedded store needs the package @electric-sql/pglite (npm install @electric-sql/pglite), or pass a store: createPostgresStore({ pool }) with pg, or createMemoryStore().',
      { cause },
    );
  }
  const db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const store = createPostgresStore({ pool: db as unknown as SqlClient });
  await store.migrate();
  return store;
}
