import { TectraBillingDetails } from '../elements/billing-details/billing-details.js';
import { define } from './define.js';

define('tectra-billing-details', TectraBillingDetails);

declare global {
  interface HTMLElementTagNameMap {
    'tectra-billing-details': TectraBillingDetails;
  }
}

export { TectraBillingDetails };
