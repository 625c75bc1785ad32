// The React wrapper of <tectra-payment-methods>; importing it registers that element only.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../define/payment-methods.js';
import { TectraPaymentMethods } from '../elements/payment-methods/payment-methods.js';
import type { TectraPaymentMethodChangedEvent } from '../events.js';
import { onError } from './on-error.js';

export const PaymentMethods = createComponent({
  tagName: 'tectra-payment-methods',
  elementClass: TectraPaymentMethods,
  react: React,
  events: { onPaymentMethodChanged: 'tectra-payment-method-changed' as EventName<TectraPaymentMethodChangedEvent>, onError },
});
