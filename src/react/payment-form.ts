// The React wrapper of <tectra-payment-form>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/payment-form.js';
import { TectraPaymentForm } from '../elements/payment-form/payment-form.js';
import type { TectraBillingActivatedEvent } from '../events.js';
import { onError } from './on-error.js';

export const PaymentForm = createComponent({
  tagName: 'tectra-payment-form',
  elementClass: TectraPaymentForm,
  react: React,
  events: { onBillingActivated: 'tectra-billing-activated' as EventName<TectraBillingActivatedEvent>, onError },
});
