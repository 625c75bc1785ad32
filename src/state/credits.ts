/**
 * Prepaid credit's state: the balance with its packs and auto-recharge, the ledger a page
 * at a time, and the actions that buy credit or change auto-recharge, one per client
 * (every element showing credit shares it). It sits beside the client and loads with the
 * first element that shows credit, so a page without credit does not pay for it.
 */
import type { ReadableAtom } from 'nanostores';
import { BillingError } from '../core/errors.js';
import type { AutoRechargeRequest, CreditEntry, Credits, Money, Page } from '../core/types.js';
import type { BillingClient } from './client.js';
import { checked } from './checked.js';
import { guarded } from './guarded.js';
import { keyedRequests } from './request-keys.js';
import { createResource, type Resource } from './resource.js';

/** What is bought: a pack, or an amount within the credit's `customAmount`. */
export type CreditPurchase = { packId: string } | { amount: Money };

export interface CreditPurchaseOptions {
  couponCode?: string;
  /** The card to pay with; the default card when absent. */
  paymentMethodId?: string;
  /** Completes 3-D Secure when the bank asks for it (the page's payment provider). */
  payment?: { handleNextAction(clientSecret: string): Promise<void> };
}

export interface CreditsState {
  /** The balance, packs and auto-recharge, loaded when first read. */
  readonly $credits: ReadableAtom<Resource<Credits>>;
  /** The ledger, newest first: the pages loaded so far, as one list. */
  readonly $ledger: ReadableAtom<Resource<Page<CreditEntry>>>;
  /** Whether the backend sells credit at all (its adapter has the four methods). */
  readonly supported: boolean;
  refresh(): Promise<void>;
  /** Appends the ledger's next page. */
  loadMore(): Promise<void>;
  /**
   * Buys credit once: a failed purchase tried again with the same choice reuses its key,
   * and 3-D Secure is completed with `options.payment`. Answers the credit now and what was charged.
   */
  purchase(what: CreditPurchase, options?: CreditPurchaseOptions): Promise<{ credits: Credits; charged: Money }>;
  setAutoRecharge(setting: Omit<AutoRechargeRequest, 'idempotencyKey'>): Promise<Credits>;
  /** The whole ledger (every page, newest first) as CSV: ISO dates, decimal amounts. */
  exportCsv(): Promise<string>;
}

const unsupported = () => new BillingError('not_found', 'This billing backend sells no credit.', { status: 404 });

function createCreditsState(client: BillingClient): CreditsState {
  const { adapter } = client;
  const supported = !!(adapter.getCredits && adapter.listCreditEntries && adapter.purchaseCredits && adapter.setAutoRecharge);
  const credits = createResource(async (signal) => {
    if (!adapter.getCredits) throw unsupported();
    return checked('credits', await guarded(() => adapter.getCredits!({ signal })));
  });
  const ledger = createResource(async (signal) => {
    if (!adapter.listCreditEntries) throw unsupported();
    return checked('creditEntries', await guarded(() => adapter.listCreditEntries!({ limit: 20 }, { signal })));
  });
  const purchases = keyedRequests();
  const settings = keyedRequests();

  return {
    $credits: credits.$store,
    $ledger: ledger.$store,
    supported,
    refresh: () => Promise.all([credits.load(true), ledger.load(true)]).then(() => undefined),
    async loadMore() {
      const known = ledger.peek().data;
      if (!known?.nextCursor || !adapter.listCreditEntries) return;
      const next = await checked('creditEntries', await guarded(() => adapter.listCreditEntries!({ cursor: known.nextCursor ?? undefined, limit: 20 })));
      ledger.set({ items: [...known.items, ...next.items.filter((e) => !known.items.some((k) => k.id === e.id))], nextCursor: next.nextCursor });
    },
    async purchase(what, options = {}) {
      if (!adapter.purchaseCredits) throw unsupported();
      const { payment, ...rest } = options;
      const body = { ...what, ...(rest.couponCode ? { couponCode: rest.couponCode } : {}), ...(rest.paymentMethodId ? { paymentMethodId: rest.paymentMethodId } : {}) };
      let result = await checked('creditPurchase', await guarded(() => adapter.purchaseCredits!({ ...body, idempotencyKey: purchases.keyFor(JSON.stringify(body)) })));
      if (result.status === 'requires_action') {
        if (!payment) throw new BillingError('authentication_failed', 'The payment needs 3-D Secure, which this page cannot show.');
        await payment.handleNextAction(result.clientSecret);
        // Authenticated: the backend confirms that payment (a new request, so a new key).
        const secret = result.clientSecret;
        result = await checked('creditPurchase', await guarded(() => adapter.purchaseCredits!({ ...body, completedAction: secret, idempotencyKey: crypto.randomUUID() })));
        if (result.status !== 'succeeded') throw new BillingError('authentication_failed', 'The payment could not be authenticated.');
      }
      purchases.done();
      credits.set(result.credits);
      void ledger.load(true).catch(() => undefined);
      return { credits: result.credits, charged: result.charged };
    },
    async exportCsv() {
      if (!adapter.listCreditEntries) throw unsupported();
      const all: CreditEntry[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await checked('creditEntries', await guarded(() => adapter.listCreditEntries!(cursor ? { cursor, limit: 100 } : { limit: 100 })));
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return (await import('../core/csv.js')).creditLedgerCsv(all);
    },
    async setAutoRecharge(setting) {
      if (!adapter.setAutoRecharge) throw unsupported();
      const idempotencyKey = settings.keyFor(JSON.stringify(setting));
      const saved = await checked('credits', await guarded(() => adapter.setAutoRecharge!({ ...setting, idempotencyKey })));
      settings.done();
      credits.set(saved);
      // Below the threshold, saving recharges at once: the ledger has a new line.
      void ledger.load(true).catch(() => undefined);
      return saved;
    },
  };
}

const byClient = new WeakMap<BillingClient, CreditsState>();

/** The credit state of a client: made on first use, then the same for every element. */
export function creditsOf(client: BillingClient): CreditsState {
  let state = byClient.get(client);
  if (!state) byClient.set(client, (state = createCreditsState(client)));
  return state;
}

/**
 * Tells `onChange` once whether the account has prepaid credit (and again if that changes),
 * loading the credit as the credits element would: the portal shows its Credits tab by it.
 * Answers the function that stops following.
 */
export function followHasCredit(client: BillingClient, onChange: (has: boolean) => void): () => void {
  let known: boolean | undefined;
  return creditsOf(client).$credits.subscribe((resource) => {
    const has = resource.data ? true : resource.status === 'error' ? false : known;
    if (has !== undefined && has !== known) onChange((known = has));
  });
}
