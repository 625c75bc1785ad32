/**
 * What the handler keeps beside the engine: one answer per idempotency key. The memory
 * store serves one process (tests, the demo); a Postgres store serves many machines.
 */

/** How long a claim may run without an answer before the same request may take it over (a machine died mid-request). */
export const STALE_CLAIM_MS = 120_000;

/** A stored answer, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  body: string;
}

export type Claim =
  /** This request runs the operation; it must `complete` or `release` the claim. */
  | { kind: 'claimed' }
  /** Done before with the same request: its answer. */
  | { kind: 'done'; answer: StoredAnswer }
  /** Done or running with another request under the same key. */
  | { kind: 'mismatch' }
  /** Another request with the same key is still running. */
  | { kind: 'running' };

export interface IdempotencyKeyRef {
  accountId: string;
  route: string;
  key: string;
}

export interface BillingStore {
  /** Claims a key for a request (its fingerprint): exactly one of concurrent claimers gets `claimed`. */
  claim(ref: IdempotencyKeyRef, fingerprint: string): Promise<Claim>;
  /** Stores the answer of a claimed key (successes only). */
  complete(ref: IdempotencyKeyRef, answer: StoredAnswer): Promise<void>;
  /** Gives a claimed key up (a failure, a decline, 3-D Secure to do): the next request with it runs again. */
  release(ref: IdempotencyKeyRef): Promise<void>;
  /**
   * Records a notice (a usage alert for an account, meter, threshold and period) and answers
   * whether it is the first: one email per crossing, however many machines see it. Without
   * it, the handler remembers notices in its process.
   */
  firstNotice?(notice: string): Promise<boolean>;
}

interface Entry {
  fingerprint: string;
  answer?: StoredAnswer;
  claimedAt: number;
}

/** A store in this process's memory: for tests, the demo and one-machine development. */
export function createMemoryStore(): BillingStore {
  const entries = new Map<string, Entry>();
  const notices = new Set<string>();
  const id = (ref: IdempotencyKeyRef) => JSON.stringify([ref.accountId, ref.route, ref.key]);
  return {
    async claim(ref, fingerprint) {
      const entry = entries.get(id(ref));
      const stale = entry && !entry.answer && entry.fingerprint === fingerprint && Date.now() - entry.claimedAt > STALE_CLAIM_MS;
      if (!entry || stale) {
        entries.set(id(ref), { fingerprint, claimedAt: Date.now() });
        return { kind: 'claimed' };
      }
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return entry.answer ? { kind: 'done', answer: entry.answer } : { kind: 'running' };
    },
    async complete(ref, answer) {
      const entry = entries.get(id(ref));
      if (entry) entry.answer = answer;
    },
    async release(ref) {
      entries.delete(id(ref));
    },
    async firstNotice(notice) {
      return !notices.has(notice) && !!notices.add(notice);
    },
  };
}
