/**
 * The store in Postgres: `pg` in production (any managed Postgres, as many machines as
 * needed), PGlite embedded for the demo, development and tests. One SQL dialect for both.
 * Exactly one of concurrent claimers wins a key: `INSERT ... ON CONFLICT DO NOTHING RETURNING`.
 */
import type { BillingStore, Claim } from './store.js';

/** What the store needs of a client: `pg`'s Pool and PGlite both have it. */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** The schema, step by step; a step runs once per database (recorded in tectra_migrations). */
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
];

export interface PostgresStore extends BillingStore {
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
  return {
    migrate,
    async claim(ref, fingerprint): Promise<Claim> {
      await migrate();
      const won = await pool.query(
        'INSERT INTO tectra_idempotency (account_id, route, key, fingerprint) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1 AS won',
        [ref.accountId, ref.route, ref.key, fingerprint],
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
