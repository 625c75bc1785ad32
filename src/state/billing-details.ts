/**
 * Billing details' state: a store of the account's details and the actions that change
 * them, one per client (every element showing the details shares it). It sits beside the
 * client rather than in it and loads with the first element that shows billing details,
 * so a page without them does not pay for it.
 */
import type { ReadableAtom } from 'nanostores';
import { BillingError } from '../core/errors.js';
import { normalizeTaxId } from '../core/tax-ids.js';
import type { BillingDetails, BillingDetailsUpdate, TaxId, TaxIdType } from '../core/types.js';
import type { BillingClient } from './client.js';
import { checked } from './checked.js';
import { guarded } from './guarded.js';
import { keyedRequests } from './request-keys.js';
import { createResource, type Resource } from './resource.js';

export interface BillingDetailsState {
  /** The account's billing details, loaded when first read. */
  readonly $billingDetails: ReadableAtom<Resource<BillingDetails>>;
  /** Whether the backend keeps billing details at all (its adapter has the four methods). */
  readonly supported: boolean;
  /** Loads the details again (after a failed load). */
  refresh(): Promise<void>;
  /**
   * Saves the email, company name or address. A save that failed and is tried again with
   * the same fields reuses its idempotency key: the backend applies it once.
   */
  save(update: Omit<BillingDetailsUpdate, 'idempotencyKey'>): Promise<BillingDetails>;
  /** Adds a tax ID (normalized first); the list shows it at once. */
  addTaxId(type: TaxIdType, value: string): Promise<TaxId>;
  removeTaxId(id: string): Promise<void>;
}

const unsupported = () => new BillingError('not_found', 'This billing backend does not keep billing details.', { status: 404 });

function createBillingDetailsState(client: BillingClient): BillingDetailsState {
  const { adapter } = client;
  const supported = !!(adapter.getBillingDetails && adapter.updateBillingDetails && adapter.addTaxId && adapter.removeTaxId);
  const details = createResource(async (signal) => {
    if (!adapter.getBillingDetails) throw unsupported();
    const answer = await guarded(() => adapter.getBillingDetails!({ signal }));
    return checked('billingDetails', answer);
  });
  const saves = keyedRequests();
  const additions = keyedRequests();
  /** The details on file now (what a change is applied to); loaded first if nothing read them yet. */
  /** Tax can go by the address and the tax IDs (a reverse charge): an open checkout's price is read again. */
  function requote(): void {
    if (client.$checkout.get().selection) void client.refreshCheckoutQuote();
  }
  async function current(): Promise<BillingDetails> {
    if (details.peek().data === undefined) await details.load();
    return details.peek().data ?? { taxIds: [] };
  }

  return {
    $billingDetails: details.$store,
    supported,
    refresh: () => details.load(true),
    async save(update) {
      if (!adapter.updateBillingDetails) throw unsupported();
      const idempotencyKey = saves.keyFor(JSON.stringify(update));
      const answer = await guarded(() => adapter.updateBillingDetails!({ ...update, idempotencyKey }));
      const saved = await checked('billingDetails', answer);
      saves.done();
      details.set(saved);
      requote();
      return saved;
    },
    async addTaxId(type, value) {
      if (!adapter.addTaxId) throw unsupported();
      const normalized = normalizeTaxId(type, value);
      const idempotencyKey = additions.keyFor(JSON.stringify([type, normalized]));
      const answer = await guarded(() => adapter.addTaxId!({ type, value: normalized, idempotencyKey }));
      const added = await checked('taxId', answer);
      additions.done();
      const known = await current();
      details.set({ ...known, taxIds: [...known.taxIds.filter((t) => t.id !== added.id), added] });
      requote();
      return added;
    },
    async removeTaxId(id) {
      if (!adapter.removeTaxId) throw unsupported();
      await guarded(() => adapter.removeTaxId!(id));
      const known = await current();
      details.set({ ...known, taxIds: known.taxIds.filter((t) => t.id !== id) });
      requote();
    },
  };
}

const byClient = new WeakMap<BillingClient, BillingDetailsState>();

/** The billing details state of a client: made on first use, then the same for every element. */
export function billingDetailsOf(client: BillingClient): BillingDetailsState {
  let state = byClient.get(client);
  if (!state) byClient.set(client, (state = createBillingDetailsState(client)));
  return state;
}
