/**
 * The checkout of a first subscription: the quote for the shared selection (kept
 * fresh while something shows it), and the purchase itself, which is impossible to
 * run twice: one purchase at a time, one idempotency key per purchase kept in
 * sessionStorage across retries and reloads, and success only once the backend reads
 * the subscription as active. The client loads this module when something first shows the
 * checkout's quote or buys: accounts with a plan never download it.
 */
import type { MapStore, WritableAtom } from 'nanostores';
import { BillingError, isAbortError, toBillingError } from '../core/errors.js';
import type { ActivationRequest, ActivationResult, Coupon, PlanSelection, Quote, Subscription } from '../core/types.js';
import type { Resource } from './resource.js';

export interface CheckoutState {
  /** The tier chosen for checkout (by a tier picker or attributes). */
  selection?: PlanSelection;
  coupon?: Coupon;
  /**
   * Counts the times the user committed to a choice (Choose, Enter, a click; not arrow
   * keys): each time, the payment form brings itself into view and takes focus.
   */
  proceed?: number;
}

export type PurchaseStatus = 'idle' | 'confirming' | 'authenticating' | 'activating' | 'succeeded' | 'pending' | 'failed';

export interface PurchaseState {
  status: PurchaseStatus;
  error?: BillingError;
  /** The subscription the backend confirmed. */
  subscription?: Subscription;
  /** The quote that was bought (for the confirmation). */
  quote?: Quote;
  /** The card already confirmed in this purchase: a retry does not confirm it again. */
  paymentMethodId?: string;
}

/** The card step of a purchase, done by a payment provider. */
export interface PurchasePayment {
  confirmCard(): Promise<string>;
  handleNextAction(clientSecret: string): Promise<void>;
}

interface Deps {
  quote(selection: PlanSelection, options: { signal: AbortSignal }): Promise<Quote>;
  activate(request: ActivationRequest): Promise<ActivationResult>;
  /** Reads the subscription from the backend (and updates the shared store). */
  readSubscription(): Promise<Subscription | undefined>;
  /** Refreshes what an activation changed, for every element. */
  afterActivation(): Promise<void>;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  pollIntervalMs?: number;
  pollAttempts?: number;
}

/** The checkout's stores: made by the client up front, filled by this module once it loads. */
export interface CheckoutStores {
  readonly $checkout: MapStore<CheckoutState>;
  /** The quote for the current selection and coupon; re-quoted when they change. */
  readonly $checkoutQuote: WritableAtom<Resource<Quote>>;
  readonly $purchase: MapStore<PurchaseState>;
}

export interface Checkout {
  /** Keeps `$checkoutQuote` fresh for the selection and coupon until the returned stop is called. */
  watchQuote(): () => void;
  purchase(payment: PurchasePayment): Promise<Subscription | undefined>;
  resetPurchase(): void;
  /** Quotes the selection again (after a failed quote). */
  requote(): Promise<void>;
}

const KEY_PREFIX = 'tectra.checkout.';

function sessionStore(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const memory = new Map<string, string>();
  const fallback = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };
  try {
    // Throws in sandboxed frames and some privacy modes: a memory map stands in.
    const storage = globalThis.sessionStorage;
    storage.getItem(KEY_PREFIX);
    return storage;
  } catch {
    return fallback;
  }
}

/** Selection plus coupon: what makes two purchases the same purchase. */
export function purchaseFingerprint(selection: PlanSelection): string {
  return JSON.stringify([selection.tierId, selection.interval, selection.seats ?? null, selection.couponCode?.toUpperCase() ?? null]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createCheckout(deps: Deps, { $checkout, $checkoutQuote, $purchase }: CheckoutStores): Checkout {
  const storage = deps.storage ?? sessionStore();
  let pending: Promise<Subscription | undefined> | undefined;
  let quoteController: AbortController | undefined;

  const currentSelection = (): PlanSelection | undefined => {
    const { selection, coupon } = $checkout.get();
    return selection && (coupon ? { ...selection, couponCode: coupon.code } : selection);
  };

  async function requote(): Promise<void> {
    quoteController?.abort();
    const selection = currentSelection();
    if (!selection) {
      $checkoutQuote.set({ status: 'idle' });
      return;
    }
    const own = new AbortController();
    quoteController = own;
    const previous = $checkoutQuote.get().data;
    $checkoutQuote.set(previous ? { status: 'loading', data: previous } : { status: 'loading' });
    try {
      const quote = await deps.quote(selection, { signal: own.signal });
      if (quoteController === own) $checkoutQuote.set({ status: 'ready', data: quote });
    } catch (error) {
      if (quoteController !== own || isAbortError(error)) return;
      $checkoutQuote.set({ status: 'error', error: toBillingError(error) });
    }
  }

  function watchQuote(): () => void {
    let last = '';
    const stop = $checkout.subscribe(() => {
      const selection = currentSelection();
      const next = selection ? purchaseFingerprint(selection) : '';
      if (next === last && $checkoutQuote.get().status !== 'idle') return;
      last = next;
      void requote();
    });
    return () => {
      stop();
      quoteController?.abort();
      quoteController = undefined;
    };
  }

  /** The quote may be bought only when it is for exactly this selection and still valid. */
  function freshQuote(selection: PlanSelection): Quote | undefined {
    const { status, data } = $checkoutQuote.get();
    if (status !== 'ready' || !data) return undefined;
    if (purchaseFingerprint(data.selection) !== purchaseFingerprint(selection)) return undefined;
    if (data.expiresAt && Date.parse(data.expiresAt) <= Date.now()) return undefined;
    return data;
  }

  const isLive = (s: Subscription | undefined) => s?.status === 'active' || s?.status === 'trialing';

  /**
   * Activates; when the answer is lost (network, timeout, 5xx) the backend may have
   * activated all the same, so the subscription is read back before anything is called a
   * failure. Resolves undefined when it reads as live on the tier bought (the poll below
   * confirms it).
   */
  async function activateOrReadBack(request: ActivationRequest): Promise<ActivationResult | undefined> {
    try {
      return await deps.activate(request);
    } catch (error) {
      if (!toBillingError(error).retryable) throw error;
      const subscription = await deps.readSubscription().catch(() => undefined);
      if (isLive(subscription) && subscription?.tierId === request.tierId) return undefined;
      throw error;
    }
  }

  async function run(payment: PurchasePayment): Promise<Subscription | undefined> {
    const selection = currentSelection();
    if (!selection) throw new BillingError('invalid_request', 'Choose a tier first.');
    const quote = freshQuote(selection);
    if (!quote) {
      void requote();
      throw new BillingError('conflict', 'The price changed; please review it before paying.');
    }
    // Tax cannot be worked out yet: the address comes first, before the card is touched.
    if (quote.addressRequired) throw new BillingError('invalid_request', 'address: Enter a billing address first: tax depends on where you are billed.');
    const fingerprint = purchaseFingerprint(selection);
    const storageKey = KEY_PREFIX + fingerprint;
    let paymentMethodId = $purchase.get().paymentMethodId;
    if (!paymentMethodId) {
      $purchase.set({ status: 'confirming', quote });
      paymentMethodId = await payment.confirmCard();
    }
    $purchase.set({ status: 'activating', quote, paymentMethodId });
    const idempotencyKey = storage.getItem(storageKey) ?? crypto.randomUUID();
    storage.setItem(storageKey, idempotencyKey);
    const request: ActivationRequest = { ...selection, paymentMethodId, idempotencyKey, ...(quote.id ? { quoteId: quote.id } : {}) };
    const result = await activateOrReadBack(request);
    if (result?.status === 'requires_action') {
      $purchase.set({ status: 'authenticating', quote, paymentMethodId });
      await payment.handleNextAction(result.clientSecret);
      $purchase.set({ status: 'activating', quote, paymentMethodId });
    }
    // Success is what the backend reads back, not what the answer said.
    const attempts = deps.pollAttempts ?? 10;
    for (let i = 0; i < attempts; i++) {
      const subscription = await deps.readSubscription().catch(() => undefined);
      if (subscription && isLive(subscription)) {
        storage.removeItem(storageKey);
        $purchase.set({ status: 'succeeded', quote, subscription });
        $checkout.set({});
        await deps.afterActivation();
        return subscription;
      }
      if (i < attempts - 1) await sleep(deps.pollIntervalMs ?? 1000);
    }
    // Paid, perhaps, but not confirmed yet: never a failure message; a retry reuses the key.
    $purchase.set({ status: 'pending', quote, paymentMethodId });
    return undefined;
  }

  return {
    watchQuote,
    purchase(payment) {
      if (pending) return pending;
      pending = run(payment)
        .catch((error: unknown) => {
          const state = $purchase.get();
          const failure = toBillingError(error);
          // The backend refused the purchase as asked (an address it needs, a price gone): what is shown is read again.
          if (failure.code === 'invalid_request' && failure.status) void requote();
          // A declined card or failed challenge needs the card again, whether the card step or
          // the bank at the charge (402) said so; a lost answer does not.
          const cardProblem =
            state.status === 'confirming' || state.status === 'authenticating' || failure.code === 'card_declined' || failure.code === 'authentication_failed';
          $purchase.set({
            status: 'failed',
            error: failure,
            ...(state.quote ? { quote: state.quote } : {}),
            ...(!cardProblem && state.paymentMethodId ? { paymentMethodId: state.paymentMethodId } : {}),
          });
          return undefined;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    resetPurchase() {
      if (!pending) $purchase.set({ status: 'idle' });
    },
    requote,
  };
}
