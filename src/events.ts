/**
 * The kit's events: typed `Event` subclasses that bubble and cross shadow roots,
 * declared in `HTMLElementEventMap` so `addEventListener` infers the detail.
 */
import type { BillingError } from './core/errors.js';
import type { Invoice, MeterKey, PaymentMethod, PlanSelection, Subscription } from './core/types.js';

/**
 * One event class per type: bubbles, crosses shadow roots, carries `detail`, and names its
 * type as a static `type`. (A factory keeps the nine classes small in the shared runtime.)
 */
function detailEvent<T extends string>(type: T, cancelable = false) {
  return <D>() =>
    class extends Event {
      static readonly type: T = type;
      constructor(readonly detail: D) {
        super(type, { bubbles: true, composed: true, cancelable });
      }
    };
}

/** A tier was chosen for checkout. Cancelable: `preventDefault()` vetoes the choice. */
export class TectraTierSelectEvent extends detailEvent('tectra-tier-select', true)<{ selection: PlanSelection }>() {}

/** Billing was activated and the backend confirmed the subscription. */
export class TectraBillingActivatedEvent extends detailEvent('tectra-billing-activated')<{ subscription: Subscription }>() {}

/** The tier changed (or a change was scheduled). */
export class TectraTierChangedEvent extends detailEvent('tectra-tier-changed')<{ subscription: Subscription }>() {}

/** A card was added, removed or made the default. */
export class TectraPaymentMethodChangedEvent extends detailEvent('tectra-payment-method-changed')<{ action: 'added' | 'removed' | 'default'; paymentMethod?: PaymentMethod }>() {}

/** Usage of a meter crossed an alert threshold (a fraction of its limit). */
export class TectraUsageThresholdEvent extends detailEvent('tectra-usage-threshold')<{ meter: MeterKey; threshold: number }>() {}

/** An operation failed; the element shows the error too. */
export class TectraErrorEvent extends detailEvent('tectra-error')<{ error: BillingError; operation: string }>() {}

/** The plan was canceled: it ends at the period end (`cancelAtPeriodEnd`) or ended now. */
export class TectraSubscriptionCanceledEvent extends detailEvent('tectra-subscription-canceled')<{ subscription: Subscription }>() {}

/** A plan set to end at the period end renews again. */
export class TectraSubscriptionResumedEvent extends detailEvent('tectra-subscription-resumed')<{ subscription: Subscription }>() {}

/** An open invoice was paid in the page. */
export class TectraInvoicePaidEvent extends detailEvent('tectra-invoice-paid')<{ invoice: Invoice }>() {}

export type ManageAction = 'manage' | 'choose-tier' | 'update-payment-method';

/** The user asked to manage billing (the host decides where that leads). */
export class TectraManageEvent extends detailEvent('tectra-manage')<{ action: ManageAction }>() {}

declare global {
  interface HTMLElementEventMap {
    'tectra-tier-select': TectraTierSelectEvent;
    'tectra-billing-activated': TectraBillingActivatedEvent;
    'tectra-tier-changed': TectraTierChangedEvent;
    'tectra-payment-method-changed': TectraPaymentMethodChangedEvent;
    'tectra-usage-threshold': TectraUsageThresholdEvent;
    'tectra-error': TectraErrorEvent;
    'tectra-manage': TectraManageEvent;
    'tectra-subscription-canceled': TectraSubscriptionCanceledEvent;
    'tectra-subscription-resumed': TectraSubscriptionResumedEvent;
    'tectra-invoice-paid': TectraInvoicePaidEvent;
  }
}
