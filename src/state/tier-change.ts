/**
 * Changing the tier of a running subscription: quote, confirm, change. Kept in the
 * client (not in an element) so any element can show where a change stands. Loaded by
 * the client with the first request for a change: accounts that never change never load it.
 */
import type { MapStore, ReadableAtom } from 'nanostores';
import { BillingError, isAbortError, toBillingError } from '../core/errors.js';
import { sameSelection } from '../core/plans.js';
import type { ActivationResult, ChangeTierRequest, PlanSelection, Quote, Subscription } from '../core/types.js';

export type TierChangeStatus =
  | 'idle'
  | 'quoting'
  | 'quoted'
  | 'quote_failed'
  | 'changing'
  | 'changed'
  | 'change_failed';

export interface TierChangeState {
  status: TierChangeStatus;
  /** The tier, interval and seats being changed to. */
  selection?: PlanSelection;
  quote?: Quote;
  /** The quote was fetched again because the previous one expired. */
  refreshed?: boolean;
  error?: BillingError;
  /** The subscription after a successful change. */
  subscription?: Subscription;
}

interface Deps {
  previewChange(selection: PlanSelection, options: { signal: AbortSignal }): Promise<Quote>;
  changeTier(request: ChangeTierRequest): Promise<ActivationResult>;
  now?: () => number;
}

export interface TierChange {
  readonly $change: ReadableAtom<TierChangeState>;
  /** Quotes a change; a newer request replaces an older one (whose answer is dropped). */
  requestChange(selection: PlanSelection): Promise<void>;
  /**
   * Confirms the quoted change, once: repeated calls while it runs share it. An expired
   * quote is fetched again instead of being used, and the caller must confirm again.
   */
  confirmChange(): Promise<Subscription | undefined>;
  cancelChange(): void;
}

/** `$change` is made by the client up front; this module loads with the first request for a change. */
export function createTierChange(deps: Deps, $change: MapStore<TierChangeState>): TierChange {
  const now = deps.now ?? Date.now;
  let controller: AbortController | undefined;
  let pending: Promise<Subscription | undefined> | undefined;
  // One key per quoted purchase: retries after a failure reuse it, a new quote gets a new one.
  let idempotencyKey: string | undefined;

  async function quote(selection: PlanSelection, refreshed: boolean): Promise<void> {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    $change.set({ status: 'quoting', selection });
    try {
      const q = await deps.previewChange(selection, { signal: own.signal });
      if (controller !== own) return;
      idempotencyKey = crypto.randomUUID();
      $change.set({ status: 'quoted', selection, quote: q, ...(refreshed ? { refreshed: true } : {}) });
    } catch (error) {
      if (controller !== own || isAbortError(error)) return;
      $change.set({ status: 'quote_failed', selection, error: toBillingError(error) });
    }
  }

  function expired(q: Quote): boolean {
    return q.expiresAt !== undefined && Date.parse(q.expiresAt) <= now();
  }

  return {
    $change,
    requestChange(selection) {
      const current = $change.get();
      if (sameSelection(current.selection, selection) && (current.status === 'quoting' || current.status === 'quoted')) {
        return Promise.resolve();
      }
      return quote(selection, false);
    },
    confirmChange() {
      if (pending) return pending;
      const state = $change.get();
      const { selection, quote: q } = state;
      if (!selection || !q || (state.status !== 'quoted' && state.status !== 'change_failed')) {
        return Promise.resolve(undefined);
      }
      if (expired(q)) return quote(selection, true).then(() => undefined);
      const key = idempotencyKey ?? crypto.randomUUID();
      idempotencyKey = key;
      $change.set({ ...state, status: 'changing', error: undefined });
      pending = (async () => {
        try {
          const result = await deps.changeTier({ ...selection, ...(q.id ? { quoteId: q.id } : {}), idempotencyKey: key });
          if (result.status !== 'succeeded') {
            throw new BillingError('authentication_failed', 'The change needs an action this form cannot take.');
          }
          $change.set({ status: 'changed', selection, quote: q, subscription: result.subscription });
          idempotencyKey = undefined;
          return result.subscription;
        } catch (error) {
          $change.set({ status: 'change_failed', selection, quote: q, error: toBillingError(error) });
          return undefined;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },
    cancelChange() {
      if (pending) return;
      controller?.abort();
      controller = undefined;
      idempotencyKey = undefined;
      $change.set({ status: 'idle' });
    },
  };
}
