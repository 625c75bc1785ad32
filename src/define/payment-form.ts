import { TectraPaymentForm } from '../elements/payment-form/payment-form.js';
import { define } from './define.js';

define('tectra-payment-form', TectraPaymentForm);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-payment-form': TectraPaymentForm;
  }
}

export { TectraPaymentForm };
