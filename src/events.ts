/**
 * The kit's events: typed `Event` subclasses that bubble and cross shadow roots,
 * declared in `HTMLElementEventMap` so `addEventListener` infers the detail.
 */
import type { BillingError } from './core/errors.js';
import type { Invoice, MeterKey, PaymentMethod, PlanSelection, Subscription } from './core/types.js';

const init = { bubbles: true, composed: true } as const;

/** A tier was chosen for checkout. Cancelable: `preventDefault()` vetoes the choice. */
export class TectraTierSelectEvent extends Event {
  static readonly type = 'tectra-tier-select';
  constructor(readonly detail: { selection: PlanSelection }) {
    super(TectraTierSelectEvent.type, { ...init, cancelable: true });
  }
}

/** Billing was activated and the backend confirmed the subscription. */
export class TectraBillingActivatedEvent extends Event {
  static readonly type = 'tectra-billing-activated';
  constructor(readonly detail: { subscription: Subscription }) {
    super(TectraBillingActivatedEvent.type, init);
  }
}

/** The tier changed (or a change was scheduled). */
export class TectraTierChangedEvent extends Event {
  static readonly type = 'tectra-tier-changed';
  constructor(readonly detail: { subscription: Subscription }) {
    super(TectraTierChangedEvent.type, init);
  }
}

/** A card was added, removed or made the default. */
export class TectraPaymentMethodChangedEvent extends Event {
  static readonly type = 'tectra-payment-method-changed';
  constructor(readonly detail: { action: 'added' | 'removed' | 'default'; paymentMethod?: PaymentMethod }) {
    super(TectraPaymentMethodChangedEvent.type, init);
  }
}

/** Usage of a meter crossed an alert threshold (a fraction of its limit). */
export class TectraUsageThresholdEvent extends Event {
  static readonly type = 'tectra-usage-threshold';
  constructor(readonly detail: { meter: MeterKey; threshold: number }) {
    super(TectraUsageThresholdEvent.type, init);
  }
}

/** An operation failed; the element shows the error too. */
export class TectraErrorEvent extends Event {
  static readonly type = 'tectra-error';
  constructor(readonly detail: { error: BillingError; operation: string }) {
    super(TectraErrorEvent.type, init);
  }
}

/** The plan was canceled: it ends at the period end (`cancelAtPeriodEnd`) or ended now. */
export class TectraSubscriptionCanceledEvent extends Event {
  static readonly type = 'tectra-subscription-canceled';
  constructor(readonly detail: { subscription: Subscription }) {
    super(TectraSubscriptionCanceledEvent.type, init);
  }
}

/** A plan set to end at the period end renews again. */
export class TectraSubscriptionResumedEvent extends Event {
  static readonly type = 'tectra-subscription-resumed';
  constructor(readonly detail: { subscription: Subscription }) {
    super(TectraSubscriptionResumedEvent.type, init);
  }
}

/** An open invoice was paid in the page. */
export class TectraInvoicePaidEvent extends Event {
  static readonly type = 'tectra-invoice-paid';
  constructor(readonly detail: { invoice: Invoice }) {
    super(TectraInvoicePaidEvent.type, init);
  }
}

export type ManageAction = 'manage' | 'choose-tier' | 'update-payment-method';

/** The user asked to manage billing (the host decides where that leads). */
export class TectraManageEvent extends Event {
  static readonly type = 'tectra-manage';
  constructor(readonly detail: { action: ManageAction }) {
    super(TectraManageEvent.type, init);
  }
}

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
