import { TectraPaymentMethods } from '../elements/payment-methods/payment-methods.js';
import { define } from './define.js';

define('tectra-payment-methods', TectraPaymentMethods);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-payment-methods': TectraPaymentMethods;
  }
}

export { TectraPaymentMethods };
