/**
 * The billing client: one shared state for every element on a page. Stores load
 * lazily when the first element reads them; actions call the adapter, validate its
 * answer and refresh what a mutation changed.
 */
import { atom, map, onMount, type MapStore, type ReadableAtom } from 'nanostores';
import type { BillingAdapter, RequestOptions } from '../adapters/types.js';
import { BillingError, toBillingError } from '../core/errors.js';
import { onDemand, type OnDemand } from '../core/on-demand.js';
import { $locale } from '../i18n/localization.js';
import type {
  ActivationRequest,
  ActivationResult,
  Catalog,
  ChangeTierRequest,
  Coupon,
  Invoice,
  MeterKey,
  Page,
  PaymentMethod,
  PlanSelection,
  Quote,
  SetupIntent,
  Subscription,
  Usage,
} from '../core/types.js';
import { checked, loadChecks } from './checked.js';
import { guarded } from './guarded.js';
import { createResource, type Resource } from './resource.js';
import type { CheckoutState, PurchasePayment, PurchaseState } from './checkout.js';
import type { TierChangeState } from './tier-change.js';
import type { CancelOptions, LifecycleState, PayInvoiceOptions } from './plan-lifecycle.js';

export type { Resource, ResourceStatus } from './resource.js';
export type { TierChangeState, TierChangeStatus } from './tier-change.js';
export type { CheckoutState, PurchasePayment, PurchaseState, PurchaseStatus } from './checkout.js';
export type { CancelOptions, LifecycleAction, LifecycleState, LifecycleStatus, PayInvoiceOptions } from './plan-lifecycle.js';

/** Invoices accumulate page by page; `nextCursor` is null after the last page. */
export interface InvoiceList {
  items: Invoice[];
  nextCursor: string | null;
}

export type ResourceName = 'catalog' | 'subscription' | 'usage' | 'invoices' | 'paymentMethods';

export interface BillingClientOptions {
  adapter: BillingAdapter;
  /** Invoices per page (default 20). */
  invoicePageSize?: number;
  /** After a purchase, how often and how many times the subscription is read until it is active (default 1 s, 10 times). */
  activationPoll?: { intervalMs?: number; attempts?: number };
  /** Where purchase idempotency keys are kept (default sessionStorage). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /**
   * Data already loaded, such as what a server render rendered with: these stores start
   * ready with it and load only when refreshed. It is not validated again.
   */
  initial?: BillingInitialData;
}

/** What each store can start with (`initial`): the adapter's answers, as they came. */
export interface BillingInitialData {
  catalog?: Catalog;
  subscription?: Subscription;
  usage?: Usage;
  invoices?: InvoiceList;
  paymentMethods?: PaymentMethod[];
}

export interface BillingClient {
  readonly adapter: BillingAdapter;
  readonly $catalog: ReadableAtom<Resource<Catalog>>;
  readonly $subscription: ReadableAtom<Resource<Subscription>>;
  readonly $usage: ReadableAtom<Resource<Usage>>;
  readonly $invoices: ReadableAtom<Resource<InvoiceList>>;
  readonly $paymentMethods: ReadableAtom<Resource<PaymentMethod[]>>;
  readonly $checkout: MapStore<CheckoutState>;
  /** The quote for the checkout selection and coupon, kept fresh while something reads it. */
  readonly $checkoutQuote: ReadableAtom<Resource<Quote>>;
  /** Where the purchase stands: confirming the card, authenticating, activating, succeeded, pending, failed. */
  readonly $purchase: ReadableAtom<PurchaseState>;
  /** Where a change of tier stands: quoting, quoted, changing, changed or failed. */
  readonly $change: ReadableAtom<TierChangeState>;
  /** Reloads one store, or every store something has read. */
  refresh(name?: ResourceName): Promise<void>;
  loadMoreInvoices(): Promise<void>;
  /** Makes `selection` the checkout's; with `proceed`, the checkout is the next step (it takes focus). */
  selectTier(selection: PlanSelection | undefined, options?: { proceed?: boolean }): void;
  applyCoupon(code: string, options?: RequestOptions): Promise<Coupon>;
  removeCoupon(): void;
  previewChange(selection: PlanSelection, options?: RequestOptions): Promise<Quote>;
  /**
   * Buys the checkout selection once: confirms the card with the payment provider,
   * activates with an idempotency key kept for this purchase, and resolves with the
   * subscription once the backend reads it as active. Repeated calls share one purchase.
   */
  purchase(payment: PurchasePayment): Promise<Subscription | undefined>;
  resetPurchase(): void;
  /** Quotes the checkout selection again (after a failed quote). */
  refreshCheckoutQuote(): Promise<void>;
  /** Tells the backend about a card confirmed by the payment provider (when the adapter can). */
  addPaymentMethod(paymentMethodId: string, options?: RequestOptions): Promise<void>;
  createSetupIntent(options?: RequestOptions): Promise<SetupIntent>;
  activate(request: ActivationRequest, options?: RequestOptions): Promise<ActivationResult>;
  changeTier(request: ChangeTierRequest, options?: RequestOptions): Promise<ActivationResult>;
  /** Quotes a change of tier for a running subscription (`$change`). */
  requestChange(selection: PlanSelection): Promise<void>;
  /** Confirms the quoted change once, with an idempotency key; refreshes an expired quote instead. */
  confirmChange(): Promise<Subscription | undefined>;
  cancelChange(): void;
  setDefaultPaymentMethod(id: string, options?: RequestOptions): Promise<void>;
  removePaymentMethod(id: string, options?: RequestOptions): Promise<void>;
  /** Saves a meter's alert thresholds, shown at once and rolled back if saving fails. */
  setUsageAlerts(meter: MeterKey, thresholds: number[], options?: RequestOptions): Promise<void>;
  /**
   * Keeps `$usage` live while the returned stop function is not called: the adapter's
   * push where it has one, else polling every `intervalMs` (paused while the page is hidden).
   */
  watchUsage(intervalMs: number): () => void;
  /**
   * Every invoice (all pages, newest first) as CSV: stable column names, ISO dates, decimal
   * amounts with their currency. The CSV module loads on demand.
   */
  exportInvoicesCsv(options?: RequestOptions): Promise<string>;
  /** The period's usage as CSV, a row per meter (used, limit, unit, period). */
  exportUsageCsv(options?: RequestOptions): Promise<string>;
  /**
   * This period's usage as CSV, a row per UTC day and meter (`date,meter,unit,used`), where
   * the backend reports usage by day (`getDailyUsage`); else the same as `exportUsageCsv`.
   */
  exportDailyUsageCsv(options?: RequestOptions): Promise<string>;
  /** Where the last lifecycle action (cancel, resume, keep the current tier, pay an invoice) stands. */
  readonly $lifecycle: ReadableAtom<LifecycleState>;
  /** Cancels the plan: at the period end by default (it can be resumed until then), or now with `atPeriodEnd: false`. */
  cancelSubscription(options?: CancelOptions): Promise<Subscription>;
  /** Undoes a cancel at the period end. */
  resumeSubscription(): Promise<Subscription>;
  /** Drops a scheduled change: the current tier stays. */
  cancelScheduledChange(): Promise<Subscription>;
  /** Pays an open invoice (3-D Secure through `options.payment` when the bank asks); resolves with the paid invoice. */
  payInvoice(invoiceId: string, options?: PayInvoiceOptions): Promise<Invoice>;
  /** Pays the account's first open invoice with `paymentMethodId` (a card just added); undefined when none is open. */
  payOverdue(options: PayInvoiceOptions & { paymentMethodId: string }): Promise<Invoice | undefined>;
  /** Clears `$lifecycle` (after its outcome was shown). */
  resetLifecycle(): void;
}

/** Runs with a module of the client once it has loaded; a failed download fails like the network (and is tried again next time). */
function whenLoaded<M>(load: OnDemand<M>) {
  return <T>(run: (module: M) => T | Promise<T>): Promise<T> =>
    load().then(run, (error: unknown) => {
      throw new BillingError('network', 'The billing service could not be reached.', { cause: error });
    });
}

export function createBillingClient(options: BillingClientOptions): BillingClient {
  // Fetched beside the first request rather than after its answer.
  void loadChecks().catch(() => undefined);
  const { adapter } = options;
  const pageSize = options.invoicePageSize ?? 20;

  const catalog = createResource(async (signal) =>
    checked('catalog', await guarded(() => adapter.getCatalog({ signal }))),
  );
  const subscription = createResource(async (signal) =>
    checked('subscription', await guarded(() => adapter.getSubscription({ signal }))),
  );
  const usage = createResource(async (signal) =>
    checked('usage', await guarded(() => adapter.getUsage({ signal }))),
  );
  const paymentMethods = createResource(async (signal) =>
    checked('paymentMethods', await guarded(() => adapter.listPaymentMethods({ signal }))),
  );
  const fetchInvoices = async (cursor: string | undefined, signal: AbortSignal): Promise<Page<Invoice>> =>
    checked('invoices', await guarded(() => adapter.listInvoices(cursor ? { cursor, limit: pageSize } : { limit: pageSize }, { signal })));
  const invoices = createResource<InvoiceList>((signal) => fetchInvoices(undefined, signal));

  // Catalog text (tier names, descriptions, features) is in the kit's language: while
  // something shows the catalog, a new language reloads it.
  onMount(catalog.$store, () => $locale.listen(() => void catalog.load(true)));

  const resources = { catalog, subscription, usage, invoices, paymentMethods };
  for (const [name, data] of Object.entries(options.initial ?? {})) if (data) resources[name as ResourceName].set(data as never);
  let morePending: Promise<void> | undefined;

  async function refresh(name?: ResourceName): Promise<void> {
    const names = name ? [name] : (Object.keys(resources) as ResourceName[]);
    await Promise.all(
      names
        .filter((n) => name !== undefined || resources[n].peek().status !== 'idle')
        .map((n) => resources[n].load(true)),
    );
  }

  /** After a mutation: reload what it may have changed, for every element on the page. */
  function refreshAfterMutation(names: ResourceName[]): Promise<void> {
    return Promise.all(
      names.filter((n) => resources[n].peek().status !== 'idle').map((n) => resources[n].load(true)),
    ).then(() => undefined);
  }

  function selectionWithCoupon(selection: PlanSelection): PlanSelection {
    const code = $checkout.get().coupon?.code;
    return code && !selection.couponCode ? { ...selection, couponCode: code } : selection;
  }

  const quote = async (selection: PlanSelection, o?: RequestOptions): Promise<Quote> =>
    checked('quote', await guarded(() => adapter.previewChange(selection, o)));

  // Tier changes are quoted without the checkout's coupon: that code is for a first purchase.
  const activation = async (request: ActivationRequest): Promise<ActivationResult> =>
    checked('activation', await guarded(() => adapter.activate(request)));

  const $checkout = map<CheckoutState>({});
  const $checkoutQuote = atom<Resource<Quote>>({ status: 'idle' });
  const $purchase = map<PurchaseState>({ status: 'idle' });
  const checkout = onDemand(() =>
    import('./checkout.js').then((m) =>
      m.createCheckout(
        {
          quote,
          activate: activation,
          readSubscription: async () => {
            await subscription.load(true);
            return subscription.peek().data;
          },
          afterActivation: () => refreshAfterMutation(['usage', 'invoices', 'paymentMethods']),
          ...(options.activationPoll?.intervalMs === undefined ? {} : { pollIntervalMs: options.activationPoll.intervalMs }),
          ...(options.activationPoll?.attempts === undefined ? {} : { pollAttempts: options.activationPoll.attempts }),
          ...(options.storage ? { storage: options.storage } : {}),
        },
        { $checkout, $checkoutQuote, $purchase },
      ),
    ),
  );
  /** Runs with the checkout once its module is there; a failed download fails like the network. */
  const withCheckout = whenLoaded(checkout);
  // The quote follows the selection while something shows it (the module loads with the first reader).
  onMount($checkoutQuote, () => {
    let stop: (() => void) | undefined;
    let mounted = true;
    withCheckout((c) => mounted && (stop = c.watchQuote())).catch((error: unknown) => {
      if (mounted) $checkoutQuote.set({ status: 'error', error: toBillingError(error) });
    });
    return () => {
      mounted = false;
      stop?.();
    };
  });

  // Live usage (the adapter's push, or polling) loads with the first meter that watches.
  const usageLive = onDemand(() =>
    import('./usage-live.js').then(({ createUsageLive }) =>
      createUsageLive({
        subscribe: adapter.subscribeUsage
          ? () =>
              adapter.subscribeUsage?.((next) => {
                // A malformed push is dropped; the next poll or push replaces it.
                checked('usage', next).then(usage.set, () => undefined);
              }) ?? (() => {})
          : undefined,
        refresh: () => usage.load(true),
      }),
    ),
  );

  // A change of tier is quoted and confirmed by a module that loads with the first request.
  const $change = map<TierChangeState>({ status: 'idle' });
  const tierChange = onDemand(() =>
    import('./tier-change.js').then((m) =>
      m.createTierChange(
        {
          previewChange: (selection, o) => quote(selection, o),
          changeTier: (request) => client.changeTier(request),
        },
        $change,
      ),
    ),
  );

  const $lifecycle = map<LifecycleState>({ status: 'idle' });
  const lifecycle = onDemand(() =>
    import('./plan-lifecycle.js').then((m) =>
      m.createPlanLifecycle(adapter, $lifecycle, async (next, invoice) => {
        subscription.set(next);
        const list = invoices.peek().data;
        // The paid invoice shows as paid at once; the reload below brings anything else.
        if (invoice && list) invoices.set({ ...list, items: list.items.map((i) => (i.id === invoice.id ? invoice : i)) });
        await refreshAfterMutation(['usage', 'invoices']);
      }),
    ),
  );
  /** Runs a lifecycle action once its module is there (a failed download fails like the network). */
  const withLifecycle = whenLoaded(lifecycle);

  const client: BillingClient = {
    adapter,
    $lifecycle,
    cancelSubscription: (o) => withLifecycle((l) => l.cancel(o)),
    resumeSubscription: () => withLifecycle((l) => l.resume()),
    cancelScheduledChange: () => withLifecycle((l) => l.keep()),
    payInvoice: (id, o) => withLifecycle((l) => l.pay(id, o)),
    payOverdue: (o) => withLifecycle((l) => l.payOverdue(o)),
    resetLifecycle: () => void lifecycle.loaded?.reset(),
    $catalog: catalog.$store,
    $subscription: subscription.$store,
    $usage: usage.$store,
    $invoices: invoices.$store,
    $paymentMethods: paymentMethods.$store,
    $checkout,
    $checkoutQuote,
    $purchase,
    purchase: (payment) =>
      withCheckout((c) => c.purchase(payment)).catch((error: unknown) => {
        // The purchase never started (its module could not be downloaded): nothing was charged.
        $purchase.set({ status: 'failed', error: toBillingError(error) });
        return undefined;
      }),
    resetPurchase: () => checkout.loaded?.resetPurchase(),
    refreshCheckoutQuote: () => withCheckout((c) => c.requote()),
    $change,
    requestChange: (selection) =>
      tierChange().then(
        (t) => t.requestChange(selection),
        // The module could not be downloaded: a quote that failed like the network (Retry loads it again).
        () => $change.set({ status: 'quote_failed', selection, error: new BillingError('network', 'The billing service could not be reached.') }),
      ),
    confirmChange: () => tierChange().then((t) => t.confirmChange()),
    cancelChange: () => tierChange.loaded?.cancelChange(),
    refresh,

    async loadMoreInvoices() {
      if (morePending) return morePending;
      const current = invoices.peek();
      const start = current.data;
      const cursor = start?.nextCursor;
      // Not while the list reloads: its first page replaces what is shown.
      if (!cursor || current.status !== 'ready') return;
      return (morePending = (async () => {
        try {
          const page = await fetchInvoices(cursor, new AbortController().signal);
          // A page that arrives once the list changed, or while it reloads, is dropped, not
          // appended (appending would also cancel that reload and keep what it replaces).
          if (invoices.peek() !== current) return;
          const seen = new Set(start.items.map((i) => i.id));
          invoices.set({ items: [...start.items, ...page.items.filter((i) => !seen.has(i.id))], nextCursor: page.nextCursor });
        } finally {
          morePending = undefined;
        }
      })());
    },

    selectTier(selection, o) {
      $checkout.setKey('selection', selection);
      if (selection && o?.proceed) $checkout.setKey('proceed', ($checkout.get().proceed ?? 0) + 1);
    },

    async applyCoupon(code, o) {
      const selection = $checkout.get().selection;
      if (!selection) throw new BillingError('invalid_request', 'Choose a tier before applying a code.');
      const coupon = await checked('coupon', await guarded(() => adapter.validateCoupon(code, selection, o)));
      $checkout.setKey('coupon', coupon);
      return coupon;
    },

    removeCoupon() {
      $checkout.setKey('coupon', undefined);
    },

    previewChange: (selection, o) => quote(selectionWithCoupon(selection), o),

    async createSetupIntent(o) {
      return checked('setupIntent', await guarded(() => adapter.createSetupIntent(o)));
    },

    async activate(request, o) {
      const result = await checked('activation', await guarded(() => adapter.activate(request, o)));
      if (result.status === 'succeeded') {
        subscription.set(result.subscription);
        await refreshAfterMutation(['subscription', 'usage', 'invoices', 'paymentMethods']);
      }
      return result;
    },

    async addPaymentMethod(paymentMethodId, o) {
      if (adapter.addPaymentMethod) await guarded(() => adapter.addPaymentMethod?.(paymentMethodId, o) ?? Promise.resolve());
      await paymentMethods.load(true);
    },

    async changeTier(request, o) {
      const result = await checked('tierChange', await guarded(() => adapter.changeTier(request, o)));
      if (result.status === 'succeeded') {
        subscription.set(result.subscription);
        await refreshAfterMutation(['subscription', 'usage', 'invoices']);
      }
      return result;
    },

    async setDefaultPaymentMethod(id, o) {
      await guarded(() => adapter.setDefaultPaymentMethod(id, o));
      await refreshAfterMutation(['paymentMethods']);
    },

    async removePaymentMethod(id, o) {
      await guarded(() => adapter.removePaymentMethod(id, o));
      await refreshAfterMutation(['paymentMethods']);
    },

    async setUsageAlerts(meter, thresholds, o) {
      const before = usage.peek().data;
      const sorted = [...thresholds].sort((a, b) => a - b);
      if (before) {
        usage.set({ ...before, meters: before.meters.map((m) => (m.key === meter ? { ...m, alertThresholds: sorted } : m)) });
      }
      try {
        await guarded(() => adapter.setUsageAlerts(meter, sorted, o));
      } catch (error) {
        if (before) usage.set(before);
        throw error;
      }
    },

    watchUsage: (intervalMs) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      // Loaded after the call: whatever goes wrong starting it cannot reach the caller, so none may go unhandled.
      usageLive()
        .then((live) => stopped || (stop = live.watch(intervalMs)))
        .catch(() => undefined);
      return () => {
        stopped = true;
        stop?.();
      };
    },
    exportInvoicesCsv: async (o) => (await import('./exports.js')).exportInvoicesCsv(adapter, o),
    exportUsageCsv: async (o) => (await import('./exports.js')).exportUsageCsv(adapter, o),
    exportDailyUsageCsv: async (o) => (await import('./exports.js')).exportDailyUsageCsv(adapter, o),
  };
  return client;
}
