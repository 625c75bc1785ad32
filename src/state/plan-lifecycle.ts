/**
 * The plan's lifecycle after it is bought: cancel (at the period end or now), resume a
 * cancel, keep the current tier instead of a scheduled change, and pay an open invoice.
 * Kept in the client, so the summary, the tier picker and the invoice list show the same
 * progress whichever of them started it. One action at a time; a repeated call while it
 * runs shares it; a retry after a lost answer reuses the idempotency key. Loaded by the
 * client with the first action, so a page that never changes its plan never downloads it.
 */
import type { MapStore } from 'nanostores';
import type { BillingAdapter } from '../adapters/types.js';
import { BillingError, toBillingError } from '../core/errors.js';
import { checked } from './checked.js';
import { guarded } from './guarded.js';
import type {
  CancelSubscriptionRequest,
  Invoice,
  LifecycleRequest,
  PayInvoiceRequest,
  Subscription,
} from '../core/types.js';

export type LifecycleAction = 'cancel' | 'resume' | 'keep' | 'pay';
export type LifecycleStatus = 'idle' | 'busy' | 'authenticating' | 'done' | 'failed';

export interface LifecycleState {
  status: LifecycleStatus;
  action?: LifecycleAction;
  /** The invoice being paid (action `pay`). */
  invoiceId?: string;
  error?: BillingError;
  /** The subscription after the action. */
  subscription?: Subscription;
  /** The invoice after a payment. */
  invoice?: Invoice;
}

/** What the client's cancel takes: the key is the client's business. */
export type CancelOptions = Omit<CancelSubscriptionRequest, 'idempotencyKey' | 'atPeriodEnd'> & { atPeriodEnd?: boolean };

export interface PayInvoiceOptions {
  /** The card to pay with; the default card when absent. */
  paymentMethodId?: string;
  /** Completes 3-D Secure when the backend asks for it (the payment provider of the page). */
  payment?: { handleNextAction(clientSecret: string): Promise<void> };
}

/** The backend changed the subscription (and, for a payment, an invoice): the client updates its stores. */
export type LifecycleChanged = (subscription: Subscription, invoice?: Invoice) => Promise<void>;

export interface PlanLifecycle {
  cancel(options?: CancelOptions): Promise<Subscription>;
  resume(): Promise<Subscription>;
  keep(): Promise<Subscription>;
  pay(invoiceId: string, options?: PayInvoiceOptions): Promise<Invoice>;
  /** Pays the first open invoice with a card (just added, say); undefined when nothing is open. */
  payOverdue(options: PayInvoiceOptions & { paymentMethodId: string }): Promise<Invoice | undefined>;
  reset(): void;
}

/** `$lifecycle` is made by the client up front; this module loads with the first action. */
export function createPlanLifecycle(adapter: BillingAdapter, $lifecycle: MapStore<LifecycleState>, changed: LifecycleChanged): PlanLifecycle {
  const deps = {
    cancel: async (r: CancelSubscriptionRequest) => checked('subscription', await guarded(() => adapter.cancelSubscription(r))),
    resume: async (r: LifecycleRequest) => checked('subscription', await guarded(() => adapter.resumeSubscription(r))),
    keep: async (r: LifecycleRequest) => checked('subscription', await guarded(() => adapter.cancelScheduledChange(r))),
    pay: async (id: string, r: PayInvoiceRequest) => checked('invoicePayment', await guarded(() => adapter.payInvoice(id, r))),
    changed,
  };
  let pending: { name: string; promise: Promise<unknown> } | undefined;
  // One key per intended action; kept across retries until the backend gives an answer.
  const keys = new Map<string, string>();

  function run<T>(action: LifecycleAction, name: string, work: (key: () => string) => Promise<T>, invoiceId?: string): Promise<T> {
    if (pending) {
      if (pending.name === name) return pending.promise as Promise<T>;
      return Promise.reject(new BillingError('conflict', 'Another change to the plan is in progress.', { retryable: true }));
    }
    const key = () => {
      let k = keys.get(name);
      if (!k) keys.set(name, (k = crypto.randomUUID()));
      return k;
    };
    const base = { action, ...(invoiceId ? { invoiceId } : {}) };
    $lifecycle.set({ status: 'busy', ...base });
    const promise = work(key).then(
      (result) => {
        pending = undefined;
        keys.delete(name);
        return result;
      },
      (error: unknown) => {
        pending = undefined;
        const e = toBillingError(error);
        // An answer that never came may have been applied: the retry keeps the key.
        if (!e.retryable) keys.delete(name);
        $lifecycle.set({ status: 'failed', ...base, error: e });
        throw e;
      },
    );
    pending = { name, promise };
    return promise;
  }

  const simple = (action: 'cancel' | 'resume' | 'keep', call: (key: string) => Promise<Subscription>) =>
    run(action, action, async (key) => {
      const subscription = await call(key());
      await deps.changed(subscription);
      $lifecycle.set({ status: 'done', action, subscription });
      return subscription;
    });

  return {
    cancel: (options = {}) => {
      const { atPeriodEnd = true, ...rest } = options;
      return simple('cancel', (idempotencyKey) => deps.cancel({ atPeriodEnd, ...rest, idempotencyKey }));
    },
    resume: () => simple('resume', (idempotencyKey) => deps.resume({ idempotencyKey })),
    keep: () => simple('keep', (idempotencyKey) => deps.keep({ idempotencyKey })),
    pay: (invoiceId, options = {}) =>
      run('pay', `pay:${invoiceId}:${options.paymentMethodId ?? ''}`, async (key) => {
        const card = options.paymentMethodId ? { paymentMethodId: options.paymentMethodId } : {};
        let result = await deps.pay(invoiceId, { ...card, idempotencyKey: key() });
        if (result.status === 'requires_action') {
          if (!options.payment) throw new BillingError('authentication_failed', 'The payment needs 3-D Secure, which this page cannot show.');
          $lifecycle.set({ status: 'authenticating', action: 'pay', invoiceId });
          await options.payment.handleNextAction(result.clientSecret);
          $lifecycle.set({ status: 'busy', action: 'pay', invoiceId });
          // Authenticated: the backend confirms that payment (a new request, so a new key).
          result = await deps.pay(invoiceId, { ...card, completedAction: result.clientSecret, idempotencyKey: crypto.randomUUID() });
          if (result.status !== 'succeeded') throw new BillingError('authentication_failed', 'The payment could not be authenticated.');
        }
        await deps.changed(result.subscription, result.invoice);
        $lifecycle.set({ status: 'done', action: 'pay', invoiceId, subscription: result.subscription, invoice: result.invoice });
        return result.invoice;
      }, invoiceId),
    async payOverdue(options) {
      const page = await checked('invoices', await guarded(() => adapter.listInvoices({ limit: 20 })));
      const open = page.items.find((i) => i.status === 'open' && i.amountDue.amount > 0);
      return open ? this.pay(open.id, options) : undefined;
    },
    reset() {
      if (!pending) $lifecycle.set({ status: 'idle' });
    },
  };
}
